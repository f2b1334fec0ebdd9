import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "./test-fixtures.ts";

describe("the calendars clients show, and changing a sitting", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  let ids: string[];
  beforeAll(async () => {
    s = await startTestServer({ env: { JITSI_BASE_URL: "https://jitsi.unione.example.it" } });
    w = await meetingWorld(s);
    ids = [];
    for (const day of ["2026-04-20", "2026-03-20", "2026-05-04"]) {
      const res = await convene(s, w.coordinator.token, w.openTable, {
        startsAt: `${day}T09:30`,
        endsAt: `${day}T11:00`,
      });
      ids.push(res.body.id);
    }
  });
  afterAll(() => s.close());

  it("generates rooms on the configured Jitsi and recognises pasted links to it", async () => {
    const generated = await s.api("GET", `/api/v1/meetings/${ids[0]}`, { token: w.refA.token });
    expect(generated.body.videoLink.url).toMatch(/^https:\/\/jitsi\.unione\.example\.it\/Tavoli-/);
    const pasted = await convene(s, w.coordinator.token, w.openTable, {
      videoLink: { url: "https://jitsi.unione.example.it/GiuntaTecnica" },
    });
    expect(pasted.body.videoLink.provider).toBe("jitsi");
  });

  it("lists my upcoming sittings soonest first, as referent and as coordinator, not an outsider's", async () => {
    for (const person of [w.refA, w.coordinator]) {
      const mine = await s.api("GET", "/api/v1/people/me/meetings", { token: person.token });
      expect(mine.status).toBe(200);
      const listed = mine.body.items.map((m: { id: string }) => m.id);
      expect(listed.filter((id: string) => ids.includes(id))).toEqual([ids[1], ids[0], ids[2]]);
      expect(mine.body.items[0]).toMatchObject({ myRsvp: null, timeZone: "Europe/Rome" });
      expect(mine.body.items[0].videoLink).not.toBeNull();
    }
    const outsider = await s.api("GET", "/api/v1/people/me/meetings", { token: w.outsider.token });
    expect(outsider.body.items).toEqual([]);
    const later = await s.api("GET", "/api/v1/people/me/meetings?from=2026-04-21T00:00&limit=1", {
      token: w.refA.token,
    });
    expect(later.body.items.map((m: { id: string }) => m.id)).toEqual([ids[2]]);
  });

  it("shows each person their own answer among their sittings, never a colleague's", async () => {
    const answer = (token: string, id: string | undefined, body: { answer: string }) =>
      s.api("PUT", `/api/v1/meetings/${id}/rsvps/me`, { token, body });
    expect((await answer(w.refA.token, ids[0], { answer: "presenza" })).status).toBe(200);
    expect((await answer(w.refB.token, ids[1], { answer: "assente" })).status).toBe(200);
    const answers = async (token: string) => {
      const mine = await s.api("GET", "/api/v1/people/me/meetings", { token });
      const byId = new Map(
        mine.body.items.map((m: { id: string; myRsvp: { answer: string } | null }) => [
          m.id,
          m.myRsvp?.answer,
        ]),
      );
      return [byId.get(ids[1]), byId.get(ids[0])];
    };
    expect(await answers(w.refA.token)).toEqual([undefined, "presenza"]);
    expect(await answers(w.refB.token)).toEqual(["assente", undefined]);
  });

  it("shows the table's calendar to any logged-in person, links only to those convened", async () => {
    const path = `/api/v1/tables/${w.openTable}/meetings?from=2026-03-01T00:00&to=2026-04-30T00:00`;
    const asOutsider = await s.api("GET", path, { token: w.outsider.token });
    const listed = asOutsider.body.items.map((m: { id: string }) => m.id);
    expect(listed.filter((id: string) => ids.includes(id))).toEqual([ids[1], ids[0]]);
    expect(asOutsider.body.items.every((m: { videoLink: unknown }) => m.videoLink === null)).toBe(true);
    expect(JSON.stringify(asOutsider.body)).not.toContain("CANARY");
    const asReferent = await s.api("GET", path, { token: w.refB.token });
    expect(asReferent.body.items.every((m: { videoLink: unknown }) => m.videoLink !== null)).toBe(true);
    expect((await s.api("GET", path)).status).toBe(401);
    const reversed = await s.api(
      "GET",
      `/api/v1/tables/${w.openTable}/meetings?from=2026-05-01T00:00&to=2026-04-01T00:00`,
      {
        token: w.refA.token,
      },
    );
    expect(reversed.body.error.code).toBe("date_order");
  });

  it("changes the agenda with SEQUENCE up, and refuses changes once the sitting is over", async () => {
    const before = s.events.length;
    const patched = await s.api("PATCH", `/api/v1/meetings/${ids[1]}`, {
      token: w.coordinator.token,
      body: { agenda: [{ title: "Unico punto: bilancio del progetto" }], title: "Seduta straordinaria" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ sequence: 1, title: "Seduta straordinaria", hiddenAgendaItems: 0 });
    expect(patched.body.agenda.map((i: { title: string }) => i.title)).toEqual([
      "Unico punto: bilancio del progetto",
    ]);
    const [event] = s.events.slice(before);
    expect(event?.type).toBe("meeting.updated");
    expect(event?.payload.changes).toMatchObject({ agenda: { from: 3, to: 1 } });
    expect(
      (await s.api("PATCH", `/api/v1/meetings/${ids[1]}`, { token: w.refA.token, body: { title: "X" } }))
        .status,
    ).toBe(403);
    expect(
      (await s.api("PATCH", `/api/v1/meetings/${ids[1]}`, { token: w.coordinator.token, body: {} })).status,
    ).toBe(400);
    s.clock.now = new Date("2026-03-20T12:00:00Z");
    try {
      const late = await s.api("POST", `/api/v1/meetings/${ids[1]}/reschedule`, {
        token: w.coordinator.token,
        body: { startsAt: "2026-03-27T09:30", endsAt: "2026-03-27T11:00" },
      });
      expect([late.status, late.body.error.code]).toEqual([409, "meeting_over"]);
      expect(late.body.error.message).toBe("La riunione si è già svolta: non si può più modificare.");
    } finally {
      s.clock.now = new Date("2026-03-10T09:00:00Z");
    }
  });
});
