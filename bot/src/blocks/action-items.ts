import type { PresentedActionItem } from "../../../server/src/action-items/index.ts";
import { type Lang, TEXT } from "../i18n.ts";
import { ACTION } from "../ids.ts";
import { button, context, escapeMrkdwn, header } from "./format.ts";

/** A calendar day in the Italian way: 2026-04-15 → 15/04/2026. */
export function italianDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

/** Overdue first, then by due day (none last), then as decided. */
function byUrgency(a: PresentedActionItem, b: PresentedActionItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.due !== b.due) return a.due === null ? 1 : b.due === null ? -1 : a.due.localeCompare(b.due);
  return a.sittingStartsAt.localeCompare(b.sittingStartsAt) || a.index - b.index;
}

// Slack allows 50 blocks per message: the header, one section per item, and a closing line.
const MAX_ITEMS = 40;

/** `/tavoli azioni`: my open action items, overdue first and marked, each with a "Fatta" button. */
export function actionItemsMessage(items: PresentedActionItem[], lang: Lang) {
  const t = TEXT[lang];
  if (items.length === 0) return { response_type: "ephemeral" as const, text: t.noActionItems };
  const sorted = [...items].sort(byUrgency);
  const blocks: unknown[] = [header(t.actionItemsTitle)];
  for (const item of sorted.slice(0, MAX_ITEMS)) {
    const what = item.what === null ? t.reservedAction : `*${escapeMrkdwn(item.what)}*`;
    const due = item.due ? t.dueOn(italianDay(item.due)) : t.noDue;
    const owner = item.ownerOrganisationName ?? item.owner.name ?? item.owner.text ?? "";
    blocks.push({
      type: "section",
      block_id: `action_item_${item.id}`,
      text: {
        type: "mrkdwn",
        text: [
          `${item.overdue ? `:warning: *${t.overdueMarker}* · ` : ""}${what}`,
          `${due}${owner ? ` · ${escapeMrkdwn(owner)}` : ""}`,
          t.sittingOf(escapeMrkdwn(item.tableName ?? ""), italianDay(item.sittingDate)),
        ].join("\n"),
      },
      accessory: button({
        text: t.markDone,
        actionId: ACTION.actionItemDone,
        value: item.id,
        style: "primary",
      }),
    });
  }
  if (sorted.length > MAX_ITEMS) blocks.push(context(t.moreActionItems(sorted.length - MAX_ITEMS)));
  return { response_type: "ephemeral" as const, text: t.actionItemsTitle, blocks };
}
