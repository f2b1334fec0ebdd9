/**
 * The non-interactive core of `npm run demo:slack`: turns one typed line into the `/tavoli` command of a
 * demo person, sends it signed to the server, and returns as text what the bot answered, posted and
 * opened. Modals are shown field by field and submitted with demo values, as a person would fill them.
 */
import { FIELD, VIEW } from "../bot/src/ids.ts";
import type { FakeSlack, SlackCall } from "../test/support/fake-slack.ts";
import { postToSlackEvents, sendSlashCommand, viewSubmission } from "../test/support/slack-requests.ts";

export type DemoPerson = { ref: string; slackId: string };

type Text = string | { text: string } | undefined;
type Option = { text: Text; value: string };
type Element = {
  type: string;
  text?: Text;
  options?: Option[];
  initial_option?: Option;
  initial_options?: Option[];
  initial_value?: string;
  initial_date?: string;
  initial_time?: string;
};
type Block = {
  type: string;
  block_id?: string;
  optional?: boolean;
  label?: Text;
  text?: Text;
  element?: Element;
  elements?: Element[];
};
type View = { callback_id: string; private_metadata?: string; title?: Text; blocks: Block[] };

const plain = (value: Text) => (typeof value === "string" ? value : (value?.text ?? ""));
const HELP = new Set(["aiuto", "help", "?"]);
// How long the demo waits for the bot's answer, its posts or its modal before printing what it has.
const ANSWER_MS = 3000;
const QUIET_MS = 250;

/** Demo text for a field the person would type, by field id; other text fields get a labelled sample. */
const DEMO_TEXT: Record<string, string> = {
  description: "Testo di prova scritto dal demo Slack.",
  url: "https://example.it/documenti/demo.pdf",
  place: "Municipio, Piazza del Popolo 1 — Sala giunta",
  agenda: "Approvazione del verbale precedente\nPiano di lavoro",
};

/** A title that says what was filed, per modal. */
const DEMO_TITLE: Record<string, string> = {
  [VIEW.convene]: "Seduta dimostrativa",
  [VIEW.report]: "Modulo online non raggiungibile (prova)",
  [VIEW.contribution]: "Linee guida per il cloud (prova)",
};

/** Block Kit as plain lines, enough to read what a Slack client would show. */
export function render(message: { text?: string; blocks?: Block[] }): string {
  if (!message.blocks) return message.text ?? "";
  return message.blocks
    .map((block) => {
      const elements = (block.elements ?? []).map((e) => plain(e.text));
      if (block.type === "header") return `# ${plain(block.text)}`;
      if (block.type === "section") return plain(block.text);
      if (block.type === "context") return elements.join(" ");
      if (block.type === "actions") return `[ ${elements.join(" | ")} ]`;
      return "";
    })
    .filter(Boolean)
    .join("\n");
}

/** A date two weeks ahead (YYYY-MM-DD), so a demo convocation is never in the past. */
function twoWeeksAhead(): string {
  return new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
}

/** The value a demo person gives one input: what the modal proposes, else a sensible sample. */
function demoValue(view: View, block: Block): { shown: string; state: Record<string, unknown> } | null {
  const element = block.element;
  const id = block.block_id ?? "";
  if (!element) return null;
  switch (element.type) {
    case "static_select":
    case "radio_buttons": {
      const chosen = element.initial_option ?? element.options?.[0];
      return chosen
        ? { shown: plain(chosen.text), state: { selected_option: { value: chosen.value } } }
        : null;
    }
    case "checkboxes": {
      const chosen = element.initial_options ?? [];
      return {
        shown: chosen.map((o) => plain(o.text)).join(", ") || "—",
        state: { selected_options: chosen },
      };
    }
    case "datepicker": {
      const date = element.initial_date ?? twoWeeksAhead();
      return { shown: date, state: { selected_date: date } };
    }
    case "timepicker": {
      const time = element.initial_time ?? "10:00";
      return { shown: time, state: { selected_time: time } };
    }
    case "plain_text_input": {
      const sample = id === FIELD.title ? DEMO_TITLE[view.callback_id] : DEMO_TEXT[id];
      const value =
        element.initial_value ?? sample ?? (block.optional ? "" : `Esempio: ${plain(block.label)}`);
      return { shown: value.replaceAll("\n", " / ") || "—", state: { value } };
    }
    default:
      return null;
  }
}

