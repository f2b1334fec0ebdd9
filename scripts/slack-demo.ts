/**
 * Tries the Slack bot without Slack: starts the product with the bot pointed (SLACK_API_URL) at the
 * local Web API stand-in the tests use, then lets you type slash commands as any demo person and prints
 * what the bot answers, posts and opens (see slack-demo-session.ts). `npm run demo:slack`; type `aiuto`.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline/promises";
import { demoPeople } from "../server/src/demo/demo-data.ts";
import { startFakeSlack } from "../test/support/fake-slack.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../test/support/slack-requests.ts";
import { slackDemoSession } from "./slack-demo-session.ts";

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

const session = slackDemoSession({
  serverUrl: `http://127.0.0.1:${port}`,
  slack,
  people: demoPeople.map((person) => ({ ref: person.ref, slackId: slackId(person.ref) })),
  channelId: "C0DEMO",
});

console.log(`\nPersone: ${demoPeople.map((p) => p.ref).join(", ")}`);
console.log(
  'Scrivi "<persona> <comando>", es. "giulia-ferrara prossime" (canale C0DEMO); "aiuto" per i comandi;\n' +
    "i moduli (convoca, segnala, contributo) vengono compilati con valori dimostrativi e inviati;\n" +
    '"@persona" diventa una menzione (es. "… delega @marco-distefano"). Ctrl-D per uscire.\n',
);
const input = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
process.stdout.write("/tavoli> ");
try {
  for await (const line of input) {
    const output = await session.runLine(line);
    if (output) console.log(output);
    process.stdout.write("\n/tavoli> ");
  }
} finally {
  input.close();
  server.kill("SIGTERM");
  await slack.close();
}
