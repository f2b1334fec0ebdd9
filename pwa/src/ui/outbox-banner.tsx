import { useAppState } from "../app-context.ts";
import { t } from "../i18n/index.ts";
import { deleteOutboxEntry } from "../outbox/index.ts";

/** Offline notice, and every write the server refused on replay, with its reason, until the person dismisses it. */
export function OutboxBanner() {
  const texts = t();
  const { outbox, refreshOutbox, online } = useAppState();
  const refused = outbox.filter((e) => e.state === "refused");
  return (
    <>
      {online ? null : (
        <p class="alert alert-warning" role="status">
          {texts.offline}
        </p>
      )}
      {refused.length > 0 ? (
        <section class="alert alert-danger" role="alert" data-testid="refused">
          <h2>{texts.refusedTitle}</h2>
          <ul class="list">
            {refused.map((entry) => (
              <li key={entry.id}>
                <p>
                  <strong>
                    {texts.refused}: {entry.label}
                  </strong>{" "}
                  — {entry.error?.message}
                </p>
                <button
                  type="button"
                  class="btn"
                  onClick={async () => {
                    await deleteOutboxEntry(entry.id);
                    refreshOutbox();
                  }}
                >
                  {texts.dismiss}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
