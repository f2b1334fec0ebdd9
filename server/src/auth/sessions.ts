import { ObjectId } from "mongodb";
import type { PersonDoc } from "../people/documents.ts";
import { loadActor } from "../people/load-actor.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { SessionDoc } from "./documents.ts";
import { hashToken, newToken } from "./secrets.ts";

/**
 * Exchanges a login-link token for a new session. The link is consumed atomically, so two clicks (or
 * two instances) cannot both log in with it; the audit entry is the record of its use. Returns the clear
 * session id for the cookie, once.
 */
export async function startSession({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { token: string; ttlMs: number };
}): Promise<{ sessionId: string; session: SessionDoc; person: PersonDoc; actor: Actor }> {
  const now = ctx.now();
  // The claim is one guarded update: MongoDB applies it atomically, so of many concurrent clicks
  // exactly one finds the link unused and marks it. The used link stays until it expires and is swept.
  const link = await ctx.c.loginLinks.findOneAndUpdate(
    { tokenHash: hashToken(input.token), usedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now } },
  );
  if (!link) throw new AppError("link_invalid");
  const [person, actor] = await Promise.all([
    ctx.c.people.findOne({ _id: link.personId }),
    loadActor(ctx.c, link.personId, now),
  ]);
  if (!person || !actor) throw new AppError("link_invalid", { reason: "person_gone" });
  const sessionId = newToken();
  const session: SessionDoc = {
    _id: new ObjectId(),
    idHash: hashToken(sessionId),
    personId: person._id,
    csrfToken: newToken(),
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.ttlMs),
  };
  // No TTL index (the embedded engine ignores them): each login sweeps the expired sessions.
  await ctx.c.sessions.deleteMany({ expiresAt: { $lte: now } });
  await ctx.c.sessions.insertOne(session);
  await recordChange(
    { ...ctx, actor },
    {
      action: "session.started",
      entity: "person",
      entityId: person._id,
      agreementId: null,
      before: null,
      after: { sessionId: session._id, via: "login_link", expiresAt: session.expiresAt },
    },
  );
  return { sessionId, session, person, actor };
}

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

/** The acting person's own record, for "who am I" views. */
export async function getOwnPerson({ ctx }: { ctx: Ctx }): Promise<{ person: PersonDoc; actor: Actor }> {
  const actor = requireActor(ctx);
  const person = await ctx.c.people.findOne({ _id: actor.personId });
  if (!person) throw new AppError("unauthenticated");
  return { person, actor };
}
