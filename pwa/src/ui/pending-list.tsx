import { useAppState } from "../app-context.ts";
import { t } from "../i18n/index.ts";
import type { OutboxEntry } from "../outbox/index.ts";

/** The writes of one kind (and table) still waiting in the outbox, marked "in attesa di invio". */
export function PendingList({ kind, tableId }: { kind: OutboxEntry["kind"]; tableId: string }) {
  const texts = t();
  const { outbox } = useAppState();
  const waiting = outbox.filter((e) => e.kind === kind && e.tableId === tableId && e.state === "pending");
  if (waiting.length === 0) return null;
  return (
    <ul class="list">
      {waiting.map((entry) => (
        <li class="card" key={entry.id} data-testid="pending-entry">
          <h3>{entry.preview?.title ?? entry.label}</h3>
          <span class="badge badge-pending">{texts.pending}</span>
        </li>
      ))}
    </ul>
  );
}
