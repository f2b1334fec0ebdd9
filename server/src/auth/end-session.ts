import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";

/** Logs out: deletes the acting person's current session. */
export async function endSession({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { sessionId: ObjectId };
}): Promise<void> {
  const actor = requireActor(ctx);
  const deleted = await ctx.c.sessions.findOneAndDelete({ _id: input.sessionId, personId: actor.personId });
  if (!deleted) throw new AppError("unauthenticated");
  await recordChange(ctx, {
    action: "session.ended",
    entity: "person",
    entityId: actor.personId,
    agreementId: null,
    before: { sessionId: deleted._id, expiresAt: deleted.expiresAt },
    after: null,
  });
}
