import { ObjectId } from "mongodb";
import { findPersonByEmail } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { recordChange } from "../shared/record.ts";
import type { LoginLinkDoc } from "./documents.ts";
import { LOGIN_LINK_REQUESTED } from "./events.ts";
import { hitRateLimit, LOGIN_LIMITS } from "./rate-limit.ts";
import { hashToken, newToken } from "./secrets.ts";

/** How long a login link stays usable. */
export const LOGIN_LINK_TTL_MS = 15 * 60_000;

/** The stored request for a login link, payload `{ personId }`: the event the login mail is sent from. */
export { LOGIN_LINK_REQUESTED };

/**
 * Creates a single-use login link for a person and returns its URL; only the token's hash is stored.
 * Used by the email flow, the Slack bot and the demo start-up.
 */
export async function issueLoginLink({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { personId: ObjectId; publicUrl: string };
}): Promise<string> {
  const token = newToken();
  const now = ctx.now();
  const doc: LoginLinkDoc = {
    _id: new ObjectId(),
    tokenHash: hashToken(token),
    personId: input.personId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LOGIN_LINK_TTL_MS),
    usedAt: null,
  };
  // No TTL index (the embedded engine ignores them): issuing a link sweeps the expired ones, used or not.
  await ctx.c.loginLinks.deleteMany({ expiresAt: { $lte: now } });
  await ctx.c.loginLinks.insertOne(doc);
  return `${input.publicUrl}/auth/verify?token=${encodeURIComponent(token)}`;
}

/**
 * Someone asks for a login link for an address. The outcome is the same whether or not the address is
 * known (no account enumeration): for a known one the request is stored (audit entry and event
 * `person.login_link_requested` in one record) and the mail goes out from it through the durable
 * dispatcher (`loginMailSubscriber`), so an SMTP round trip or failure neither tells the two cases apart
 * nor loses the mail.
 *
 * Every request counts against the caller's IP (429 past the limit). Per address only the mails actually
 * sent count, and past that limit the answer stays the same 202 while no further mail goes out: a 429 per
 * address would let anyone lock a person out (and tell known addresses from unknown ones), whereas the
 * person already holds the links mailed in this window, each valid at least until the window ends.
 */
export async function requestLoginLink({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { email: string; ip: string };
}): Promise<void> {
  const { windowMs, perIp, perEmail } = LOGIN_LIMITS;
  await hitRateLimit({ ctx, input: { scope: `login:ip:${input.ip}`, limit: perIp, windowMs } });
  const person = await findPersonByEmail(ctx, input.email);
  if (!person) return;
  // The address is hashed in the bucket key: counters need no readable personal data.
  const scope = `login:email:${hashToken(input.email)}`;
  if (!(await tookRateSlot({ ctx, input: { scope, limit: perEmail, windowMs } }))) return;
  await recordChange(ctx, {
    action: "login_link.requested",
    entity: "person",
    entityId: person._id,
    agreementId: null,
    before: null,
    after: null,
    event: { type: LOGIN_LINK_REQUESTED, payload: { personId: person._id.toHexString() } },
  });
}

/** Like hitRateLimit, but says false instead of refusing: for limits the caller must not reveal. */
async function tookRateSlot(args: Parameters<typeof hitRateLimit>[0]): Promise<boolean> {
  try {
    await hitRateLimit(args);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return false;
    throw error;
  }
}
