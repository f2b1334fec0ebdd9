import { useEffect, useState } from "preact/hooks";
import type { Contribution } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { useAppState } from "../app-context.ts";
import { formatDate } from "../format.ts";
import { t } from "../i18n/index.ts";
import { newEntry, write } from "../outbox/index.ts";
import { Load } from "../ui/loading.tsx";
import { PendingList } from "../ui/pending-list.tsx";
import { TablePicker, useMyTables } from "../ui/table-picker.tsx";

const KINDS = ["documento", "buona_pratica", "dataset", "soluzione", "commento"] as const;

function kindLabel(kind: string): string {
  const texts = t() as unknown as Record<string, string>;
  return texts[`kind${kind.charAt(0).toUpperCase()}${kind.slice(1)}`] ?? kind;
}

/** Contributi: the contributions of one of my tables, and a form to log one (offline too). */
export function ContributionsScreen() {
  const texts = t();
  const tables = useMyTables();
  const [tableId, setTableId] = useState("");
  useEffect(() => {
    document.title = `${texts.contributionsTitle} — Tavoli`;
    if (Array.isArray(tables) && tables[0] && !tableId) setTableId(tables[0].tableId);
  }, [tables, tableId, texts]);
  const [loaded, reload] = useApi<{ items: Contribution[] }>(
    tableId ? `/tables/${tableId}/contributions?limit=50` : null,
  );
  const table = Array.isArray(tables) ? tables.find((x) => x.tableId === tableId) : undefined;
  return (
    <>
      <h1>{texts.contributionsTitle}</h1>
      {tables === null ? <p role="status">{texts.loading}</p> : null}
      {tables === "error" ? <p class="alert alert-danger">{texts.loadFailed}</p> : null}
      {Array.isArray(tables) && tables.length === 0 ? <p>{texts.noTables}</p> : null}
      {Array.isArray(tables) && table ? (
        <>
          <TablePicker tables={tables} value={tableId} onChange={setTableId} />
          <ContributionForm tableId={tableId} organisationId={table.organisationId} onSent={reload} />
          <PendingList kind="contribution" tableId={tableId} />
          <Load loaded={loaded} retry={reload}>
            {(data) =>
              data.items.length === 0 ? (
                <p>{texts.none}</p>
              ) : (
                <ul class="list">
                  {data.items.map((c) => (
                    <li class="card" key={c.id}>
                      <h3>
                        {c.url ? (
                          <a href={c.url} rel="noopener">
                            {c.title}
                          </a>
                        ) : (
                          c.title
                        )}
                      </h3>
                      <p class="card-meta">
                        {kindLabel(c.kind)} · {c.organisationName ?? ""} · {c.authorName} ·{" "}
                        {formatDate(c.createdAt)}
                      </p>
                    </li>
                  ))}
                </ul>
              )
            }
          </Load>
        </>
      ) : null}
    </>
  );
}

function ContributionForm({
  tableId,
  organisationId,
  onSent,
}: {
  tableId: string;
  organisationId: string;
  onSent: () => void;
}) {
  const texts = t();
  const { refreshOutbox } = useAppState();
  const [kind, setKind] = useState<(typeof KINDS)[number]>("documento");
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(event: Event) {
    event.preventDefault();
    const body = { kind, title: title.trim(), organisationId, ...(url.trim() ? { url: url.trim() } : {}) };
    const entry = newEntry({
      kind: "contribution",
      label: title.trim(),
      tableId,
      requests: [{ method: "POST", path: `/tables/${tableId}/contributions`, body }],
      preview: { title: title.trim() },
    });
    const outcome = await write(entry);
    refreshOutbox();
    if (outcome.result === "refused") return setStatus({ ok: false, text: outcome.error.message });
    setStatus({ ok: true, text: outcome.result === "sent" ? texts.sentOk : texts.queued });
    setTitle("");
    setUrl("");
    if (outcome.result === "sent") onSent();
  }
  return (
    <form class="card" onSubmit={submit}>
      <h2>{texts.newContribution}</h2>
      <div class="form-group">
        <label for="contribution-kind">{texts.kind}</label>
        <select
          id="contribution-kind"
          value={kind}
          onChange={(e) => setKind((e.target as HTMLSelectElement).value as typeof kind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </div>
      <div class="form-group">
        <label for="contribution-title">{texts.title}</label>
        <input
          id="contribution-title"
          type="text"
          required
          maxLength={300}
          value={title}
          onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="form-group">
        <label for="contribution-url">{texts.link}</label>
        <input
          id="contribution-url"
          type="url"
          inputMode="url"
          value={url}
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="btn btn-primary">
        {texts.submit}
      </button>
      <p
        role="status"
        class={status ? `alert ${status.ok ? "alert-success" : "alert-danger"}` : "visually-hidden"}
      >
        {status?.text ?? ""}
      </p>
    </form>
  );
}
