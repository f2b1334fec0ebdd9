import { ObjectId } from "mongodb";
import { standingReferentsOn } from "../designations/queries.ts";
import { findMeeting } from "../meetings/queries.ts";
import { approvedActionItems } from "../minutes/approved-actions.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import type { ActionItemDoc } from "./documents.ts";
import { recordActionItem } from "./record.ts";

/**
 * Turns each action item of approved minutes into a tracked item (`aperta`), once: the document is keyed
 * by (minutesId, index) under a unique index, so a repeated delivery of `minutes.approved` finds the ones
 * already there, and completes their `action_item.tracked` record if a crash took it (recordChangeOnce).
 * Each item is one document written in one insert: never half-written. Returns the items, in order.
 */
export async function trackApprovedMinutes({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { minutesId: ObjectId };
}): Promise<ActionItemDoc[]> {
  const minutes = await approvedActionItems(ctx, input.minutesId);
  if (!minutes || minutes.actionItems.length === 0) return [];
  const meeting = await findMeeting(ctx, minutes.meetingId);
  if (!meeting) return [];
  const day = romeDate(meeting.startsAt);
  const seats = await standingReferentsOn(ctx, minutes.tableId, day);
  // The organisation a person represents on the table that day; else the one they attended for.
  const organisationOf = (personId: ObjectId) =>
    seats.find((s) => s.personId.equals(personId))?.organisationId ??
    minutes.attendees.find((a) => a.personId.equals(personId))?.organisationId ??
    null;
  const tracked: ActionItemDoc[] = [];
  for (const [index, item] of minutes.actionItems.entries()) {
    const ownerPersonId = "personId" in item.who ? item.who.personId : null;
    const now = ctx.now();
    const doc: ActionItemDoc = {
      _id: new ObjectId(),
      agreementId: minutes.agreementId,
      tableId: minutes.tableId,
      meetingId: minutes.meetingId,
      sittingStartsAt: meeting.startsAt,
      minutesId: minutes._id,
      index,
      what: item.what,
      ownerPersonId,
      ownerText: "text" in item.who ? item.who.text : null,
      ownerOrganisationId: ownerPersonId ? organisationOf(ownerPersonId) : null,
      due: item.due,
      status: "aperta",
      doneOn: null,
      cancelReason: null,
      closedAt: null,
      closedById: null,
      revision: 0,
      createdAt: now,
      updatedAt: now,
    };
    const stored = await insertOrFind(ctx, doc);
    await recordActionItem(ctx, "action_item.tracked", null, stored, { once: true });
    tracked.push(stored);
  }
  return tracked;
}

async function insertOrFind(ctx: Ctx, doc: ActionItemDoc): Promise<ActionItemDoc> {
  try {
    await ctx.c.actionItems.insertOne(doc);
    return doc;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const found = await ctx.c.actionItems.findOne({ minutesId: doc.minutesId, index: doc.index });
    if (!found) throw error;
    return found;
  }
}
