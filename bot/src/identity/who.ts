import type { WebClient } from "@slack/web-api";
import { ObjectId } from "mongodb";
import { collections, type PersonDoc } from "../../../server/src/db/collections.ts";
import { loadActor } from "../../../server/src/people/load-actor.ts";
import { type Ctx, createCtx } from "../../../server/src/shared/context.ts";
import { isDuplicateKey } from "../../../server/src/shared/errors.ts";
import { recordChange } from "../../../server/src/shared/record.ts";
import type { BotDeps } from "../deps.ts";
import { type Lang, langFromLocale } from "../i18n.ts";
import type { SlackUserDoc } from "../store.ts";

/** A Slack user as the bot knows them: a Tavoli person acting through the use cases, or a stranger. */
export type Who =
  | { kind: "person"; person: PersonDoc; ctx: Ctx; lang: Lang; link: SlackUserDoc }
  | { kind: "unknown"; lang: Lang; email: string | null; locale: string | null };

/** The language for a Slack user before (or without) loading the person: the stored link's locale. */
export async function knownLang(deps: BotDeps, teamId: string, userId: string): Promise<Lang | null> {
  const link = await deps.store.users.findOne({ teamId, userId }, { projection: { locale: 1 } });
  return link ? langFromLocale(link.locale) : null;
}

/**
 * Resolves who is acting. A stored link wins; otherwise Slack's profile e-mail, if Slack says it is
 * confirmed, is matched to a person and the link is stored (attributed to that person in the audit).
 */
export async function whoIs(deps: BotDeps, client: WebClient, teamId: string, userId: string): Promise<Who> {
  const link = await deps.store.users.findOne({ teamId, userId });
  if (link) {
    const found = await asPerson(deps, link);
    if (found) return found;
    await deps.store.users.deleteOne({ _id: link._id }); // the person was erased
  }
  const info = await client.users.info({ user: userId, include_locale: true });
  const user = info.user;
  const locale = user?.locale ?? null;
  const email = user?.profile?.email?.trim().toLowerCase() ?? null;
  const confirmed = user?.is_email_confirmed !== false;
  const person = email && confirmed ? await collections(deps.db).people.findOne({ email }) : null;
  if (!person) return { kind: "unknown", lang: langFromLocale(locale), email, locale };
  const stored = await storeLink(deps, { teamId, userId, personId: person._id, locale, linkedBy: "email" });
  return (await asPerson(deps, stored)) ?? { kind: "unknown", lang: langFromLocale(locale), email, locale };
}

async function asPerson(deps: BotDeps, link: SlackUserDoc): Promise<Who | null> {
  const actor = await loadActor(collections(deps.db), link.personId, deps.now());
  if (!actor) return null;
  const ctx = createCtx({ db: deps.db, bus: deps.bus, now: deps.now, actor });
  const person = await ctx.c.people.findOne({ _id: link.personId });
  if (!person) return null;
  return { kind: "person", person, ctx, lang: langFromLocale(link.locale ?? person.locale), link };
}

/** Stores a Slack ↔ person link once (the unique key settles races) and audits it. */
export async function storeLink(
  deps: BotDeps,
  input: Omit<SlackUserDoc, "_id" | "linkedAt">,
): Promise<SlackUserDoc> {
  const doc: SlackUserDoc = { _id: new ObjectId(), ...input, linkedAt: deps.now() };
  try {
    await deps.store.users.insertOne(doc);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await deps.store.users.findOne({ teamId: input.teamId, userId: input.userId });
    if (existing) return existing;
    throw error;
  }
  const actor = await loadActor(collections(deps.db), input.personId, deps.now());
  const ctx = createCtx({ db: deps.db, bus: deps.bus, now: deps.now, actor });
  await recordChange(ctx, {
    action: "slack.user_linked",
    entity: "slackUser",
    entityId: doc._id,
    agreementId: null,
    before: null,
    after: { teamId: doc.teamId, userId: doc.userId, personId: doc.personId, linkedBy: doc.linkedBy },
  });
  return doc;
}
