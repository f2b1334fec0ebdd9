import type { Ctx } from "../shared/context.ts";

/** The latest mails kept by the dev outbox (no SMTP configured), newest first. */
export async function listOutbox({ ctx, input }: { ctx: Ctx; input: { limit: number } }) {
  return ctx.c.outbox.find({}).sort({ _id: -1 }).limit(input.limit).toArray();
}
