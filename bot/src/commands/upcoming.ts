import { myUpcomingMeetings } from "../../../server/src/meetings/index.ts";
import { upcomingMessage } from "../blocks/upcoming.ts";
import { asPerson, type CommandCall } from "./context.ts";

/** `/tavoli prossime`: the person's next ten sittings with RSVP buttons. */
export function showUpcoming(call: CommandCall) {
  return asPerson(call, async (who) => {
    const meetings = await myUpcomingMeetings({ ctx: who.ctx, input: { limit: 10 } });
    await call.respond(upcomingMessage(meetings, who.lang));
  });
}
