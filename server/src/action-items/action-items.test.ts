import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";
import { ctxAs } from "../minutes/test-fixtures.ts";
import { actionItemsSection } from "./report-section.ts";
import { actionItemsSnapshot, approvedSitting, setStatus, twoActions } from "./test-fixtures.ts";
import { trackApprovedMinutes } from "./track.ts";

type Item = { id: string; what: string | null; status: string; overdue: boolean; whatHidden: boolean };

describe("action items across sittings (issue 15, item 3)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  let first: { meetingId: string; minutesId: string };
  let next: string;
  let items: Item[];
  const list = (token: string, path: string) => s.api("GET", `/api/v1${path}`, { token });

  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
    // The next sitting is convened before the minutes of the first are approved.
    const convened = await convene(s, w.coordinator.token, w.openTable, {
      title: "Seconda seduta",
      startsAt: "2026-04-21T10:00",
      endsAt: "2026-04-21T12:00",
    });
    expect(convened.status).toBe(201);
    next = convened.body.id;
    first = await approvedSitting(s, w, twoActions(w));
  });
  afterAll(() => s.close());

  it("tracks each action item of approved minutes once, with its owner's organisation", async () => {
    const res = await list(w.coordinator.token, `/tables/${w.openTable}/action-items`);
    expect(res.status).toBe(200);
    items = res.body.items;
    expect(items).toMatchObject([
      {
        what: "Inviare il piano di migrazione aggiornato",
        owner: { personId: w.refA.id, name: "Anna Referente A" },
        ownerOrganisationId: w.orgA,
        ownerOrganisationName: "Comune di Caltagirone",
        meetingId: first.meetingId,
        minutesId: first.minutesId,
        sittingDate: "2026-03-24",
        due: "2026-04-10",
        status: "aperta",
        overdue: false,
      },
      { ownerOrganisationId: w.orgB, due: "2026-04-15", status: "aperta" },
    ]);
    // A repeated delivery of minutes.approved (at least once) neither duplicates nor records again.
    const before = await actionItemsSnapshot(s);
    const again = await trackApprovedMinutes({
      ctx: await ctxAs(s, w.coordinator.id),
      input: { minutesId: new ObjectId(first.minutesId) },
    });
    expect(again.map((i) => i._id.toHexString())).toEqual(items.map((i) => i.id));
    expect(await actionItemsSnapshot(s)).toEqual(before);
    expect(before.audit).toBe(2);
    const tracked = s.events.filter((e) => e.type === "action_item.tracked");
    expect(tracked).toHaveLength(2);
    expect(JSON.stringify(tracked)).not.toContain("Inviare");
  });

  it("refuses a future done day, a referent of another organisation, an outsider and a forbidden move", async () => {
    const [a, b] = items as [Item, Item];
    const before = await actionItemsSnapshot(s);
    const future = await setStatus(s, w.refA.token, a.id, { status: "completata", doneOn: "2026-03-25" });
    expect([future.status, future.body.error.code]).toEqual([400, "date_in_future"]);
    const other = await setStatus(s, w.refA.token, b.id, { status: "completata", doneOn: "2026-03-24" });
    expect([other.status, other.body.error.code]).toEqual([403, "other_organisation"]);
    const outsider = await setStatus(s, w.outsider.token, a.id, { status: "annullata", reason: "Non serve" });
    expect([outsider.status, outsider.body.error.code]).toEqual([403, "forbidden"]);
    const noReason = await setStatus(s, w.coordinator.token, a.id, { status: "annullata" });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, "validation_failed"]);
    const reopenOpen = await setStatus(s, w.coordinator.token, a.id, { status: "aperta" });
    expect([reopenOpen.status, reopenOpen.body.error.code]).toEqual([409, "action_item_transition_invalid"]);
    expect(await actionItemsSnapshot(s)).toEqual(before);
  });

  it("lets the owner's referent mark it done, then refuses to close it twice", async () => {
    const [a] = items as [Item];
    const done = await setStatus(s, w.refA.token, a.id, { status: "completata", doneOn: "2026-03-24" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "completata", doneOn: "2026-03-24", overdue: false });
    expect(s.events.at(-1)).toMatchObject({
      type: "action_item.completed",
      payload: { status: "completata" },
    });
    const before = await actionItemsSnapshot(s);
    const twice = await setStatus(s, w.refA.token, a.id, { status: "annullata", reason: "Ripensamento" });
    expect([twice.status, twice.body.error.code]).toEqual([409, "action_item_transition_invalid"]);
    expect(await actionItemsSnapshot(s)).toEqual(before);
  });

  it("at the next sitting shows the other one overdue, per table, organisation and person", async () => {
    s.clock.now = new Date("2026-04-21T07:30:00Z");
    const [a, b] = items as [Item, Item];
    const ids = (res: { body: { items: Item[] } }) => res.body.items.map((i) => i.id);
    expect(ids(await list(w.coordinator.token, `/tables/${w.openTable}/action-items?overdue=true`))).toEqual([
      b.id,
    ]);
    expect(ids(await list(w.outsider.token, `/organisations/${w.orgB}/action-items?overdue=true`))).toEqual([
      b.id,
    ]);
    expect(ids(await list(w.outsider.token, `/organisations/${w.orgA}/action-items?overdue=true`))).toEqual(
      [],
    );
    expect(ids(await list(w.refB.token, "/people/me/action-items?overdue=true"))).toEqual([b.id]);
    expect(ids(await list(w.refA.token, "/people/me/action-items?status=completata"))).toEqual([a.id]);
    expect(ids(await list(w.refA.token, "/people/me/action-items?overdue=true"))).toEqual([]);
    const page = await list(w.refB.token, `/tables/${w.openTable}/action-items?limit=1`);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    // Outside the table the text is withheld.
    const outside = await list(w.outsider.token, `/tables/${w.openTable}/action-items`);
    expect(outside.body.items.map((i: Item) => [i.what, i.whatHidden])).toEqual([
      [null, true],
      [null, true],
    ]);
  });

  it("puts 'Verifica azioni' on the next sitting's agenda, convened before or after the approval", async () => {
    const [a, b] = items as [Item, Item];
    const read = await s.api("GET", `/api/v1/meetings/${next}`, { token: w.refB.token });
    const review = read.body.agenda.at(-1);
    expect(review).toMatchObject({ id: next, title: "Verifica azioni", confidential: false });
    expect(review.actionItems.map((i: Item) => [i.id, i.status, i.overdue])).toEqual([
      [a.id, "completata", false],
      [b.id, "aperta", true],
    ]);
    const outside = await s.api("GET", `/api/v1/meetings/${next}`, { token: w.outsider.token });
    expect(outside.body.agenda.at(-1).actionItems.map((i: Item) => i.what)).toEqual([null, null]);

    // A sitting convened after the approval, a month after the next: only what is still open.
    s.clock.now = new Date("2026-04-21T07:30:00Z");
    const later = await convene(s, w.coordinator.token, w.openTable, {
      title: "Terza seduta",
      startsAt: "2026-05-19T10:00",
      endsAt: "2026-05-19T12:00",
    });
    expect(later.status).toBe(201);
    const third = await s.api("GET", `/api/v1/meetings/${later.body.id}`, { token: w.coordinator.token });
    expect(third.body.agenda.at(-1).title).toBe("Verifica azioni");
    expect(third.body.agenda.at(-1).actionItems.map((i: Item) => i.id)).toEqual([b.id]);
    await s.drain();
    const mail = await s.c.outbox.findOne({ subject: { $regex: "Terza seduta" } });
    expect(mail?.text).toContain("Verifica azioni");
  });

  it("lets the next sitting's minutes summarise the check", async () => {
    s.clock.now = new Date("2026-04-21T08:30:00Z");
    const res = await s.api("PUT", `/api/v1/meetings/${next}/minutes`, {
      token: w.coordinator.token,
      body: {
        items: [{ agendaItemId: next, summary: "Il piano è stato inviato; il censimento è in ritardo." }],
        decisions: [],
        actionItems: [],
        notes: "",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.items.at(-1)).toMatchObject({ agendaItemId: next, title: "Verifica azioni" });
  });
});

