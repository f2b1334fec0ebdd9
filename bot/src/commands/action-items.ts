import { listMyActionItems } from "../../../server/src/action-items/index.ts";
import { actionItemsMessage } from "../blocks/action-items.ts";
import { asPerson, type CommandCall } from "./context.ts";

/** `/tavoli azioni`: my open action items and my organisations', through the API's own list. */
export function showActionItems(call: CommandCall) {
  return asPerson(call, async (who) => {
    const page = await listMyActionItems({ ctx: who.ctx, input: { status: "aperta", limit: 200 } });
    await call.respond(actionItemsMessage(page.items, who.lang));
  });
}
