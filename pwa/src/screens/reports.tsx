import { useState } from "preact/hooks";
import type { IssueReport } from "../api/types.ts";
import { useAppState } from "../app-context.ts";
import { formatDate } from "../format.ts";
import { t } from "../i18n/index.ts";
import { newEntry, write } from "../outbox/index.ts";
import { FormStatus, useFormStatus } from "../ui/form-status.tsx";
import { TableScreen } from "../ui/table-screen.tsx";

const SEVERITIES = ["bassa", "media", "alta"] as const;
const ACCEPTED = "image/jpeg,image/png,image/webp,application/pdf";

function label(prefix: string, value: string): string {
  const texts = t() as unknown as Record<string, string>;
  return texts[`${prefix}${value.charAt(0).toUpperCase()}${value.slice(1)}`] ?? value;
}

/** Segnalazioni: raise one for my organisation (with a photo, offline too) and follow their state. */
export function ReportsScreen() {
  const texts = t();
  return (
    <TableScreen<IssueReport>
      title={texts.reportsTitle}
      kind="issue-report"
      collection="issue-reports"
      form={(table, onSent) => (
        <ReportForm tableId={table.tableId} organisationId={table.organisationId} onSent={onSent} />
      )}
      item={(r) => (
        <li class="card" key={r.id} data-report={r.id}>
          <h3>
            #{r.seq} {r.title}
          </h3>
          <p class="card-meta">
            <span class="badge">{label("status", r.status)}</span> · {label("severity", r.severity)} ·{" "}
            {r.organisationName ?? ""} · {formatDate(r.createdAt)}
          </p>
        </li>
      )}
    />
  );
}

function ReportForm({
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
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>("media");
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useFormStatus();
  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body = {
      organisationId,
      title: title.trim(),
      severity,
      ...(description.trim() ? { description: description.trim() } : {}),
    };
    // The report is JSON; its photo follows as a second call on the id the first one answers.
    const entry = newEntry({
      kind: "issue-report",
      label: title.trim(),
      tableId,
      requests: [
        { method: "POST", path: `/tables/${tableId}/issue-reports`, body },
        ...(file
          ? [
              {
                method: "POST" as const,
                path: "/issue-reports/{previous}/attachments",
                file: { blob: file, name: file.name },
              },
            ]
          : []),
      ],
      preview: { title: title.trim() },
    });
    const outcome = await write(entry);
    refreshOutbox();
    if (outcome.result === "refused") {
      // The report itself may have been accepted (its photo refused): the list shows what the server has.
      onSent();
      return setStatus({ ok: false, text: outcome.error.message });
    }
    setStatus({ ok: true, text: outcome.result === "sent" ? texts.sentOk : texts.queued });
    setTitle("");
    setDescription("");
    setFile(null);
    form.reset();
    if (outcome.result === "sent") onSent();
  }
  return (
    <form class="card" onSubmit={submit}>
      <h2>{texts.newReport}</h2>
      <div class="form-group">
        <label for="report-title">{texts.title}</label>
        <input
          id="report-title"
          type="text"
          required
          maxLength={200}
          value={title}
          onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="form-group">
        <label for="report-description">{texts.description}</label>
        <textarea
          id="report-description"
          rows={3}
          value={description}
          onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)}
        />
      </div>
      <fieldset>
        <legend>{texts.severity}</legend>
        {SEVERITIES.map((s) => (
          <label class="check" key={s}>
            <input type="radio" name="severity" checked={severity === s} onChange={() => setSeverity(s)} />
            {label("severity", s)}
          </label>
        ))}
      </fieldset>
      <div class="form-group">
        <label for="report-file">{texts.photo}</label>
        <input
          id="report-file"
          type="file"
          accept={ACCEPTED}
          aria-describedby="report-file-hint"
          onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
        />
        <p id="report-file-hint" class="hint">
          {texts.photoHint}
        </p>
      </div>
      <button type="submit" class="btn btn-primary">
        {texts.submit}
      </button>
      <FormStatus status={status} />
    </form>
  );
}
