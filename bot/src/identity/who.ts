import type { WebClient } from "@slack/web-api";
import {
  type ChatAccountDoc,
  type ChatPerson,
  chatAccountLocale,
  findChatPerson,
  linkChatAccountByEmail,
} from "../../../server/src/chat/index.ts";
import type { BotDeps } from "../deps.ts";
import { type Lang, langFromLocale } from "../i18n.ts";

/** A Slack user as the bot knows them: a Tavoli person acting through the use cases, or a stranger. */
export type Who =
  | { kind: "person"; person: ChatPerson["person"]; ctx: ChatPerson["ctx"]; lang: Lang; link: ChatAccountDoc }
  | { kind: "unknown"; lang: Lang; email: string | null; locale: string | null };

/** The language for a Slack user before (or without) loading the person: the stored link's locale. */
export async function knownLang(deps: BotDeps, teamId: string, userId: string): Promise<Lang | null> {
  const locale = await chatAccountLocale({ ctx: deps.system(), input: { teamId, userId } });
  return locale === undefined ? null : langFromLocale(locale);
}

const asWho = ({ account, person, ctx }: ChatPerson): Who => ({
  kind: "person",
  person,
  ctx,
  lang: langFromLocale(account.locale ?? person.locale),
  link: account,
});

/**
 * Resolves who is acting. A stored link wins; otherwise Slack's profile e-mail, if Slack says it is
 * confirmed, is matched to a person and the link is stored (attributed to that person in the audit).
 */
export async function whoIs(deps: BotDeps, client: WebClient, teamId: string, userId: string): Promise<Who> {
  const ctx = deps.system();
  const linked = await findChatPerson({ ctx, input: { teamId, userId } });
  if (linked) return asWho(linked);
  const info = await client.users.info({ user: userId, include_locale: true });
  const user = info.user;
  const locale = user?.locale ?? null;
  const email = user?.profile?.email?.trim().toLowerCase() ?? null;
  const confirmed = user?.is_email_confirmed !== false;
  const found =
    email && confirmed
      ? await linkChatAccountByEmail({ ctx, input: { teamId, userId, email, locale } })
      : null;
  return found ? asWho(found) : { kind: "unknown", lang: langFromLocale(locale), email, locale };
}
