import { ObjectId } from "mongodb";
import { requireOrganiser } from "../meetings/access.ts";
import type { Ctx } from "../shared/context.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import { recordChange } from "../shared/record.ts";
import { getTable } from "../tables/queries.ts";
import { chatCollections } from "./documents.ts";

type ChannelKey = { teamId: string; channelId: string };

/**
 * The channel becomes the table's channel (its organisers only). One upsert on the channel's unique key,
 * atomic on MongoDB: the document it replaced is exactly this link's audited `before`, however many
 * organisers link the channel at once.
 */
export async function linkTableChannel({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ChannelKey & { tableId: ObjectId };
}): Promise<void> {
  const table = await getTable({ ctx, input: { id: input.tableId } });
  const actor = requireOrganiser(ctx, table);
  const { teamId, channelId } = input;
  const link = { tableId: table._id, linkedById: actor.personId, linkedAt: ctx.now() };
  const fresh = new ObjectId();
  const upsert = () =>
    chatCollections(ctx.db).channels.findOneAndUpdate(
      { teamId, channelId },
      { $set: link, $setOnInsert: { _id: fresh } },
      { upsert: true, returnDocument: "before" },
    );
  // Two first links can both try to insert; the loser's retry replaces the winner's link.
  const before = await upsert().catch((error) => (isDuplicateKey(error) ? upsert() : Promise.reject(error)));
  const _id = before?._id ?? fresh;
  await recordChange(ctx, {
    action: "slack.channel_linked",
    entity: "slackChannel",
    entityId: _id,
    agreementId: null,
    before,
    after: { _id, teamId, channelId, ...link },
  });
}

/** The channel stops being its table's channel (that table's organisers only); nothing when unlinked. */
export async function unlinkTableChannel({ ctx, input }: { ctx: Ctx; input: ChannelKey }): Promise<void> {
  const channels = chatCollections(ctx.db).channels;
  const current = await channels.findOne(input);
  if (!current) return;
  requireOrganiser(ctx, await getTable({ ctx, input: { id: current.tableId } }));
  // Deletes only the link that was checked: one relinked to another table meanwhile stays.
  const removed = await channels.findOneAndDelete({ _id: current._id, tableId: current.tableId });
  if (!removed) return;
  await recordChange(ctx, {
    action: "slack.channel_unlinked",
    entity: "slackChannel",
    entityId: removed._id,
    agreementId: null,
    before: removed,
    after: null,
  });
}
