import { ObjectId } from "mongodb";
import { hashToken } from "../auth/secrets.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import { convenedAs, loadReach, reachableTableIds } from "../meetings/person-meetings.ts";
import { meetingsOverlapping } from "../meetings/queries.ts";
import type { PersonDoc } from "../people/documents.ts";
import { ERASED_NAME } from "../people/erase.ts";
import { findPerson } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import type { TableDoc } from "../tables/documents.ts";
import { tablesById } from "../tables/queries.ts";

const DAY_MS = 24 * 3600_000;
/** A feed shows the recent past (to find last month's sitting) and the coming year. */
const PAST_DAYS = 90;
const FUTURE_DAYS = 366;
/** Far above any real table's year; bounds the work one anonymous request can cause. */
const MAX_MEETINGS = 2000;

/** Erased people (DOMAIN rule 11) keep a placeholder record: they get no mail and no calendar. */
export function isErased(person: Pick<PersonDoc, "name" | "email">): boolean {
  return person.name === ERASED_NAME || person.email.endsWith("@invalid.tavoli");
}

/**
 * The sittings behind a subscription URL (no login: the token is the credential): the person's
 * sittings from 90 days ago to a year ahead on every table where they are convened, cancelled ones
 * included so calendars drop them. A revoked or unknown token is not_found: an empty calendar would
 * hide from the subscriber that the URL is dead.
 */
export async function calendarFeed({ ctx, input }: { ctx: Ctx; input: { token: string } }) {
  const notFound = new AppError("not_found", { entity: "calendar_feed" });
  const feed = await ctx.c.calendarFeeds.findOne({ tokenHash: hashToken(input.token), revokedAt: null });
  if (!feed) throw notFound;
  const person = await findPerson(ctx, feed.personId);
  if (!person || isErased(person)) throw notFound;
  const now = ctx.now().getTime();
  const from = new Date(now - PAST_DAYS * DAY_MS);
  const to = new Date(now + FUTURE_DAYS * DAY_MS);
  const reach = await loadReach(ctx, person._id, romeDate(from));
  const tableIds = [...reachableTableIds(reach), ...[...reach.coordinated].map((hex) => new ObjectId(hex))];
  const candidates = await meetingsOverlapping(ctx, {
    tableIds,
    meetingIds: [...reach.delegatedTo].map((hex) => new ObjectId(hex)),
    from,
    to,
    limit: MAX_MEETINGS,
  });
  const tableOf = await tablesById(
    ctx,
    [...new Set(candidates.map((m) => m.tableId.toHexString()))].map((h) => new ObjectId(h)),
  );
  const entries: { meeting: MeetingDoc; table: TableDoc }[] = [];
  for (const meeting of candidates) {
    const table = tableOf.get(meeting.tableId.toHexString());
    if (table && convenedAs(reach, meeting, table)) entries.push({ meeting, table });
  }
  return { person, entries };
}
