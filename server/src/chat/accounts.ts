import { ObjectId } from "mongodb";
import type { PersonDoc } from "../people/documents.ts";
import { loadActor } from "../people/load-actor.ts";
import { findPerson, findPersonByEmail } from "../people/queries.ts";
import { type Ctx, createCtx } from "../shared/context.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import { recordChange } from "../shared/record.ts";
import { type ChatAccountDoc, chatCollections } from "./documents.ts";

type AccountKey = { teamId: string; userId: string };

/** A linked account's person, with the context to act as them through the use cases. */
export type ChatPerson = { account: ChatAccountDoc; person: PersonDoc; ctx: Ctx };

/** The stored locale of a linked account (null when the link has none), or undefined when not linked. */
export async function chatAccountLocale({ ctx, input }: { ctx: Ctx; input: AccountKey }) {
  const found = await chatCollections(ctx.db).accounts.findOne(input, { projection: { locale: 1 } });
  return found ? found.locale : undefined;
}

/** Acting as the account's person, built fresh so their roles of today apply; null for an erased person. */
async function asPerson(ctx: Ctx, account: ChatAccountDoc): Promise<ChatPerson | null> {
  const actor = await loadActor(ctx.c, account.personId, ctx.now());
  if (!actor) return null;
  const acting = createCtx({ db: ctx.db, bus: ctx.bus, now: ctx.now, actor });
  const person = await findPerson(acting, account.personId);
  return person ? { account, person, ctx: acting } : null;
}

/** The person a chat account is linked to. A link left by an erased person is dropped here. */
export async function findChatPerson({ ctx, input }: { ctx: Ctx; input: AccountKey }) {
  const accounts = chatCollections(ctx.db).accounts;
  const account = await accounts.findOne(input);
  if (!account) return null;
  const found = await asPerson(ctx, account);
  if (!found) await accounts.deleteOne({ _id: account._id });
  return found;
}

/**
 * Links a chat account to the person with this e-mail, which the chat says is confirmed. Null when no
 * person has it.
 */
export async function linkChatAccountByEmail({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AccountKey & { email: string; locale: string | null };
}): Promise<ChatPerson | null> {
  const person = await findPersonByEmail(ctx, input.email);
  if (!person) return null;
  const { teamId, userId, locale } = input;
  const account = await linkChatAccount({
    ctx,
    input: { teamId, userId, personId: person._id, locale, linkedBy: "email" },
  });
  return asPerson(ctx, account);
}

/** Stores a chat account ↔ person link once (the unique key settles races), audited as the person. */
export async function linkChatAccount({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: Omit<ChatAccountDoc, "_id" | "linkedAt">;
}): Promise<ChatAccountDoc> {
  const accounts = chatCollections(ctx.db).accounts;
  const doc: ChatAccountDoc = { _id: new ObjectId(), ...input, linkedAt: ctx.now() };
  try {
    await accounts.insertOne(doc);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await accounts.findOne({ teamId: input.teamId, userId: input.userId });
    if (existing) return existing;
    throw error;
  }
  const actor = await loadActor(ctx.c, input.personId, ctx.now());
  await recordChange(createCtx({ db: ctx.db, bus: ctx.bus, now: ctx.now, actor }), {
    action: "slack.user_linked",
    entity: "slackUser",
    entityId: doc._id,
    agreementId: null,
    before: null,
    after: { teamId: doc.teamId, userId: doc.userId, personId: doc.personId, linkedBy: doc.linkedBy },
  });
  return doc;
}

/** A chat account re-linking (by a one-time link) replaces its previous link. */
export async function relinkChatAccount({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AccountKey & { personId: ObjectId; locale: string | null };
}): Promise<ChatAccountDoc> {
  await chatCollections(ctx.db).accounts.deleteMany({ teamId: input.teamId, userId: input.userId });
  return linkChatAccount({ ctx, input: { ...input, linkedBy: "link" } });
}

/** The linked accounts of these people, in every workspace. */
export function chatAccountsOf({ ctx, input }: { ctx: Ctx; input: { personIds: ObjectId[] } }) {
  return chatCollections(ctx.db)
    .accounts.find({ personId: { $in: input.personIds } })
    .toArray();
}

/** Erasure (DOMAIN rule 11): no chat account stays linked to the person, so the bot no longer knows them. */
export async function eraseChatAccountsOf(ctx: Ctx, personId: ObjectId): Promise<void> {
  await chatCollections(ctx.db).accounts.deleteMany({ personId });
}

/** A workspace that uninstalled the app: its accounts' and channels' links go. */
export async function forgetWorkspace({ ctx, input }: { ctx: Ctx; input: { teamId: string } }) {
  const c = chatCollections(ctx.db);
  await Promise.all([c.accounts.deleteMany(input), c.channels.deleteMany(input)]);
}
