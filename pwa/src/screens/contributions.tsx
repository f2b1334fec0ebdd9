import { useState } from "preact/hooks";
import type { Contribution } from "../api/types.ts";
import { useAppState } from "../app-context.ts";
import { formatDate } from "../format.ts";
import { t } from "../i18n/index.ts";
import { newEntry, write } from "../outbox/index.ts";
import { FormStatus, useFormStatus } from "../ui/form-status.tsx";
import { TableScreen } from "../ui/table-screen.tsx";

const KINDS = ["documento", "buona_pratica", "dataset", "soluzione", "commento"] as const;

function kindLabel(kind: string): string {
  const texts = t() as unknown as Record<string, string>;
  return texts[`kind${kind.charAt(0).toUpperCase()}${kind.slice(1)}`] ?? kind;
}

/** Contributi: the contributions of one of my tables, and a form to log one (offline too). */
export function ContributionsScreen() {
  const texts = t();
  return (
    <TableScreen<Contribution>
      title={texts.contributionsTitle}
      kind="contribution"
      collection="contributions"
      form={(table, onSent) => (
        <ContributionForm tableId={table.tableId} organisationId={table.organisationId} onSent={onSent} />
      )}
      item={(c) => (
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
            {kindLabel(c.kind)} · {c.organisationName ?? ""} · {c.authorName} · {formatDate(c.createdAt)}
          </p>
        </li>
      )}
    />
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
  const [status, setStatus] = useFormStatus();
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
      <FormStatus status={status} />
    </form>
  );
}
