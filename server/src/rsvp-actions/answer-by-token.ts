import { loadActor } from "../people/load-actor.ts";
import { answerRsvp } from "../rsvps/index.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { actionSecret } from "./secret.ts";
import { type ActionGrant, verifyActionToken } from "./token.ts";

/** The grant a token carries, or 401/410 (see verifyActionToken). */
export async function readActionToken(ctx: Ctx, token: string): Promise<ActionGrant> {
  return verifyActionToken(await actionSecret(ctx), token, ctx.now());
}

/**
 * Answers from a notification's button: the token's person answers for themself, through the RSVP
 * use case and its rules (a cancelled sitting, a closed register, a passed deadline refuse as there),
 * the audit entry attributed to them and marked as coming from a push action. An erased person's
 * token no longer acts.
 */
export async function answerByActionToken({ ctx, input }: { ctx: Ctx; input: { grant: ActionGrant } }) {
  const { grant } = input;
  const actor = await loadActor(ctx.c, grant.personId, ctx.now());
  if (!actor) throw new AppError("invalid_action_token");
  return answerRsvp({
    ctx: { ...ctx, actor },
    input: {
      meetingId: grant.meetingId,
      personId: "me",
      answer: grant.answer,
      delegateId: null,
      via: "push_action",
    },
  });
}
