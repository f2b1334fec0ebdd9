import { describe, expect, it } from "vitest";
import { SUBCOMMAND_NAMES } from "../commands/index.ts";
import { helpMessage } from "./help.ts";

// Every subcommand /tavoli answers to, from its own table (commands/index.ts), under the name each
// language's help teaches (the first English alias): a subcommand added, renamed or dropped there
// without its help line fails here.
const SUBCOMMANDS = {
  it: ["aiuto", ...SUBCOMMAND_NAMES.map((s) => s.italian)],
  en: ["help", ...SUBCOMMAND_NAMES.map((s) => s.english[0])],
};

const listed = (text: string) => [...text.matchAll(/`\/tavoli ([^\s`]+)/g)].map((m) => m[1]);

describe("helpMessage", () => {
  it("lists every subcommand in Italian, privately", () => {
    const help = helpMessage("it");
    expect(help.response_type).toBe("ephemeral");
    expect(help.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Tavoli: i comandi" },
    });
    const list = help.blocks[2]?.text.text ?? "";
    expect(listed(list)).toEqual(SUBCOMMANDS.it);
    expect(list).toContain("• `/tavoli convoca [tavolo]` — convoca una riunione (coordinatori)");
    expect(help.text).toContain("Usa `/tavoli <comando>`");
  });

  it("lists every subcommand in English", () => {
    const help = helpMessage("en");
    expect(help.blocks[0]?.text.text).toBe("Tavoli: commands");
    expect(listed(help.blocks[2]?.text.text ?? "")).toEqual(SUBCOMMANDS.en);
    expect(help.blocks[1]?.text.text).toContain("Italian names work too");
  });

  it("names an unknown subcommand, escaped, instead of the intro", () => {
    const help = helpMessage("it", "<!channel>&co");
    expect(help.blocks[1]?.text.text).toBe(
      "Comando sconosciuto: `&lt;!channel&gt;&amp;co`. Ecco cosa puoi fare:",
    );
    expect(JSON.stringify(help)).not.toContain("<!channel>");
    expect(listed(help.blocks[2]?.text.text ?? "")).toEqual(SUBCOMMANDS.it);
  });
});
