import { type Lang, TEXT } from "../i18n.ts";
import { escapeMrkdwn, header, section } from "./format.ts";

/** The `/tavoli aiuto` reply (also for an unknown subcommand, which it names). */
export function helpMessage(lang: Lang, unknownSubcommand?: string) {
  const t = TEXT[lang];
  const lines = t.commands.map(([usage, what]) => `• \`/tavoli ${usage}\` — ${what}`);
  const intro = unknownSubcommand ? t.unknownSubcommand(escapeMrkdwn(unknownSubcommand)) : t.helpIntro;
  return {
    response_type: "ephemeral" as const,
    text: `${t.helpTitle}\n${intro}\n${lines.join("\n")}`,
    blocks: [header(t.helpTitle), section(intro), section(lines.join("\n"))],
  };
}
