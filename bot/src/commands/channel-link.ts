import { ObjectId } from "mongodb";
import { isDuplicateKey } from "../../../server/src/shared/errors.ts";
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
    // Deletes only the link that was checked: one relinked to another table meanwhile stays.
    const removed = current
      ? await call.deps.store.channels.findOneAndDelete({ _id: current._id, tableId: current.tableId })
      : null;
    if (removed) {
      await recordChange(who.ctx, {
        action: "slack.channel_unlinked",
        entity: "slackChannel",
        entityId: removed._id,
        agreementId: null,
        before: removed,
        after: null,
      });
    }
    await say(call.respond, TEXT[who.lang].channelUnlinked);
  });
}

/**
 * Points the channel at the table with one upsert on its unique key, atomic on MongoDB: the document it
 * replaced is exactly this link's audited `before`, however many coordinators link the channel at once.
 */
async function setChannel(call: CommandCall, who: PersonWho, tableId: ObjectId) {
  const { team_id: teamId, channel_id: channelId } = call.command;
  const link = { tableId, linkedById: who.person._id, linkedAt: call.deps.now() };
  const fresh = new ObjectId();
  const upsert = () =>
    call.deps.store.channels.findOneAndUpdate(
      { teamId, channelId },
      { $set: link, $setOnInsert: { _id: fresh } },
      { upsert: true, returnDocument: "before" },
    );
  // Two first links can both try to insert; the loser's retry replaces the winner's link.
  const before = await upsert().catch((error) => (isDuplicateKey(error) ? upsert() : Promise.reject(error)));
  const _id = before?._id ?? fresh;
  const after = { _id, teamId, channelId, ...link };
  await recordChange(who.ctx, {
    action: "slack.channel_linked",
    entity: "slackChannel",
    entityId: _id,
    agreementId: null,
    before,
    after,
  });
}
