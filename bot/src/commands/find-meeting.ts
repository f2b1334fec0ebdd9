import { ObjectId } from "mongodb";
import { myUpcomingMeetings } from "../../../server/src/meetings/index.ts";
import type { PersonWho } from "./context.ts";

const DAY_MS = 86_400_000;

/**
 * One of the person's sittings by the code `/tavoli prossime` shows (the id's last six characters) or
 * by its full id; `sinceDays` also looks back (for minutes of past sittings).
 */
export async function findMyMeeting(who: PersonWho, code: string, sinceDays = 0) {
  const wanted = code.trim().toLowerCase();
  if (!/^[0-9a-f]{6,24}$/.test(wanted)) return null;
  const from = new Date(who.ctx.now().getTime() - sinceDays * DAY_MS);
  const meetings = await myUpcomingMeetings({ ctx: who.ctx, input: { from, limit: 500 } });
  const full = wanted.length === 24 && ObjectId.isValid(wanted) ? wanted : null;
  return meetings.find((m) => (full ? m.id === full : m.id.endsWith(wanted))) ?? null;
}
