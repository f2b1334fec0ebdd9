import { ObjectId } from "mongodb";
import { meetingBody, meetingWorld } from "../../server/src/meetings/test-fixtures.ts";
import { type FakeSlack, startFakeSlack } from "./fake-slack.ts";
import { startTestServer, type TestServer } from "./server.ts";
import {
  buttonClick,
  sendInteraction,
  sendSlashCommand,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  viewSubmission,
} from "./slack-requests.ts";

/** Slack user ids of meetingWorld's people (their Slack e-mail is their Tavoli e-mail). */
export const SLACK_IDS = {
  coordinator: "UCOORD",
  refA: "UREFA",
  refB: "UREFB",
  colleagueA: "UCOLLA",
  stranger: "USTRANGER",
} as const;

/**
 * A Tavoli server with the bot configured for one workspace, pointed at a Slack Web API stand-in, on
 * meetingWorld (clock 10 March 2026; an open table with a coordinator and referents A and B).
 */
export async function startSlackWorld() {
  const slack: FakeSlack = await startFakeSlack();
  const s: TestServer = await startTestServer({
    env: {
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    },
  });
  const w = await meetingWorld(s);
  slack.addUser({ id: SLACK_IDS.coordinator, email: w.coordinator.person.email });
  slack.addUser({ id: SLACK_IDS.refA, email: w.refA.person.email });
  slack.addUser({ id: SLACK_IDS.refB, email: w.refB.person.email, locale: "en-GB" });
  slack.addUser({ id: SLACK_IDS.colleagueA, email: w.colleagueA.person.email });
  slack.addUser({ id: SLACK_IDS.stranger, email: "nessuno@altrove.example.it" });

  /** `/tavoli <text>` as `userId`; returns the acknowledgement and the response_url to watch. */
  async function command(text: string, userId: string, options: { channelId?: string } = {}) {
    const responseUrl = slack.responseUrl();
    const ack = await sendSlashCommand(s.url, { text, userId, responseUrl, channelId: options.channelId });
    return { ack, responseUrl, reply: () => slack.waitForResponse(responseUrl) };
  }

  /** A button click; returns the acknowledgement and a way to wait for the ephemeral reply. */
  async function click(input: {
    userId: string;
    actionId: string;
    value: string;
    messageTs?: string;
    channelId?: string;
  }) {
    const responseUrl = slack.responseUrl();
    const ack = await sendInteraction(s.url, buttonClick({ ...input, responseUrl }));
    return { ack, reply: () => slack.waitForResponse(responseUrl) };
  }

  /** A modal submitted with these state values. */
  function submit(userId: string, callbackId: string, values: Record<string, Record<string, unknown>>) {
    return sendInteraction(s.url, viewSubmission({ userId, callbackId, values }));
  }

  return {
    s,
    slack,
    w,
    command,
    click,
    submit,
    close: async () => {
      await s.close();
      await slack.close();
    },
  };
}

export type SlackWorld = Awaited<ReturnType<typeof startSlackWorld>>;

let channels = 0;
/** A channel id no other test has used (Slack's shape: C and upper-case letters and digits). */
export const freshChannelId = () => `C0FRESH${++channels}`;

/**
 * Links a fresh channel to the open table as its coordinator, through `/tavoli collega` as Slack sends it,
 * and waits for the bot's answer; returns the channel's id.
 */
export async function linkedChannel(world: SlackWorld): Promise<string> {
  const channelId = freshChannelId();
  const table = await world.s.c.tables.findOne({ _id: new ObjectId(world.w.openTable) });
  const { reply } = await world.command(`collega ${table?.name}`, SLACK_IDS.coordinator, { channelId });
  const answer = (await reply()).body.text;
  if (!String(answer).includes("canale del tavolo")) throw new Error(`channel not linked: ${answer}`);
  return channelId;
}

/**
 * A fresh channel linked to the open table and a fresh sitting convened on it through the API
 * (meetingBody's: online with a generated video link on 24 March 2026 10:00–12:00, a confidential agenda
 * item; title "Seduta di marzo" unless overridden). Drains the dispatcher: its convocation is then posted
 * to the channel and recorded; returns the ids a test acts on.
 */
export async function linkedChannelWithSitting(world: SlackWorld, overrides: Record<string, unknown> = {}) {
  const channelId = await linkedChannel(world);
  const convened = await world.s.api("POST", `/api/v1/tables/${world.w.openTable}/meetings`, {
    token: world.w.coordinator.token,
    body: meetingBody({ title: "Seduta di marzo", ...overrides }),
  });
  if (convened.status !== 201) throw new Error(`not convened: ${JSON.stringify(convened.body)}`);
  const meetingId: string = convened.body.id;
  await world.s.drain();
  world.slack.callOf("chat.postMessage", (a) => a.channel === channelId);
  const posted = await world.s.db
    .collection("slackMessages")
    .findOne({ meetingId: new ObjectId(meetingId), channelId });
  if (!posted) throw new Error("convocation not recorded");
  return { channelId, meetingId, convocationTs: posted.ts as string };
}

/** Modal state values as Slack sends them, by element type. */
export const state = {
  text: (field: string, value: string) => ({ [field]: { [field]: { type: "plain_text_input", value } } }),
  select: (field: string, value: string) => ({
    [field]: { [field]: { type: "static_select", selected_option: { value } } },
  }),
  radio: (field: string, value: string) => ({
    [field]: { [field]: { type: "radio_buttons", selected_option: { value } } },
  }),
  date: (field: string, value: string) => ({
    [field]: { [field]: { type: "datepicker", selected_date: value } },
  }),
  time: (field: string, value: string) => ({
    [field]: { [field]: { type: "timepicker", selected_time: value } },
  }),
  checks: (field: string, values: string[]) => ({
    [field]: { [field]: { type: "checkboxes", selected_options: values.map((value) => ({ value })) } },
  }),
};