/** Fills every input of the modal; returns the lines shown and Slack's `state.values`. */
export function fillModal(view: View) {
  const lines = [`## ${plain(view.title)}`];
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    if (block.type !== "input" || !block.block_id) {
      const text = render({ blocks: [block] });
      if (text) lines.push(text);
      continue;
    }
    const value = demoValue(view, block);
    if (!value) continue;
    lines.push(`${plain(block.label)}: ${value.shown}`);
    values[block.block_id] = { [block.block_id]: { type: block.element?.type, ...value.state } };
  }
  return { lines, values };
}

/**
 * One demo session against a running server with the bot pointed at `slack`. `runLine` takes
 * `<persona> <comando>` (or `aiuto` alone) and resolves to the text to print.
 */
export function slackDemoSession(deps: {
  serverUrl: string;
  slack: FakeSlack;
  people: DemoPerson[];
  channelId: string;
}) {
  const { slack, people } = deps;
  const byRef = new Map(people.map((p) => [p.ref, p]));
  let seen = slack.calls.length;

  /** `@ref` of a demo person becomes the mention Slack would put in the command text. */
  const withMentions = (words: string[]) =>
    words.map((word) => {
      const person = byRef.get(word.replace(/^@/, ""));
      return word.startsWith("@") && person ? `<@${person.slackId}|${person.ref}>` : word;
    });

  /** Waits until the bot has gone quiet (nothing new for a moment) or the time is up. */
  async function settle(until: () => boolean) {
    const deadline = Date.now() + ANSWER_MS;
    while (!until() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    let count = slack.calls.length;
    for (;;) {
      await new Promise((r) => setTimeout(r, QUIET_MS));
      if (slack.calls.length === count) return;
      count = slack.calls.length;
    }
  }

  /** What the bot did at Slack since last time: posts, edits and opened modals. */
  function newCalls(): SlackCall[] {
    const calls = slack.calls.slice(seen);
    seen = slack.calls.length;
    return calls.filter((c) => c.method.startsWith("chat.") || c.method === "views.open");
  }

  async function submitModal(person: DemoPerson, view: View, out: string[]) {
    const { lines, values } = fillModal(view);
    out.push(...lines, "(inviato con questi valori)");
    const payload = viewSubmission({
      userId: person.slackId,
      callbackId: view.callback_id,
      values,
      privateMetadata: view.private_metadata,
    });
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const ack = await postToSlackEvents(deps.serverUrl, body, "application/x-www-form-urlencoded");
    if (ack.json?.response_action === "errors")
      for (const [field, message] of Object.entries(ack.json.errors as Record<string, string>))
        out.push(`! ${field}: ${message}`);
    await settle(() => slack.calls.length > seen);
  }

  async function runAs(person: DemoPerson, words: string[]): Promise<string> {
    const out: string[] = [];
    const responseUrl = slack.responseUrl();
    const command = {
      text: withMentions(words).join(" "),
      userId: person.slackId,
      responseUrl,
      channelId: deps.channelId,
    };
    const ack = await sendSlashCommand(deps.serverUrl, command);
    if (ack.json) out.push(render(ack.json));
    const replied = () => slack.responses.some((r) => responseUrl.endsWith(`/${r.id}`));
    const opened = () => slack.calls.slice(seen).some((c) => c.method === "views.open");
    if (!ack.json) await settle(() => replied() || opened());
    const reply = slack.responses.find((r) => responseUrl.endsWith(`/${r.id}`));
    if (reply) out.push(render(reply.body));
    for (const call of newCalls()) {
      if (call.method === "views.open") await submitModal(person, call.args.view as View, out);
      else out.push(`── ${call.method} → ${call.args.channel}\n${render(call.args)}`);
    }
    for (const call of newCalls()) out.push(`── ${call.method} → ${call.args.channel}\n${render(call.args)}`);
    return out.filter(Boolean).join("\n");
  }

  return {
    /** Runs one typed line and resolves to what the bot showed. */
    async runLine(raw: string): Promise<string> {
      const [first = "", ...words] = raw.trim().split(/\s+/);
      if (first === "") return "";
      const person = byRef.get(first);
      if (person) return runAs(person, words);
      const anyone = people[0];
      // Help is the same for everyone: answer it without asking who is typing.
      if (HELP.has(first.toLowerCase()) && anyone) {
        const usage = `Demo: scrivi "<persona> <comando>", es. "${anyone.ref} prossime". Persone: ${people.map((p) => p.ref).join(", ")}`;
        return `${await runAs(anyone, [first, ...words])}\n\n${usage}`;
      }
      return `Persona sconosciuta: ${first}. Persone: ${people.map((p) => p.ref).join(", ")}`;
    },
  };
}
