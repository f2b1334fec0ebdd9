import type { ObjectId } from "mongodb";
import { organisationNames } from "../organisations/queries.ts";
import type { ReportSectionSource } from "../reports/section.ts";
import { romeDate } from "../shared/dates.ts";
import type { ActionItemDoc } from "./documents.ts";

const HIDDEN = "Azione riservata";

/** The day an item left `aperta`, or null while open. */
const closedOn = (item: ActionItemDoc) => (item.closedAt ? romeDate(item.closedAt) : null);

/**
 * The report's action items: those decided at sittings in the period and those still open during it
 * (decided before its end, not closed before its start). Overdue as of the period's end (today if it
 * has not ended): due before that day and not closed by it. What an item says only for the tables in
 * `audience.confidentialTableIds` ("Azione riservata" elsewhere: minutes' action items have no
 * confidentiality flag and may concern a confidential agenda item).
 */
export const actionItemsSection: ReportSectionSource = async (ctx, scope, period, audience) => {
  const today = romeDate(ctx.now());
  // Calendar days compare as strings: the earlier of the two.
  const asOf = [period.to, today].sort()[0] ?? today;
  const candidates = await ctx.c.actionItems
    .find({ tableId: { $in: scope.tables.map((t) => t._id) } })
    .sort({ sittingStartsAt: 1, index: 1 })
    .toArray();
  const items = candidates.filter((item) => {
    const closed = closedOn(item);
    return romeDate(item.sittingStartsAt) <= period.to && (closed === null || closed >= period.from);
  });
  const owners = new Map<string, ObjectId>();
  for (const item of items)
    if (item.ownerOrganisationId)
      owners.set(item.ownerOrganisationId.toHexString(), item.ownerOrganisationId);
  const organisations = await organisationNames(ctx, [...owners.values()]);
  const tableNames = new Map(scope.tables.map((t) => [t._id.toHexString(), t.name]));
  const rows = items.map((item) => {
    const closed = closedOn(item);
    const overdue = item.due !== null && item.due < asOf && (closed === null || closed > asOf);
    const org = item.ownerOrganisationId?.toHexString();
    return {
      table: tableNames.get(item.tableId.toHexString()) ?? null,
      sitting: romeDate(item.sittingStartsAt),
      what: audience.confidentialTableIds.has(item.tableId.toHexString()) ? item.what : HIDDEN,
      organisation: org ? (organisations.get(org) ?? null) : null,
      due: item.due,
      status: item.status,
      doneOn: item.doneOn,
      overdue,
    };
  });
  const count = (keep: (row: (typeof rows)[number]) => boolean) => rows.filter(keep).length;
  return {
    key: "action_items",
    title: { it: "Azioni dei verbali", en: "Action items from the minutes" },
    summary: [
      { key: "total", label: { it: "Azioni", en: "Action items" }, value: rows.length },
      {
        key: "done",
        label: { it: "Completate", en: "Done" },
        value: count((r) => r.status === "completata"),
      },
      { key: "overdue", label: { it: "In ritardo", en: "Overdue" }, value: count((r) => r.overdue) },
      { key: "open", label: { it: "Aperte", en: "Open" }, value: count((r) => r.status === "aperta") },
    ],
    columns: [
      { key: "table", label: { it: "Tavolo", en: "Table" } },
      { key: "sitting", label: { it: "Seduta", en: "Sitting" } },
      { key: "what", label: { it: "Azione", en: "Action" } },
      { key: "organisation", label: { it: "Ente responsabile", en: "Owner organisation" } },
      { key: "due", label: { it: "Scadenza", en: "Due" } },
      { key: "status", label: { it: "Stato", en: "Status" } },
      { key: "doneOn", label: { it: "Completata il", en: "Done on" } },
      { key: "overdue", label: { it: "In ritardo", en: "Overdue" } },
    ],
    rows,
  };
};
