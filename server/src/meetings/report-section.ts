import { periodInstants } from "../reports/period.ts";
import type { ReportSectionSource } from "../reports/section.ts";
import type { MeetingDoc, MeetingMode } from "./documents.ts";
import { inRome } from "./local-time.ts";
import { sittingsStartingBetween } from "./queries.ts";

const MODE_LABEL: Record<MeetingMode, string> = {
  in_presenza: "in presenza",
  online: "online",
  ibrida: "ibrida",
};

/** tenuta (held: convened and started), annullata (cancelled), programmata (convened, not yet started). */
export function sittingState(meeting: MeetingDoc, now: Date): "tenuta" | "annullata" | "programmata" {
  if (meeting.status === "cancelled") return "annullata";
  return meeting.startsAt <= now ? "tenuta" : "programmata";
}

/**
 * Sedute: every sitting of the tables in scope starting in the period, with its table, mode and state,
 * and the counts held / cancelled / scheduled and per mode. Sitting titles are public (the calendar
 * shows them); agenda items are not reported.
 */
export const meetingsSection: ReportSectionSource = async (ctx, scope, period) => {
  const { start, end } = periodInstants(period);
  const tableName = new Map(scope.tables.map((t) => [t._id.toHexString(), t.name]));
  const sittings = await sittingsStartingBetween(ctx, {
    tableIds: scope.tables.map((t) => t._id),
    start,
    end,
  });
  const now = ctx.now();
  const rows = sittings.map((m) => {
    const local = inRome(m.startsAt);
    return {
      date: local.toISODate(),
      time: local.toFormat("HH:mm"),
      table: tableName.get(m.tableId.toHexString()) ?? "",
      title: m.title,
      mode: MODE_LABEL[m.mode],
      state: sittingState(m, now),
    };
  });
  const count = (pick: (row: (typeof rows)[number]) => boolean) => rows.filter(pick).length;
  const held = (mode: string) => count((r) => r.state === "tenuta" && r.mode === mode);
  return {
    key: "meetings",
    title: { it: "Sedute", en: "Sittings" },
    summary: [
      {
        key: "held",
        label: { it: "Sedute tenute", en: "Sittings held" },
        value: count((r) => r.state === "tenuta"),
      },
      {
        key: "cancelled",
        label: { it: "Sedute annullate", en: "Sittings cancelled" },
        value: count((r) => r.state === "annullata"),
      },
      {
        key: "scheduled",
        label: { it: "Sedute programmate", en: "Sittings scheduled" },
        value: count((r) => r.state === "programmata"),
      },
      {
        key: "heldInPerson",
        label: { it: "Tenute in presenza", en: "Held in person" },
        value: held("in presenza"),
      },
      { key: "heldOnline", label: { it: "Tenute online", en: "Held online" }, value: held("online") },
      {
        key: "heldHybrid",
        label: { it: "Tenute in forma ibrida", en: "Held hybrid" },
        value: held("ibrida"),
      },
      // Per table, when the report covers more than one.
      ...(scope.tables.length > 1
        ? scope.tables.map((t) => ({
            key: `held:${t._id.toHexString()}`,
            label: { it: `Sedute tenute — ${t.name}`, en: `Sittings held — ${t.name}` },
            value: count((r) => r.state === "tenuta" && r.table === t.name),
          }))
        : []),
    ],
    columns: [
      { key: "date", label: { it: "Data", en: "Date" } },
      { key: "time", label: { it: "Ora", en: "Time" } },
      { key: "table", label: { it: "Tavolo", en: "Table" } },
      { key: "title", label: { it: "Seduta", en: "Sitting" } },
      { key: "mode", label: { it: "Modalità", en: "Mode" } },
      { key: "state", label: { it: "Stato", en: "State" } },
    ],
    rows,
  };
};
