import type { ObjectId } from "mongodb";
import {
  type ChatAccountDoc,
  channelsOfTable,
  chatAccountsOf,
  linkChatAccount,
} from "../../../server/src/chat/index.ts";
import { contactsOf } from "../../../server/src/notifications/index.ts";
import type { BotDeps } from "../deps.ts";
import { type Lang, langFromLocale } from "../i18n.ts";

/** Lookups per notice: a large table is reached over a few notices rather than bursting Slack's tier. */
const MAX_LOOKUPS = 100;

/**
 * The Slack accounts of these people in the workspaces that follow the table (those with a linked
 * channel, or where someone already linked). People who never used the bot are looked up once by
 * e-mail (`users.lookupByEmail`) and linked, so a convened referent hears of a change even before
 * their first command.
 */
export async function slackAccountsOf(
  deps: BotDeps,
  personIds: ObjectId[],
  tableId: ObjectId,
): Promise<{ link: ChatAccountDoc; lang: Lang }[]> {
  if (personIds.length === 0) return [];
  const ctx = deps.system();
  const [links, channels, people] = await Promise.all([
    chatAccountsOf({ ctx, input: { personIds } }),
    channelsOfTable({ ctx, input: { tableId } }),
    contactsOf({ ctx, input: { personIds } }),
  ]);
  const teams = new Set([...channels.map((ch) => ch.teamId), ...links.map((l) => l.teamId)]);
  const linked = new Set(links.map((l) => `${l.teamId}:${l.personId.toHexString()}`));
  let lookups = 0;
  for (const teamId of teams) {
    const client = await deps.clientFor(teamId);
    if (!client) continue;
    for (const person of people) {
      if (linked.has(`${teamId}:${person._id.toHexString()}`) || lookups >= MAX_LOOKUPS) continue;
      lookups += 1;
      const found = await client.users.lookupByEmail({ email: person.email }).catch(() => null);
      const user = found?.user;
      if (!user?.id || user.deleted) continue;
      links.push(
        await linkChatAccount({
          ctx,
          input: {
            teamId,
            userId: user.id,
            personId: person._id,
            locale: null, // lookupByEmail does not return it: the person's own language applies
            linkedBy: "email",
          },
        }),
      );
    }
  }
  const localeOf = new Map(people.map((p) => [p._id.toHexString(), p.locale]));
  return links.map((link) => ({
    link,
    lang: link.locale ? langFromLocale(link.locale) : (localeOf.get(link.personId.toHexString()) ?? "it"),
  }));
}
