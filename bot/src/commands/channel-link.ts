import { ObjectId } from "mongodb";
import { recordChange } from "../../../server/src/shared/record.ts";
import { matchTableName, tablesOrganisedByMe } from "../../../server/src/tables/organised.ts";
import { escapeMrkdwn } from "../blocks/format.ts";
import { TEXT } from "../i18n.ts";
import { asPerson, type CommandCall, type PersonWho, say } from "./context.ts";

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
    await setChannel(call, who, table._id);
    await say(call.respond, t.channelLinked(escapeMrkdwn(table.name)));
  });
}

/** `/tavoli scollega`: the channel stops receiving the table's convocations. */
export function unlinkChannel(call: CommandCall) {
  return asPerson(call, async (who) => {
    const { team_id: teamId, channel_id: channelId } = call.command;
    const current = await call.deps.store.channels.findOne({ teamId, channelId });
    const organised = await tablesOrganisedByMe({ ctx: who.ctx });
    if (current && !organised.some((table) => table._id.equals(current.tableId))) {
      return say(call.respond, TEXT[who.lang].notOrganiser);
    }
    if (current) {
      await call.deps.store.channels.deleteOne({ _id: current._id });
      await recordChange(who.ctx, {
        action: "slack.channel_unlinked",
        entity: "slackChannel",
        entityId: current._id,
        agreementId: null,
        before: current,
        after: null,
      });
    }
    await say(call.respond, TEXT[who.lang].channelUnlinked);
  });
}

async function setChannel(call: CommandCall, who: PersonWho, tableId: ObjectId) {
  const { team_id: teamId, channel_id: channelId } = call.command;
  const before = await call.deps.store.channels.findOne({ teamId, channelId });
  const doc = {
    _id: before?._id ?? new ObjectId(),
    teamId,
    channelId,
    tableId,
    linkedById: who.person._id,
    linkedAt: call.deps.now(),
  };
  // Replace by _id (the one write FerretDB does without a scan); the unique key settles two first links.
  await call.deps.store.channels.replaceOne({ _id: doc._id }, doc, { upsert: true });
  await recordChange(who.ctx, {
    action: "slack.channel_linked",
    entity: "slackChannel",
    entityId: doc._id,
    agreementId: null,
    before,
    after: doc,
  });
}
