import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedEvents } from "../../../test/support/records.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { contribute, contributionBody } from "../contributions/test-fixtures.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";
import { createCtx } from "../shared/context.ts";
import { recordChange } from "../shared/record.ts";

type Entry = {
  id: string;
  action: string;
  entityId: string;
  event: { type: string; stream: string; seq: number; payload: unknown } | null;
};

/** Plain JSON (ids as hex, dates as ISO strings), to compare what was published with what is stored. */
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("audit entries and domain events are one record", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  /** The whole audit log as the installation admin reads it, page by page, oldest first. */
  async function auditLog(): Promise<Entry[]> {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=50&cursor=${cursor}` : "limit=50";
      const page = await s.api("GET", `/api/v1/audit?${query}`, { token: w.admin.token });
      expect(page.status).toBe(200);
      entries.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return entries.reverse();
  }

  it("gives every audit entry of a domain fact its event, and every event its audit entry", async () => {
    const meetingId = (await convene(s, w.coordinator.token, w.openTable)).body.id as string;
    const answer = (token: string, answer: string) =>
      s.api("PUT", `/api/v1/meetings/${meetingId}/rsvps/me`, { token, body: { answer } });
    for (const [token, said] of [
      [w.refA.token, "presenza"],
      [w.refB.token, "assente"],
      [w.refA.token, "assente"],
      [w.refA.token, "presenza"],
    ] as const)
      expect((await answer(token, said)).status).toBe(200);
    expect(
      (await contribute(s, w.refA.token, w.openTable, contributionBody(w.orgA, { meetingId }))).status,
    ).toBe(201);
    const moved = await s.api("PATCH", `/api/v1/meetings/${meetingId}`, {
      token: w.coordinator.token,
      body: { title: "Seduta ordinaria (aggiornata)" },
    });
    expect(moved.status).toBe(200);

    const log = await auditLog();
    const stored = await storedEvents(s.c);
    // What notifiers were told is exactly what is stored, in stored order: nothing published unstored.
    expect(json(s.events)).toEqual(json(stored));
    // The log's entries that carry an event are the stored events, one for one, under the same id.
    const logged = log.filter((entry) => entry.event);
    expect(logged.map((entry) => [entry.id, entry.event?.type, entry.event?.payload])).toEqual(
      json(stored.map((event) => [event.id, event.type, event.payload])),
    );
    // The finding: each answer's audit entry has its rsvp.answered event.
    const answers = log.filter((entry) => entry.action === "rsvp.answered");
    expect(answers).toHaveLength(4);
    expect(answers.map((entry) => entry.event?.type)).toEqual(Array(4).fill("rsvp.answered"));
    expect(
      answers.filter((entry) => entry.entityId === answers[0]?.entityId).map((e) => e.event?.seq),
    ).toEqual([1, 2, 3]);
  });

  it("numbers each stream's records 1, 2, 3… without gaps, in stored order", async () => {
    const byStream = new Map<string, number[]>();
    for (const record of await s.c.audit.find().sort({ _id: 1 }).toArray())
      byStream.set(record.stream, [...(byStream.get(record.stream) ?? []), record.seq]);
    expect(byStream.size).toBeGreaterThan(3);
    for (const [stream, seqs] of byStream) expect(seqs, stream).toEqual(seqs.map((_, i) => i + 1));
  });

  it("numbers a stream right when another instance wrote to it, and under concurrent writers", async () => {
    const ctx = createCtx({ db: s.db, bus: s.bus, actor: null });
    const entityId = new ObjectId();
    const stream = `test:${entityId.toHexString()}`;
    const change = (n: number) =>
      recordChange(ctx, {
        action: "test.changed",
        entity: "test",
        entityId,
        agreementId: null,
        before: null,
        after: { n },
        systemActorName: "test",
      });
    await change(1);
    // Another instance stores records 2 to 12: this process's hint (1) is now stale.
    const [model] = await s.c.audit.find({ stream }).toArray();
    if (!model) throw new Error("first record missing");
    await s.c.audit.insertMany(
      Array.from({ length: 11 }, (_, i) => ({
        ...model,
        _id: new ObjectId(),
        seq: i + 2,
        after: { n: i + 2 },
      })),
    );
    await Promise.all([13, 14, 15, 16, 17, 18].map(change));
    const records = await s.c.audit.find({ stream }).sort({ seq: 1 }).toArray();
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(
      records
        .slice(12)
        .map((r) => (r.after as { n: number }).n)
        .sort(),
    ).toEqual([13, 14, 15, 16, 17, 18]);
  });
});
