import { ObjectId } from "mongodb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ACTION, FIELD, SHORTCUT, VIEW } from "../bot/src/ids.ts";
import {
  sendInteraction,
  sendSlashCommand,
  TEST_SIGNING_SECRET,
  TEST_TEAM_ID,
} from "./support/slack-requests.ts";
import {
  freshChannelId,
  linkedChannel,
  linkedChannelWithSitting,
  SLACK_IDS,
  type SlackWorld,
  startSlackWorld,
  state,
} from "./support/slack-world.ts";

const CANARY = "CANARY-RISERVATO";

/** Organisation A's referent raises a confidential issue report whose title carries the canary. */
async function raiseConfidentialReport(world: SlackWorld) {
  const raised = await world.s.api("POST", `/api/v1/tables/${world.w.openTable}/issue-reports`, {
    token: world.w.refA.token,
    body: {
      organisationId: world.w.orgA,
      title: `${CANARY} fornitore inadempiente`,
      description: "Dettagli in allegato riservato.",
      severity: "alta",
      confidential: true,
    },
  });
  expect(raised.status).toBe(201);
}
const CHANNEL = "C0TABLE";

/** Everything the app posted or edited in a shared channel (ids starting with C), as one string. */
const channelTraffic = (world: SlackWorld) =>
  JSON.stringify(
    world.slack.calls.filter(
      (call) =>
        (call.method === "chat.postMessage" || call.method === "chat.update") &&
        String(call.args.channel).startsWith("C"),
    ),
  );

