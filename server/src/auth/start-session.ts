import { ObjectId } from "mongodb";
import type { PersonDoc } from "../people/documents.ts";
import { loadActor } from "../people/load-actor.ts";
import { findPerson } from "../people/queries.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
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
    findPerson(ctx, link.personId),
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
