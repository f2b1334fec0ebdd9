import { linkTableChannel, unlinkTableChannel } from "../../../server/src/chat/index.ts";
import { AppError } from "../../../server/src/index.ts";
import { matchTableName, tablesOrganisedByMe } from "../../../server/src/tables/index.ts";
import { escapeMrkdwn } from "../blocks/format.ts";
import { TEXT } from "../i18n.ts";
import { asPerson, type CommandCall, say } from "./context.ts";

/** The organiser check is the server's; here its refusal keeps the bot's own wording. */
const notOrganiser = (error: unknown) => error instanceof AppError && error.code === "forbidden";

/** `/tavoli collega <tavolo>`: this channel becomes the table's channel (its coordinators only). */
export function linkChannel(call: CommandCall) {
  return asPerson(call, async (who) => {
    const t = TEXT[who.lang];
    const typed = call.args.join(" ");
    const tables = await tablesOrganisedByMe({ ctx: who.ctx });
    if (tables.length === 0) return say(call.respond, t.notOrganiser);
    const matches = typed ? matchTableName(tables, typed) : tables;
    if (!typed && matches.length !== 1) return say(call.respond, t.usageCollega);
    if (matches.length === 0) return say(call.respond, t.tableNotFound(escapeMrkdwn(typed)));
    if (matches.length > 1)
      return say(call.respond, t.tableAmbiguous(matches.slice(0, 10).map((m) => m.name)));
    const table = matches[0];
    if (!table) return;
    const { team_id: teamId, channel_id: channelId } = call.command;
    try {
      await linkTableChannel({ ctx: who.ctx, input: { teamId, channelId, tableId: table._id } });
    } catch (error) {
      if (notOrganiser(error)) return say(call.respond, t.notOrganiser);
      throw error;
    }
    await say(call.respond, t.channelLinked(escapeMrkdwn(table.name)));
  });
}

/** `/tavoli scollega`: the channel stops receiving the table's convocations. */
export function unlinkChannel(call: CommandCall) {
  return asPerson(call, async (who) => {
    const { team_id: teamId, channel_id: channelId } = call.command;
    try {
      await unlinkTableChannel({ ctx: who.ctx, input: { teamId, channelId } });
    } catch (error) {
      if (notOrganiser(error)) return say(call.respond, TEXT[who.lang].notOrganiser);
      throw error;
    }
    await say(call.respond, TEXT[who.lang].channelUnlinked);
  });
}
