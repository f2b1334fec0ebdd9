/**
 * Tries the Slack bot without Slack: starts the product with the bot pointed (SLACK_API_URL) at the
 * local Web API stand-in the tests use, then lets you type slash commands as any demo person and prints
 * what the bot answers and posts. `npm run demo:slack`; type `aiuto` for the lines it understands.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline/promises";
import { demoPeople } from "../server/src/demo/demo-data.ts";
import { startFakeSlack } from "../test/support/fake-slack.ts";
import { sendSlashCommand, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../test/support/slack-requests.ts";

const port = Number(process.env.PORT ?? 3000);
const slack = await startFakeSlack();
const slackId = (ref: string) =>
  `U${ref
    .replace(/[^a-z]/gi, "")
    .toUpperCase()
    .slice(0, 12)}`;
for (const person of demoPeople)
  slack.addUser({ id: slackId(person.ref), email: person.email, name: person.name });

const server = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
  env: {
    ...process.env,
    PORT: String(port),
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
  },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (chunk.toString().includes("[tavoli] Slack:")) resolve();
  });
  server.once("exit", (code) => reject(new Error(`server exited (${code})`)));
});

type Block = {
  type: string;
  text?: { text: string };
  elements?: { text: string | { text: string } }[];
};

const plain = (value: string | { text: string } | undefined) =>
  typeof value === "string" ? value : (value?.text ?? "");

/** Block Kit as plain lines, enough to read what a Slack client would show. */
function render(message: { text?: string; blocks?: Block[] }): string {
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

let seen = slack.calls.length;
function printPosts() {
  for (const call of slack.calls.slice(seen)) {
    if (call.method.startsWith("chat.") || call.method === "views.open") {
      const where = call.args.channel ?? "modal";
      console.log(`\n── ${call.method} → ${where}\n${render(call.args.view ?? call.args)}`);
    }
  }
  seen = slack.calls.length;
}

const refs = demoPeople.map((p) => p.ref);
console.log(`\nPersone: ${refs.join(", ")}`);
console.log(
  'Scrivi "<persona> <comando>", es. "giulia-ferrara prossime" (canale C0DEMO). Ctrl-D per uscire.\n',
);
const input = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
process.stdout.write("/tavoli> ");
try {
  for await (const raw of input) {
    const line = raw.trim();
    const [ref = "", ...words] = line.split(/\s+/);
    if (!line) {
    } else if (!refs.includes(ref)) {
      console.log(`Persona sconosciuta: ${ref}`);
    } else {
      const responseUrl = slack.responseUrl();
      const ack = await sendSlashCommand(`http://127.0.0.1:${port}`, {
        text: words.join(" "),
        userId: slackId(ref),
        responseUrl,
        channelId: "C0DEMO",
      });
      if (ack.json) console.log(render(ack.json));
      // Help comes back in the acknowledgement; everything else later, at the response_url (or as a modal).
      const reply = ack.json ? null : await slack.waitForResponse(responseUrl, 2000).catch(() => null);
      if (reply) console.log(render(reply.body));
      await new Promise((resolve) => setTimeout(resolve, 300));
      printPosts();
    }
    process.stdout.write("\n/tavoli> ");
  }
} finally {
  input.close();
  server.kill("SIGTERM");
  await slack.close();
}