describe("Slack bot: a table's convocation from the modal to live RSVP counts", () => {
  let world: SlackWorld;

  // Every test gets its own world (database, bot, fake Slack) and sets up what it needs in it, so no
  // test depends on another's data, clock or recorded Slack traffic, whatever the order.
  beforeEach(async () => {
    world = await startSlackWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("links the channel to the table when the coordinator asks", async () => {
    const channelId = freshChannelId();
    const table = await world.s.c.tables.findOne({ _id: new ObjectId(world.w.openTable) });
    const { ack, reply } = await world.command(`collega ${table?.name}`, SLACK_IDS.coordinator, {
      channelId,
    });
    expect(ack.status).toBe(200);
    expect((await reply()).body.text).toContain(`canale del tavolo «${table?.name}»`);
    expect(await world.s.db.collection("slackChannels").countDocuments({ channelId })).toBe(1);
  });

  it("refuses the channel link to a referent, in Italian", async () => {
    const { reply } = await world.command("collega Tavolo", SLACK_IDS.refA, { channelId: "C0OTHER" });
    expect((await reply()).body.text).toContain("Solo i coordinatori");
    expect(await world.s.db.collection("slackChannels").countDocuments({ channelId: "C0OTHER" })).toBe(0);
  });

  it("opens the convene modal preset to the channel's table", async () => {
    const channelId = await linkedChannel(world);
    const { ack } = await world.command("convoca", SLACK_IDS.coordinator, { channelId });
    expect(ack.status).toBe(200);
    const open = await world.slack.waitForCall("views.open");
    expect(open.args.view.callback_id).toBe(VIEW.convene);
    const tableBlock = open.args.view.blocks.find((b: { block_id: string }) => b.block_id === FIELD.table);
    expect(tableBlock.element.initial_option.value).toBe(world.w.openTable);
  });

  it("convenes from the modal and posts the convocation to the channel without confidential details", async () => {
    const channelId = await linkedChannel(world);
    // Slack rate-limits the first post: the client waits Retry-After and posts again.
    world.slack.failNext("chat.postMessage", {
      kind: "ratelimited",
      retryAfterSeconds: 1,
      when: (args) => args.channel === channelId,
    });
    const response = await world.submit(SLACK_IDS.coordinator, VIEW.convene, {
      ...state.select(FIELD.table, world.w.openTable),
      ...state.text(FIELD.title, "Seduta di marzo"),
      ...state.date(FIELD.date, "2026-03-24"),
      ...state.time(FIELD.time, "10:00"),
      ...state.select(FIELD.duration, "120"),
      ...state.radio(FIELD.mode, "online"),
      ...state.radio(FIELD.videoChoice, "generate"),
      ...state.text(FIELD.agenda, `Approvazione verbale\nriservato: ${CANARY} gara in corso\nVarie`),
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe(""); // the modal closes
    const meeting = await world.s.c.meetings.findOne({ title: "Seduta di marzo" });
    expect(meeting?.startsAt.toISOString()).toBe("2026-03-24T09:00:00.000Z");
    expect(meeting?.agenda.map((item) => item.confidential)).toEqual([false, true, false]);

    // The first attempt got 429 + Retry-After: 1; the client waited and sent it again.
    const attempts = () => world.slack.callsOf("chat.postMessage", (a) => a.channel === channelId);
    await world.s.drain();
    expect(attempts().length).toBe(2);
    const post = attempts()[1] ?? attempts()[0];
    const convocationTs: string | undefined = (
      await world.s.db.collection("slackMessages").findOne({ channelId })
    )?.ts;
    expect(convocationTs).toBeDefined();
    expect(convocationTs).toMatch(/^\d+\.\d+$/);
    const text = JSON.stringify(post?.args.blocks);
    expect(text).toContain("Seduta di marzo");
    expect(text).toContain("martedì 24 marzo 2026, 10:00–12:00");
    expect(text).toContain("1 punto riservato: apri Tavoli.");
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(meeting?.videoLink?.url ?? "no link");
  });

  it("updates the counts on the channel message when a referent answers with the button", async () => {
    const { channelId, meetingId, convocationTs } = await linkedChannelWithSitting(world);
    const before = world.slack.callsOf("chat.update").length;
    const { ack, reply } = await world.click({
      userId: SLACK_IDS.refA,
      actionId: ACTION.rsvpPresenza,
      value: meetingId,
      messageTs: convocationTs,
      channelId,
    });
    expect(ack.status).toBe(200);
    expect((await reply()).body.text).toBe("Risposta registrata: *Presente* per «Seduta di marzo».");
    await world.s.drain();
    const update = world.slack.callOf(
      "chat.update",
      (a) => a.ts === convocationTs && JSON.stringify(a.blocks).includes("Presenti 1"),
    );
    expect(world.slack.callsOf("chat.update").length).toBeGreaterThan(before);
    expect(JSON.stringify(update.args.blocks)).toContain("in attesa 2");
    const rsvp = await world.s.c.rsvps.findOne({ meetingId: new ObjectId(meetingId) });
    expect(rsvp?.answer).toBe("presenza");
  });

  it("reveals the video link only to someone convened", async () => {
    const { meetingId } = await linkedChannelWithSitting(world);
    const convened = await world.click({ userId: SLACK_IDS.refB, actionId: ACTION.join, value: meetingId });
    expect((await convened.reply()).body.text).toMatch(/^Meeting link: https:\/\/meet\.jit\.si\//);
    const colleague = await world.click({
      userId: SLACK_IDS.colleagueA,
      actionId: ACTION.join,
      value: meetingId,
    });
    expect((await colleague.reply()).body.text).toBe("Dettagli riservati: apri Tavoli.");
  });

  it("answers by command, delegating to a colleague named with @", async () => {
    const { meetingId } = await linkedChannelWithSitting(world);
    const code = meetingId.slice(-6);
    const { reply } = await world.command(
      `presenza ${code} delega <@${SLACK_IDS.colleagueA}|aldo>`,
      SLACK_IDS.refA,
    );
    expect((await reply()).body.text).toContain("Risposta registrata: *Delega*");
    const rsvp = await world.s.c.rsvps.findOne({
      meetingId: new ObjectId(meetingId),
      personId: new ObjectId(world.w.refA.id),
    });
    expect(rsvp?.delegateId?.toHexString()).toBe(world.w.colleagueA.id);
  });

  it("edits the convocation, replies in its thread and tells the people convened when it is moved", async () => {
    const { meetingId, convocationTs } = await linkedChannelWithSitting(world);
    // Referent B has used the bot, so the locale of their Slack (English) is known to it.
    await (await world.command("prossime", SLACK_IDS.refB)).reply();
    const moved = await world.s.api("POST", `/api/v1/meetings/${meetingId}/reschedule`, {
      token: world.w.coordinator.token,
      body: { startsAt: "2026-03-25T15:00", endsAt: "2026-03-25T17:00" },
    });
    expect(moved.status).toBe(200);
    await world.s.drain();
    const thread = world.slack.callOf("chat.postMessage", (a) => a.thread_ts === convocationTs);
    expect(thread.args.text).toBe(
      "La riunione è stata spostata: ora *mercoledì 25 marzo 2026, 15:00–17:00*.",
    );
    world.slack.callOf(
      "chat.update",
      (a) => a.ts === convocationTs && JSON.stringify(a.blocks).includes("mercoledì 25 marzo 2026"),
    );
    // Referent B's Slack is in English: the DM is too.
    const dm = world.slack.callOf("chat.postMessage", (a) => a.channel === SLACK_IDS.refB);
    expect(dm.args.text).toBe(
      "“Seduta di marzo”: The meeting has been moved: now *Wednesday 25 March 2026, 15:00–17:00*.",
    );
  });

  it("posts a substitution notice to the table's channel", async () => {
    const channelId = await linkedChannel(world);
    const designation = await world.s.c.designations.findOne({ personId: new ObjectId(world.w.refA.id) });
    const result = await world.s.api("POST", `/api/v1/designations/${designation?._id}/substitute`, {
      token: world.w.refA.token,
      body: { personId: world.w.colleagueA.id, from: "2026-03-11" },
    });
    expect(result.status).toBe(201);
    await world.s.drain();
    const notice = world.slack.callOf(
      "chat.postMessage",
      (a) => a.channel === channelId && String(a.text).startsWith("Sostituzione del referente"),
    );
    expect(notice.args.text).toContain("*Aldo Collega A* subentra a *Anna Referente A*");
    // The notice names the organisation and the table too, as the people in the channel read it.
    const [organisation, table] = await Promise.all([
      world.s.c.organisations.findOne({ _id: designation?.organisationId }),
      world.s.c.tables.findOne({ _id: designation?.tableId }),
    ]);
    expect(notice.args.text).toBe(
      `Sostituzione del referente: per *${organisation?.name}* al tavolo «${table?.name}», *Aldo Collega A* subentra a *Anna Referente A*.`,
    );
  });

  it("tells the table's channel about issue reports and contributions, keeping confidential ones vague", async () => {
    const channelId = await linkedChannel(world);
    await raiseConfidentialReport(world);
    const organisation = await world.s.c.organisations.findOne({ _id: new ObjectId(world.w.orgA) });
    await world.s.drain();
    const notice = world.slack.callOf("chat.postMessage", (a) =>
      String(a.text).startsWith("Nuova segnalazione riservata"),
    );
    expect(notice.args.channel).toBe(channelId);
    expect(notice.args.text).toBe(
      `Nuova segnalazione riservata n. 1 da *${organisation?.name}*. Dettagli riservati: apri Tavoli.`,
    );
    const logged = await world.submit(SLACK_IDS.refB, VIEW.contribution, {
      ...state.select(FIELD.table, `${world.w.openTable}:${world.w.orgB}`),
      ...state.radio(FIELD.kind, "buona_pratica"),
      ...state.text(FIELD.title, "Sportello digitale condiviso"),
      ...state.text(FIELD.url, "https://example.it/pratiche/sportello"),
    });
    expect(logged.status).toBe(200);
    await world.s.drain();
    const contribution = world.slack.callOf("chat.postMessage", (a) =>
      String(a.text).startsWith("Nuovo contributo"),
    );
    expect(contribution.args.text).toMatch(
      /^Nuovo contributo da \*.+\* \(buona pratica\): Sportello digitale condiviso$/,
    );
  });

  it("never sent a confidential agenda item to a channel", async () => {
    // Everything that reaches the channel about a sitting with a confidential agenda item: the convocation,
    // its edits after an answer and a move, the thread reply, and a confidential issue report's notice.
    const { channelId, meetingId, convocationTs } = await linkedChannelWithSitting(world);
    const answered = await world.click({
      userId: SLACK_IDS.refA,
      actionId: ACTION.rsvpPresenza,
      value: meetingId,
      messageTs: convocationTs,
      channelId,
    });
    // The button is acknowledged before the answer is stored; its reply comes after. Then drain.
    expect((await answered.reply()).body.text).toContain("Risposta registrata");
    await world.s.drain();
    world.slack.callOf(
      "chat.update",
      (a) => a.ts === convocationTs && JSON.stringify(a.blocks).includes("Presenti 1"),
    );
    const moved = await world.s.api("POST", `/api/v1/meetings/${meetingId}/reschedule`, {
      token: world.w.coordinator.token,
      body: { startsAt: "2026-03-25T15:00", endsAt: "2026-03-25T17:00" },
    });
    expect(moved.status).toBe(200);
    await world.s.drain();
    world.slack.callOf("chat.postMessage", (a) => a.thread_ts === convocationTs);
    world.slack.callOf(
      "chat.update",
      (a) => a.ts === convocationTs && JSON.stringify(a.blocks).includes("mercoledì 25 marzo 2026"),
    );
    await raiseConfidentialReport(world);
    await world.s.drain();
    world.slack.callOf(
      "chat.postMessage",
      (a) => a.channel === channelId && String(a.text).startsWith("Nuova segnalazione riservata"),
    );
    expect(channelTraffic(world)).toContain("Seduta di marzo");
    expect(channelTraffic(world)).not.toContain(CANARY);
  });
});

describe("Slack bot: requests, identity and usage", () => {
  let world: SlackWorld;

  // Every test gets its own world (database, bot, fake Slack) and sets up what it needs in it, so no
  // test depends on another's data, clock or recorded Slack traffic, whatever the order.
  beforeEach(async () => {
    world = await startSlackWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("answers a signed /tavoli aiuto with the Italian help in the acknowledgement", async () => {
    const { ack } = await world.command("aiuto", SLACK_IDS.stranger);
    expect(ack.status).toBe(200);
    expect(ack.json.response_type).toBe("ephemeral");
    expect(ack.json.text).toContain("Tavoli: i comandi");
    expect(ack.json.text).toContain("/tavoli prossime");
  });

  it("refuses a bad signature or a stale timestamp with 401 and does nothing", async () => {
    const calls = world.slack.calls.length;
    const responses = world.slack.responses.length;
    const loginLinks = await world.s.c.loginLinks.countDocuments({});
    const forged = await sendSlashCommand(
      world.s.url,
      { text: "accedi", userId: SLACK_IDS.refA, responseUrl: world.slack.responseUrl() },
      { secret: "not-the-secret-at-all" },
    );
    expect(forged.status).toBe(401);
    const stale = await sendSlashCommand(
      world.s.url,
      { text: "accedi", userId: SLACK_IDS.refA, responseUrl: world.slack.responseUrl() },
      { secret: TEST_SIGNING_SECRET, timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60 },
    );
    expect(stale.status).toBe(401);
    const unsigned = await sendSlashCommand(
      world.s.url,
      { text: "accedi", userId: SLACK_IDS.refA, responseUrl: world.slack.responseUrl() },
      { signature: "" },
    );
    expect(unsigned.status).toBe(401);
    // A valid command from someone else, sent after them, is answered in turn: once its reply is there,
    // anything the refused ones had set off would be recorded too. Only that marker's traffic is allowed.
    const marker = await world.command("prossime", SLACK_IDS.stranger);
    const markerReply = await marker.reply();
    const forMarker = (call: { method: string; args: Record<string, any> }) =>
      call.method === "users.info" && call.args.user === SLACK_IDS.stranger;
    expect(world.slack.calls.slice(calls).filter((call) => !forMarker(call))).toEqual([]);
    expect(world.slack.responses.slice(responses).filter((r) => r !== markerReply)).toEqual([]);
    expect(await world.s.c.loginLinks.countDocuments({})).toBe(loginLinks);
  });

  it("shows the help, naming it, for an unknown subcommand", async () => {
    const { ack } = await world.command("balla", SLACK_IDS.refA);
    expect(ack.json.text).toContain("Comando sconosciuto: `balla`");
    expect(ack.json.text).toContain("/tavoli presenza");
  });

  it("answers malformed arguments with the Italian usage", async () => {
    const { reply } = await world.command("presenza forse", SLACK_IDS.refA);
    expect((await reply()).body.text).toMatch(/^Uso: `\/tavoli presenza <codice> presenza\|remoto\|assente`/);
  });

  it("tells an unknown user how to be designated, and links them with a one-time link", async () => {
    const { reply } = await world.command("prossime", SLACK_IDS.stranger);
    const text: string = (await reply()).body.text;
    expect(text).toContain(
      "Non ti trovo tra le persone di Tavoli (il tuo indirizzo Slack è nessuno@altrove.example.it)",
    );
    const url = text.match(/https?:\/\/\S+\/slack\/link\?token=\S+/)?.[0] ?? "";
    const token = new URL(url).searchParams.get("token");
    const linked = await world.s.api("POST", "/slack/link", {
      token: world.w.outsider.token,
      body: { token },
    });
    expect(linked.status).toBe(200);
    const again = await world.s.api("POST", "/slack/link", {
      token: world.w.outsider.token,
      body: { token },
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("link_invalid");
    const next = await world.command("prossime", SLACK_IDS.stranger);
    expect((await next.reply()).body.text).toBe("Non hai riunioni in programma.");
  });

  it("sends the login link only by direct message", async () => {
    const { reply } = await world.command("accedi", SLACK_IDS.refA, { channelId: CHANNEL });
    expect((await reply()).body.text).toBe("Ti ho inviato in privato un link di accesso a Tavoli.");
    const dm = await world.slack.waitForCall("chat.postMessage", (a) => a.channel === SLACK_IDS.refA);
    expect(dm.args.text).toMatch(/\/auth\/verify\?token=/);
    expect(world.slack.callsOf("chat.postMessage", (a) => a.channel === CHANNEL)).toEqual([]);
  });

  it("says something went wrong, in Italian, when Slack refuses the token", async () => {
    world.slack.failNext("users.info", { kind: "error", error: "invalid_auth" });
    const { ack, reply } = await world.command("prossime", SLACK_IDS.coordinator);
    expect(ack.status).toBe(200);
    expect((await reply()).body.text).toContain("Qualcosa non ha funzionato");
    const retry = await world.command("prossime", SLACK_IDS.coordinator);
    expect((await retry.reply()).body.text).toBe("Non hai riunioni in programma.");
  });

  it("raises an issue report and logs a contribution from the modals", async () => {
    const seat = `${world.w.openTable}:${world.w.orgA}`;
    const report = await world.submit(SLACK_IDS.refA, VIEW.report, {
      ...state.select(FIELD.table, seat),
      ...state.text(FIELD.title, "Connettività insufficiente in sala giunta"),
      ...state.text(FIELD.description, "Il collegamento cade durante le sedute."),
      ...state.radio(FIELD.severity, "alta"),
      ...state.checks(FIELD.confidential, []),
    });
    expect(report.status).toBe(200);
    const raised = await world.s.c.issueReports.findOne({
      title: "Connettività insufficiente in sala giunta",
    });
    expect(raised?.severity).toBe("alta");
    expect(raised?.raisedById.toHexString()).toBe(world.w.refA.id);

    const missingUrl = await world.submit(SLACK_IDS.refA, VIEW.contribution, {
      ...state.select(FIELD.table, seat),
      ...state.radio(FIELD.kind, "documento"),
      ...state.text(FIELD.title, "Linee guida cloud"),
    });
    expect(missingUrl.json.response_action).toBe("errors");
    expect(Object.keys(missingUrl.json.errors)).toEqual([FIELD.url]);
    const logged = await world.submit(SLACK_IDS.refA, VIEW.contribution, {
      ...state.select(FIELD.table, seat),
      ...state.radio(FIELD.kind, "documento"),
      ...state.text(FIELD.title, "Linee guida cloud"),
      ...state.text(FIELD.url, "https://demo.slack.com/files/UREFA/F123/linee-guida.pdf"),
    });
    expect(logged.status).toBe(200);
    const contribution = await world.s.c.contributions.findOne({ title: "Linee guida cloud" });
    expect(contribution?.source).toBe("slack");
  });

  it("turns a file shared in a channel into a contribution with the message shortcut", async () => {
    const shortcut = (message: Record<string, unknown>) =>
      sendInteraction(world.s.url, {
        type: "message_action",
        callback_id: SHORTCUT.contributionFromMessage,
        trigger_id: `trigger-${message.ts}`,
        message_ts: message.ts,
        response_url: world.slack.responseUrl(),
        message: { type: "message", ...message },
        user: { id: SLACK_IDS.refA, name: "anna", team_id: TEST_TEAM_ID },
        channel: { id: CHANNEL, name: "tavolo" },
        team: { id: TEST_TEAM_ID, domain: "demo" },
        token: "deprecated",
        action_ts: "1.3",
      });
    const file = {
      title: "Piano triennale ICT.pdf",
      permalink: "https://demo.slack.com/files/UREFA/F0PIANO/piano.pdf",
    };
    expect((await shortcut({ ts: "1700000001.000100", text: "ecco il piano", files: [file] })).status).toBe(
      200,
    );
    const opened = await world.slack.waitForCall(
      "views.open",
      (a) => a.trigger_id === "trigger-1700000001.000100",
    );
    const initial = (field: string) =>
      opened.args.view.blocks.find((b: { block_id: string }) => b.block_id === field).element.initial_value;
    expect(opened.args.view.callback_id).toBe(VIEW.contribution);
    expect(initial(FIELD.url)).toBe(file.permalink);
    expect(initial(FIELD.title)).toBe("Piano triennale ICT.pdf");

    await shortcut({ ts: "1700000002.000200", text: "Buona pratica: sportello unico" });
    const plain = await world.slack.waitForCall(
      "views.open",
      (a) => a.trigger_id === "trigger-1700000002.000200",
    );
    const url = plain.args.view.blocks.find((b: { block_id: string }) => b.block_id === FIELD.url).element
      .initial_value;
    expect(url).toBe(`https://demo.slack.com/archives/${CHANNEL}/p1700000002000200`);
  });

  it("refuses an issue report for another organisation's seat", async () => {
    const response = await world.submit(SLACK_IDS.refA, VIEW.report, {
      ...state.select(FIELD.table, `${world.w.openTable}:${world.w.orgB}`),
      ...state.text(FIELD.title, "Non mio"),
      ...state.text(FIELD.description, "x"),
      ...state.radio(FIELD.severity, "bassa"),
    });
    expect(response.json.errors[FIELD.table]).toBe("Un referente può agire solo per il proprio ente.");
    expect(await world.s.c.issueReports.countDocuments({ title: "Non mio" })).toBe(0);
  });

  it("saves reminder preferences from the modal", async () => {
    const response = await world.submit(SLACK_IDS.refB, VIEW.reminders, {
      ...state.checks(FIELD.leadTimes, ["2880", "30"]),
      ...state.checks(FIELD.channels, ["slack"]),
      ...state.checks(FIELD.paused, []),
    });
    expect(response.status).toBe(200);
    const me = await world.s.api("GET", "/api/v1/people/me/reminder-preferences", {
      token: world.w.refB.token,
    });
    expect(me.body.leadMinutes).toEqual([2880, 30]);
    expect(me.body.channels).toEqual({ slack: true, email: false, push: false });
  });
});

describe("Slack bot: people convened who never used the bot", () => {
  let world: SlackWorld;

  // Every test gets its own world (database, bot, fake Slack) and sets up what it needs in it, so no
  // test depends on another's data, clock or recorded Slack traffic, whatever the order.
  beforeEach(async () => {
    world = await startSlackWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("finds them by e-mail and tells them privately when their sitting is cancelled", async () => {
    const channelId = await linkedChannel(world);
    const convened = await world.s.api("POST", `/api/v1/tables/${world.w.openTable}/meetings`, {
      token: world.w.coordinator.token,
      body: {
        title: "Seduta straordinaria",
        startsAt: "2026-03-30T10:00",
        endsAt: "2026-03-30T11:00",
        mode: "online",
        videoLink: { generate: true },
      },
    });
    expect(convened.status).toBe(201);
    await world.s.drain();
    world.slack.callOf("chat.postMessage", (a) => a.channel === channelId);
    const cancelled = await world.s.api("POST", `/api/v1/meetings/${convened.body.id}/cancel`, {
      token: world.w.coordinator.token,
      body: { reason: "Indisponibilità della sala" },
    });
    expect(cancelled.status).toBe(200);
    await world.s.drain();
    const dm = world.slack.callOf("chat.postMessage", (a) => a.channel === SLACK_IDS.refA);
    expect(dm.args.text).toBe(
      "«Seduta straordinaria»: La riunione è stata *annullata*: Indisponibilità della sala",
    );
    expect(
      world.slack.callsOf("users.lookupByEmail", (a) => a.email === world.w.refA.person.email),
    ).toHaveLength(1);
    const link = await world.s.db.collection("slackUsers").findOne({ userId: SLACK_IDS.refA });
    expect(link?.linkedBy).toBe("email");
    // Someone not convened is not looked up.
    expect(
      world.slack.callsOf("users.lookupByEmail", (a) => a.email === world.w.outsider.person.email),
    ).toEqual([]);
  });

  it("shares approved minutes with the table's channel, by link", async () => {
    const channelId = await linkedChannel(world);
    const convened = await world.s.api("POST", `/api/v1/tables/${world.w.openTable}/meetings`, {
      token: world.w.coordinator.token,
      body: {
        title: "Seduta di verifica",
        startsAt: "2026-03-12T10:00",
        endsAt: "2026-03-12T11:00",
        mode: "online",
        videoLink: { generate: true },
      },
    });
    expect(convened.status).toBe(201);
    world.s.clock.now = new Date("2026-03-12T10:30:00Z");
    const path = `/api/v1/meetings/${convened.body.id}/minutes`;
    const token = world.w.coordinator.token;
    const body = {
      decisions: [{ text: "Si adotta il piano" }],
      actionItems: [{ what: "Inviare il piano", who: "Segreteria" }],
    };
    expect((await world.s.api("PUT", path, { token, body })).status).toBe(201);
    expect((await world.s.api("POST", `${path}/review`, { token, body: {} })).status).toBe(200);
    expect((await world.s.api("POST", `${path}/approve`, { token, body: {} })).status).toBe(200);
    await world.s.drain();
    const notice = world.slack.callOf("chat.postMessage", (a) =>
      String(a.text).startsWith("Verbale approvato"),
    );
    expect(notice.args.channel).toBe(channelId);
    expect(notice.args.text).toBe(
      `Verbale approvato: «Seduta di verifica», 1 decisione e 1 azione. ${world.s.config.publicUrl}${path}.md`,
    );
  });
});
