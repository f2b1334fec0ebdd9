import type { ObjectId } from "mongodb";
import { organisationNames } from "../organisations/queries.ts";
import { peopleByIds, personNames } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { tableNames } from "../tables/queries.ts";

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
  const found = await Promise.all([
    organisationNames(ctx, input.organisationIds ?? []),
    tableNames(ctx, input.tableIds ?? []),
    personNames(ctx, input.personIds ?? []),
  ]);
  return new Map(found.flatMap((names) => [...names]));
}

/** How to reach these people outside Tavoli: their e-mail (to find their chat account) and language. */
export function contactsOf({ ctx, input }: { ctx: Ctx; input: { personIds: ObjectId[] } }) {
  return peopleByIds(ctx, input.personIds, { email: 1, locale: 1 });
}
