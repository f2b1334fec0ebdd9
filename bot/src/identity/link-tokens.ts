import { ObjectId } from "mongodb";
import { hashToken, newToken } from "../../../server/src/auth/index.ts";
import { type ChatAccountDoc, relinkChatAccount } from "../../../server/src/chat/index.ts";
import type { BotDeps } from "../deps.ts";
import { TEXT } from "../i18n.ts";

/** How long a one-time identity link stays usable. */
export const LINK_TOKEN_TTL_MS = 30 * 60_000;

/** A personal, single-use URL that links this Slack user to whoever opens it while logged in to Tavoli. */
export async function issueIdentityLink(
  deps: BotDeps,
  input: { teamId: string; userId: string; locale: string | null },
): Promise<string> {
  const token = newToken();
  const now = deps.now();
  // No TTL index (the embedded engine ignores them): issuing sweeps the expired ones.
  await deps.store.linkTokens.deleteMany({ expiresAt: { $lte: now } });
  await deps.store.linkTokens.insertOne({
    _id: new ObjectId(),
    tokenHash: hashToken(token),
    teamId: input.teamId,
    userId: input.userId,
    locale: input.locale,
    expiresAt: new Date(now.getTime() + LINK_TOKEN_TTL_MS),
  });
  return `${deps.config.publicUrl}/slack/link?token=${encodeURIComponent(token)}`;
}

/**
 * Redeems a link for the logged-in person: consumed atomically (a second use finds nothing), then the
 * Slack user is linked. Returns null for an unknown, used or expired token.
 */
export async function redeemIdentityLink(
  deps: BotDeps,
  input: { token: string; personId: ObjectId },
): Promise<ChatAccountDoc | null> {
  const found = await deps.store.linkTokens.findOneAndDelete({
    tokenHash: hashToken(input.token),
    expiresAt: { $gt: deps.now() },
  });
  if (!found) return null;
  const { teamId, userId, locale } = found;
  return relinkChatAccount({
    ctx: deps.system(),
    input: { teamId, userId, locale, personId: input.personId },
  });
}

/** What a stranger is told wherever they use the bot: how to be designated, and their one-time link. */
export async function strangerReply(
  deps: BotDeps,
  input: {
    teamId: string;
    userId: string;
    who: { lang: "it" | "en"; email: string | null; locale: string | null };
  },
): Promise<string> {
  const url = await issueIdentityLink(deps, {
    teamId: input.teamId,
    userId: input.userId,
    locale: input.who.locale,
  });
  const t = TEXT[input.who.lang];
  return `${t.unknownUser(input.who.email)}\n\n${t.linkOffer(url)}`;
}
