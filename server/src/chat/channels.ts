import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { chatCollections } from "./documents.ts";

/** The table a channel is linked to, or null. */
export async function tableOfChannel({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { teamId: string; channelId: string };
}) {
  const found = await chatCollections(ctx.db).channels.findOne(input, { projection: { tableId: 1 } });
  return found?.tableId ?? null;
}

/** The channels linked to a table (in one workspace when `teamId` is given): where its notices go. */
export function channelsOfTable({ ctx, input }: { ctx: Ctx; input: { tableId: ObjectId; teamId?: string } }) {
  const filter = input.teamId ? { tableId: input.tableId, teamId: input.teamId } : { tableId: input.tableId };
  return chatCollections(ctx.db).channels.find(filter).toArray();
}