describe("the periodic report's action items section", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
    await approvedSitting(s, w, twoActions(w));
    const [a] = await s.c.actionItems.find().sort({ index: 1 }).toArray();
    const done = await setStatus(s, w.refA.token, a?._id.toHexString() ?? "", {
      status: "completata",
      doneOn: "2026-03-24",
    });
    expect(done.status).toBe(200);
    s.clock.now = new Date("2026-07-10T08:00:00Z");
  });
  afterAll(() => s.close());

  const run = async (confidential: string[]) => {
    const table = await s.c.tables.findOne({ _id: new ObjectId(w.openTable) });
    if (!table) throw new Error("no table");
    const scope = { agreementId: table.agreementId, tableId: table._id, tables: [table] };
    const ctx = await ctxAs(s, w.coordinator.id);
    return actionItemsSection(
      ctx,
      scope,
      { from: "2026-01-01", to: "2026-06-30" },
      {
        confidentialTableIds: new Set(confidential),
      },
    );
  };

  it("counts done and overdue at the period's end, with the text only for the table's audience", async () => {
    const inside = await run([w.openTable]);
    expect(inside.key).toBe("action_items");
    expect(Object.fromEntries(inside.summary.map((f) => [f.key, f.value]))).toEqual({
      total: 2,
      done: 1,
      overdue: 1,
      open: 1,
    });
    expect(inside.rows).toMatchObject([
      {
        what: "Inviare il piano di migrazione aggiornato",
        organisation: "Comune di Caltagirone",
        doneOn: "2026-03-24",
        overdue: false,
      },
      { status: "aperta", due: "2026-04-15", overdue: true },
    ]);
    const outside = await run([]);
    expect(outside.rows.map((r) => r.what)).toEqual(["Azione riservata", "Azione riservata"]);
    expect(JSON.stringify(outside)).not.toContain("Censire");
  });
});

describe("action items and personal data (DOMAIN rule 11)", () => {
  it("lists my items in my export, and shows an erased owner as erased", async () => {
    const s = await startTestServer();
    try {
      const w = await meetingWorld(s);
      await approvedSitting(s, w, twoActions(w));
      const exported = await s.api("GET", "/api/v1/people/me/export", { token: w.refB.token });
      expect(exported.body.actionItems).toMatchObject([
        { owner: true, what: "Censire i servizi online del comune", due: "2026-04-15", status: "aperta" },
      ]);
      expect(JSON.stringify(exported.body.actionItems)).not.toContain("Inviare");
      expect((await s.api("DELETE", "/api/v1/people/me", { token: w.refB.token })).status).toBe(204);
      const listed = await s.api("GET", `/api/v1/tables/${w.openTable}/action-items`, {
        token: w.coordinator.token,
      });
      expect(listed.body.items[1].owner).toMatchObject({ personId: w.refB.id, name: "Persona rimossa" });
    } finally {
      await s.close();
    }
  });
});
