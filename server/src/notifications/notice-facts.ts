import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

// Reads for notifiers, which run with no actor after the use case that emitted the event passed its own
// checks: only what a notice names, never a whole document.

/** Names of the organisations, tables and people a notice mentions, by hex id (missing ones left out). */
export async function noticeNames({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organisationIds?: ObjectId[]; tableIds?: ObjectId[]; personIds?: ObjectId[] };
}): Promise<Map<string, string>> {
  const named = { projection: { name: 1 } } as const;
  const inIds = (ids: ObjectId[] | undefined) => ({ _id: { $in: ids ?? [] } });
  const found = await Promise.all([
    ctx.c.organisations.find(inIds(input.organisationIds), named).toArray(),
    ctx.c.tables.find(inIds(input.tableIds), named).toArray(),
    ctx.c.people.find(inIds(input.personIds), named).toArray(),
  ]);
  return new Map(found.flat().map((doc) => [doc._id.toHexString(), doc.name]));
}

/** How to reach these people outside Tavoli: their e-mail (to find their chat account) and language. */
export function contactsOf({ ctx, input }: { ctx: Ctx; input: { personIds: ObjectId[] } }) {
  return ctx.c.people
    .find({ _id: { $in: input.personIds } }, { projection: { email: 1, locale: 1 } })
    .toArray();
}

/** A sitting's title and table, for a notice about it; null when it does not exist. */
export function meetingHeadline({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  return ctx.c.meetings.findOne({ _id: input.id }, { projection: { title: 1, tableId: 1 } });
}
