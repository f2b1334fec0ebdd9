import { romeDate } from "../shared/dates.ts";
import type { ActionItemDoc } from "./documents.ts";
import { isOverdue } from "./rules.ts";

/** Names the presentation needs, by hex id, and which tables' items the viewer may read in full. */
export type PresentFacts = {
  tables: Map<string, string>;
  organisations: Map<string, string>;
  people: Map<string, string>;
  /** Tables whose members' material the viewer may see (tables/visibility.ts canSeeConfidential). */
  insideTables: ReadonlySet<string>;
  viewerId: string | null;
  viewerOrganisations: readonly string[];
  today: string;
};

/** Whether the viewer reads what the item says: the table's circle, its owner and the owner's organisation. */
export function readsInFull(item: ActionItemDoc, facts: PresentFacts): boolean {
  return (
    facts.insideTables.has(item.tableId.toHexString()) ||
    (facts.viewerId !== null && item.ownerPersonId?.toHexString() === facts.viewerId) ||
    (item.ownerOrganisationId !== null &&
      facts.viewerOrganisations.includes(item.ownerOrganisationId.toHexString()))
  );
}

/**
 * JSON view of a tracked item. Minutes' action items carry no confidentiality flag of their own and may
 * concern a confidential agenda item, so outside the table (and its owner) the text and the reason of a
 * cancellation are withheld (`whatHidden`), as DOMAIN rule 10 asks of confidential material.
 */
export function presentActionItem(item: ActionItemDoc, facts: PresentFacts) {
  const full = readsInFull(item, facts);
  const org = item.ownerOrganisationId?.toHexString() ?? null;
  const person = item.ownerPersonId?.toHexString() ?? null;
  return {
    id: item._id.toHexString(),
    agreementId: item.agreementId.toHexString(),
    tableId: item.tableId.toHexString(),
    tableName: facts.tables.get(item.tableId.toHexString()) ?? null,
    meetingId: item.meetingId.toHexString(),
    sittingStartsAt: item.sittingStartsAt.toISOString(),
    sittingDate: romeDate(item.sittingStartsAt),
    minutesId: item.minutesId.toHexString(),
    index: item.index,
    what: full ? item.what : null,
    whatHidden: !full,
    owner: {
      personId: person,
      name: person ? (facts.people.get(person) ?? null) : null,
      text: item.ownerText,
    },
    ownerOrganisationId: org,
    ownerOrganisationName: org ? (facts.organisations.get(org) ?? null) : null,
    due: item.due,
    status: item.status,
    overdue: isOverdue(item, facts.today),
    doneOn: item.doneOn,
    cancelReason: full ? item.cancelReason : null,
    closedAt: item.closedAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export type PresentedActionItem = ReturnType<typeof presentActionItem>;
