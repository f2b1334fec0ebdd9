import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALATINO_COMUNI } from "../../../test/support/calatino.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { createApiToken } from "../auth/create-token.ts";
import { loadActor } from "../people/load-actor.ts";
import { createCtx } from "../shared/context.ts";
import {
  type DemoAgreement,
  demoAgreements,
  demoDesignations,
  demoOrganisations,
  demoPeople,
} from "./demo-data.ts";
import { demoMeetings, demoRsvps } from "./demo-meetings.ts";
import { seedDemoIfEmpty } from "./seed.ts";
import { lastEndedHalf } from "./seed-reports.ts";

type IstatComune = {
  nome: string;
  codice: string;
  regione: { nome: string };
  provincia: { nome: string };
};

const istat = JSON.parse(
  readFileSync(new URL("../../../../shared/data/comuni-istat-2020.json", import.meta.url), "utf8"),
) as IstatComune[];
const istatByCode = new Map(istat.map((c) => [c.codice, c]));

const orgsByRef = new Map(demoOrganisations.map((o) => [o.ref, o]));
const peopleByRef = new Map(demoPeople.map((p) => [p.ref, p]));
const agreementsBySlug = new Map(demoAgreements.map((a) => [a.slug, a]));

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isValidDate = (s: string) => isoDate.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const addDays = (s: string, days: number) =>
  new Date(Date.parse(`${s}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function agreement(slug: string): DemoAgreement {
  const a = agreementsBySlug.get(slug);
  if (!a) throw new Error(`missing agreement ${slug}`);
  return a;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const v of values) {
    if (seen.has(v)) dups.push(v);
    seen.add(v);
  }
  return dups;
}

describe("demo data", () => {
  it("models exactly the five seed agreements, one per seed file", () => {
    expect(demoAgreements).toHaveLength(5);
    const seeds = [
      "000_85e45a0f981772dc.txt",
      "001_1f1659750d4bd379.txt",
      "002_2e94dee85ce52578.txt",
      "003_c6de5a6b5733112b.txt",
      "004_e3719c113f1dadcb.txt",
    ];
    for (const seed of seeds) {
      expect(demoAgreements.filter((a) => a.sourceRef.startsWith(seed))).toHaveLength(1);
    }
  });

  it("has unique refs, slugs and emails", () => {
    expect(duplicates(demoOrganisations.map((o) => o.ref))).toEqual([]);
    expect(duplicates(demoPeople.map((p) => p.ref))).toEqual([]);
    expect(duplicates(demoPeople.map((p) => p.email.toLowerCase()))).toEqual([]);
    expect(duplicates(demoAgreements.map((a) => a.slug))).toEqual([]);
    expect(duplicates(demoAgreements.map((a) => a.shortName))).toEqual([]);
    for (const a of demoAgreements) {
      expect(duplicates(a.tables.map((t) => t.ref)), a.slug).toEqual([]);
      expect(duplicates(a.members.map((m) => m.orgRef)), a.slug).toEqual([]);
      expect(duplicates(a.admins), a.slug).toEqual([]);
    }
    expect(
      duplicates(demoDesignations.map((d) => [d.agreementSlug, d.tableRef, d.orgRef, d.personRef].join("|"))),
    ).toEqual([]);
    const istatCodes = demoOrganisations.flatMap((o) => (o.istatCode ? [o.istatCode] : []));
    expect(duplicates(istatCodes)).toEqual([]);
  });

  it("uses slug-shaped refs and example email addresses", () => {
    const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;
    for (const ref of [
      ...demoOrganisations.map((o) => o.ref),
      ...demoPeople.map((p) => p.ref),
      ...demoAgreements.flatMap((a) => [a.slug, ...a.tables.map((t) => t.ref)]),
    ]) {
      expect(ref).toMatch(slug);
    }
    for (const p of demoPeople) expect(p.email).toMatch(/^[a-z.]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.example\.it$/);
  });

  it("has exactly one installation admin", () => {
    const admins = demoPeople.filter((p) => p.isInstallationAdmin);
    expect(admins).toEqual([
      {
        ref: "admin",
        name: "Amministrazione Tavoli",
        email: "admin@tavoli.example.it",
        locale: "it",
        isInstallationAdmin: true,
      },
    ]);
  });

  it("resolves every reference", () => {
    for (const a of demoAgreements) {
      for (const m of a.members) expect(orgsByRef.has(m.orgRef), `${a.slug}: ${m.orgRef}`).toBe(true);
      expect(a.admins.length, a.slug).toBe(1);
      for (const ref of a.admins) expect(peopleByRef.has(ref), `${a.slug}: ${ref}`).toBe(true);
      for (const t of a.tables) {
        for (const ref of t.coordinatorRefs) expect(peopleByRef.has(ref), `${t.ref}: ${ref}`).toBe(true);
      }
    }
    for (const d of demoDesignations) {
      const a = agreement(d.agreementSlug);
      expect(
        a.tables.some((t) => t.ref === d.tableRef),
        `${d.agreementSlug}: ${d.tableRef}`,
      ).toBe(true);
      expect(
        a.members.some((m) => m.orgRef === d.orgRef),
        `${d.agreementSlug}: ${d.orgRef}`,
      ).toBe(true);
      expect(peopleByRef.has(d.personRef), d.personRef).toBe(true);
    }
  });

  it("uses valid dates, with designations in 2024-2025 after the membership is operative", () => {
    for (const a of demoAgreements) {
      if (a.signedOn !== null) expect(isValidDate(a.signedOn), a.slug).toBe(true);
      for (const m of a.members) expect(isValidDate(m.receivedOn), `${a.slug}: ${m.orgRef}`).toBe(true);
    }
    for (const d of demoDesignations) {
      expect(isValidDate(d.from), d.from).toBe(true);
      expect(d.from >= "2024-01-01" && d.from <= "2025-12-31", d.from).toBe(true);
      const a = agreement(d.agreementSlug);
      const member = a.members.find((m) => m.orgRef === d.orgRef);
      if (!member) throw new Error(`${d.orgRef} is not a member of ${a.slug}`);
      expect(d.from >= addDays(member.receivedOn, a.adhesionDelayDays), `${a.slug}: ${d.orgRef}`).toBe(true);
    }
  });

  it("designates only founding parties on founders-only tables", () => {
    for (const d of demoDesignations) {
      const a = agreement(d.agreementSlug);
      const table = a.tables.find((t) => t.ref === d.tableRef);
      if (table?.access !== "founders") continue;
      const member = a.members.find((m) => m.orgRef === d.orgRef);
      expect(member?.founding, `${a.slug}/${table.ref}: ${d.orgRef}`).toBe(true);
    }
    for (const a of demoAgreements) expect(a.members.some((m) => m.founding)).toBe(true);
  });

  it("designates every coordinator on the table they coordinate", () => {
    for (const a of demoAgreements) {
      for (const t of a.tables) {
        for (const ref of t.coordinatorRefs) {
          expect(
            demoDesignations.some(
              (d) => d.agreementSlug === a.slug && d.tableRef === t.ref && d.personRef === ref,
            ),
            `${a.slug}/${t.ref}: ${ref}`,
          ).toBe(true);
        }
      }
    }
  });

  it("gives every comune a real ISTAT code with its region and province, and none to other bodies", () => {
    for (const o of demoOrganisations) {
      if (o.kind !== "comune") {
        expect(o.istatCode, o.ref).toBeUndefined();
        continue;
      }
      expect(o.istatCode, o.ref).toBeDefined();
      const c = istatByCode.get(o.istatCode ?? "");
      expect(c, `${o.ref}: ${o.istatCode}`).toBeDefined();
      expect(o.name).toBe(`Comune di ${c?.nome}`);
      expect(o.region).toBe(c?.regione.nome);
      expect(o.province).toBe(c?.provincia.nome);
    }
  });

  it("lists every organisation in at least one agreement", () => {
    const used = new Set(demoAgreements.flatMap((a) => a.members.map((m) => m.orgRef)));
    expect(demoOrganisations.filter((o) => !used.has(o.ref)).map((o) => o.ref)).toEqual([]);
  });

  it("models Calatino Smart Community with its eight comuni and one referent each", () => {
    const calatino = agreement("calatino-smart-community");
    const names = CALATINO_COMUNI;
    const memberNames = calatino.members.map((m) => orgsByRef.get(m.orgRef)?.name);
    expect(memberNames.sort()).toEqual(names.map((n) => `Comune di ${n}`).sort());
    for (const m of calatino.members) {
      expect(m.founding).toBe(true);
      const org = orgsByRef.get(m.orgRef);
      expect(org?.province).toBe("Catania");
    }
    const committee = demoDesignations.filter(
      (d) => d.agreementSlug === calatino.slug && d.tableRef === "comitato-di-gestione",
    );
    expect(committee.map((d) => d.orgRef).sort()).toEqual(calatino.members.map((m) => m.orgRef).sort());
    expect(new Set(committee.map((d) => d.personRef)).size).toBe(8);
    expect(calatino.tables.map((t) => t.kind)).toContain("assemblea_dei_sindaci");
  });

  it("models Innovazione d'Insieme: 15-day adhesion, 3-month notice, WP1-WP8 tables, later adherents", () => {
    const a = agreement("innovazione-d-insieme");
    expect(a.adhesionDelayDays).toBe(15);
    expect(a.withdrawalNotice).toEqual({ amount: 3, unit: "months" });
    expect(a.tables.map((t) => t.theme?.code)).toEqual([
      "WP1",
      "WP2",
      "WP3",
      "WP4",
      "WP5",
      "WP6",
      "WP7",
      "WP8",
    ]);
    for (const t of a.tables) {
      expect(t.kind).toBe("tavolo_di_lavoro");
      expect(t.access).toBe("open");
      expect(t.coordinatorRefs).toHaveLength(1);
    }
    const founders = a.members.filter((m) => m.founding).map((m) => orgsByRef.get(m.orgRef));
    expect(founders.filter((o) => o?.kind === "comune")).toHaveLength(10);
    expect(founders.filter((o) => o?.kind === "societa_in_house")).toHaveLength(3);
    const later = a.members.filter((m) => !m.founding);
    expect(later.length).toBeGreaterThanOrEqual(1);
    for (const m of later) expect(m.receivedOn >= "2024-01-01" && m.receivedOn <= "2025-12-31").toBe(true);
    expect(a.tables.some((t) => t.materials?.some((m) => m.confidential))).toBe(true);
  });

  it("models Reggio Emilia: immediate adhesion and 30-day notice", () => {
    const a = agreement("coordinamento-informatico-reggio-emilia");
    expect(a.adhesionDelayDays).toBe(0);
    expect(a.withdrawalNotice).toEqual({ amount: 30, unit: "days" });
    expect(a.signedOn).toBe("2023-05-05");
    expect(a.sourceRef).toContain("82/2023");
    const kinds = a.members.map((m) => orgsByRef.get(m.orgRef)?.kind);
    expect(kinds).toContain("provincia");
    expect(kinds).toContain("unione_di_comuni");
    expect(kinds).toContain("comune");
    expect(a.tables.some((t) => t.kind === "coordinamento")).toBe(true);
  });

  it("models the steering bodies of Lombardia and Piemonte as founders-only", () => {
    const lombardia = agreement("innovazione-comuni-lombardi");
    expect(lombardia.members.map((m) => m.orgRef).sort()).toEqual([
      "anci",
      "anci-lombardia",
      "regione-lombardia",
    ]);
    expect(lombardia.tables.find((t) => t.kind === "cabina_di_regia")?.access).toBe("founders");
    expect(lombardia.tables.some((t) => t.kind === "tavolo_tecnico")).toBe(true);
    const piemonte = agreement("rete-cst-piemonte");
    expect(piemonte.tables.find((t) => t.kind === "comitato_guida")?.access).toBe("founders");
    expect(piemonte.tables.filter((t) => t.kind === "comitato_di_pilotaggio")).toHaveLength(8);
  });

  it("gives every agreement and table a title and a description", () => {
    for (const a of demoAgreements) {
      expect(a.description.length).toBeGreaterThan(100);
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.kind.length).toBeGreaterThan(0);
      for (const t of a.tables) {
        expect(t.name.length, t.ref).toBeGreaterThan(0);
        expect(t.description.length, t.ref).toBeGreaterThan(40);
      }
    }
  });
});

describe("demo sittings", () => {
  const tablesWithReferents = [...new Set(demoDesignations.map((d) => `${d.agreementSlug}/${d.tableRef}`))];
  let s: TestServer;
  let seededAt: Date;
  const tableKey = new Map<string, string>();

  /** An API token for a demo person, through the real token use case. */
  async function tokenFor(email: string): Promise<{ id: string; token: string }> {
    const person = await s.c.people.findOne({ email });
    if (!person) throw new Error(`no demo person ${email}`);
    const actor = await loadActor(s.c, person._id, new Date());
    const { token } = await createApiToken({
      ctx: createCtx({ db: s.db, bus: s.bus, actor }),
      input: { name: "demo test" },
    });
    return { id: person._id.toHexString(), token };
  }

  const email = (ref: string) => peopleByRef.get(ref)?.email ?? "";
  /** The sittings convened through the use case: the past ones are the ready report's (seed-reports.ts). */
  const upcomingMeetings = () => s.c.meetings.find({ startsAt: { $gt: seededAt } }).toArray();

  beforeAll(async () => {
    s = await startTestServer();
    seededAt = new Date();
    expect((await seedDemoIfEmpty({ db: s.db, bus: s.bus, config: s.config })).seeded).toBe(true);
    const agreements = await s.c.agreements.find().toArray();
    for (const t of await s.c.tables.find().toArray()) {
      const slug = agreements.find((a) => a._id.equals(t.agreementId))?.slug;
      const ref = agreement(slug ?? "").tables.find((dt) => dt.name === t.name)?.ref;
      tableKey.set(t._id.toHexString(), `${slug}/${ref}`);
    }
  });
  afterAll(() => s.close());

  it("gives the Lombardia tavolo tecnico a work plan approved by the cabina di regia, with progress; deadlines show", async () => {
    const { token } = await tokenFor(email("francesca-rossi"));
    const tavolo = [...tableKey].find(([, key]) => key === "innovazione-comuni-lombardi/tavolo-tecnico")?.[0];
    const plan = await s.api("GET", `/api/v1/tables/${tavolo}/work-plan`, { token });
    expect(plan.body.inForce).toMatchObject({
      version: 1,
      state: "approvata",
      decision: { outcome: "approvata" },
    });
    expect(plan.body.inForce.activities).toHaveLength(5);
    expect(plan.body.inForce.activities.map((a: { progress: number }) => a.progress)).toEqual([
      100, 40, 20, 0, 0,
    ]);
    const reggio = await s.c.agreements.findOne({ slug: "coordinamento-informatico-reggio-emilia" });
    const deadlines = await s.api("GET", `/api/v1/agreements/${reggio?._id}/deadlines`, { token });
    expect(deadlines.body.items.some((d: { kind: string }) => d.kind === "half_yearly_report")).toBe(true);
  });

  it("plans at least one sitting for every table that has referents", () => {
    const planned = new Set(demoMeetings.map((m) => `${m.agreementSlug}/${m.tableRef}`));
    expect(tablesWithReferents.filter((key) => !planned.has(key))).toEqual([]);
  });

  it("convenes an upcoming sitting on every table with referents, none in the past", async () => {
    const meetings = await upcomingMeetings();
    const withSittings = new Set(meetings.map((m) => tableKey.get(m.tableId.toHexString())));
    expect(tablesWithReferents.filter((key) => !withSittings.has(key))).toEqual([]);
    // Past only the sitting held for the demo action items (seed-action-items.ts), its minutes approved.
    const held = new Set((await s.c.minutes.find().toArray()).map((m) => m.meetingId.toHexString()));
    expect(held.size).toBe(1);
    const past = meetings.filter((m) => m.startsAt <= seededAt && !held.has(m._id.toHexString()));
    expect(past.map((m) => m.title)).toEqual([]);
    expect(meetings.every((m) => m.status === "convened")).toBe(true);
  });

  it("leaves the audit entry and meeting.convened event of a real convocation, by the coordinator", async () => {
    const meetings = await upcomingMeetings();
    const upcomingIds = new Set(meetings.map((m) => m._id.toHexString()));
    const all = s.events.filter((e) => e.type === "meeting.convened");
    const convened = all.filter((e) => upcomingIds.has(String(e.payload.meetingId)));
    expect(convened).toHaveLength(meetings.length);
    // Every convocation left its audit entry: the upcoming ones and the held sitting of the demo action items.
    expect(await s.c.audit.countDocuments({ action: "meeting.convened" })).toBe(all.length);
    const tables = await s.c.tables.find().toArray();
    for (const m of meetings) {
      const table = tables.find((t) => t._id.equals(m.tableId));
      expect(
        table?.coordinatorIds.some((id) => id.equals(m.createdBy)),
        m.title,
      ).toBe(true);
    }
    const wp1 = convened.find((e) => {
      const m = meetings.find((x) => x._id.toHexString() === e.payload.meetingId);
      return m && tableKey.get(m.tableId.toHexString()) === "innovazione-d-insieme/wp1";
    });
    const rossi = await s.c.people.findOne({ email: email("francesca-rossi") });
    expect(wp1?.payload.convenedPersonIds).toContain(rossi?._id.toHexString());
  });

  it("reminds the referents of the sitting an hour after seeding, a few minutes later, by e-mail", async () => {
    const soon = await s.c.meetings.findOne({ title: "Punto rapido sull'avvio del progetto" });
    if (!soon) throw new Error("no sitting soon after seeding");
    const minutesAhead = (soon.startsAt.getTime() - seededAt.getTime()) / 60_000;
    expect(minutesAhead).toBeGreaterThan(60);
    expect(minutesAhead).toBeLessThanOrEqual(70);
    await s.drain();
    s.clock.now = new Date(soon.startsAt.getTime() - 60 * 60_000 + 1000);
    await s.drain();
    const sent = await s.c.reminderDeliveries.find({ meetingId: soon._id, status: "delivered" }).toArray();
    const convened = s.events.find(
      (e) => e.type === "meeting.convened" && e.payload.meetingId === soon._id.toHexString(),
    )?.payload.convenedPersonIds as string[];
    expect(sent.map((d) => [d.kind, d.leadMinutes, d.channel])).toContainEqual(["before", 60, "email"]);
    expect(sent.every((d) => convened.includes(d.personId.toHexString()))).toBe(true);
    s.clock.now = new Date();
  });

  it("records the demo referents' answers through the RSVP use case, each answered by the person", async () => {
    const rsvps = await s.c.rsvps.find().toArray();
    expect(rsvps).toHaveLength(demoRsvps.length);
    for (const r of rsvps) expect(r.answeredBy.equals(r.personId)).toBe(true);
    expect(s.events.filter((e) => e.type === "rsvp.answered")).toHaveLength(demoRsvps.length);
  });

  it("holds six monthly sittings of the Cabina di regia on the first Tuesday, 10:00 in Italy", async () => {
    const series = await s.c.meetings
      .find({ seriesId: { $ne: null } })
      .sort({ startsAt: 1 })
      .toArray();
    expect(series).toHaveLength(6);
    expect(new Set(series.map((m) => m.seriesId?.toHexString())).size).toBe(1);
    for (const m of series) {
      expect(tableKey.get(m.tableId.toHexString())).toBe("innovazione-comuni-lombardi/cabina-di-regia");
      const local = new Intl.DateTimeFormat("it-IT", {
        timeZone: "Europe/Rome",
        weekday: "long",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      }).formatToParts(m.startsAt);
      const part = (type: string) => local.find((p) => p.type === type)?.value;
      expect(part("weekday")).toBe("martedì");
      expect(Number(part("day"))).toBeLessThanOrEqual(7);
      expect(`${part("hour")}:${part("minute")}`).toBe("10:00");
    }
  });

  it("mixes in-person sittings with a place, generated Jitsi rooms and pasted Teams or Meet links", async () => {
    const meetings = await upcomingMeetings();
    const inPerson = meetings.filter((m) => m.mode === "in_presenza");
    expect(inPerson.length).toBeGreaterThan(0);
    for (const m of inPerson) expect(m.place?.address, m.title).toMatch(/\d{5} /);
    const online = meetings.filter((m) => m.mode === "online");
    expect(
      online.some((m) => m.videoLink?.generated && m.videoLink.url.startsWith(s.config.jitsiBaseUrl)),
    ).toBe(true);
    const hybrid = meetings.filter((m) => m.mode === "ibrida");
    expect(hybrid.some((m) => m.videoLink?.provider === "teams" && !m.videoLink.generated)).toBe(true);
    expect(hybrid.some((m) => m.videoLink?.provider === "meet")).toBe(true);
    expect(meetings.some((m) => m.agenda.some((i) => i.confidential))).toBe(true);
  });

  it("shows a demo referent their sittings, riservato items included, and hides them from outsiders", async () => {
    const conti = await tokenFor(email("alessandro-conti"));
    const mine = await s.api("GET", "/api/v1/people/me/meetings?limit=200", { token: conti.token });
    expect(mine.status).toBe(200);
    const wp7 = mine.body.items.find((m: { title: string }) => m.title.startsWith("WP7"));
    expect(wp7.agenda.map((i: { title: string }) => i.title)).toContain(
      "Esiti dell'assessment di sicurezza e piano di rimedio",
    );
    expect(wp7.myRsvp.answer).toBe("presenza");
    expect(mine.body.items.some((m: { title: string }) => m.title.startsWith("WP3"))).toBe(true);
    const outsider = await tokenFor(email("marco-distefano"));
    const seen = await s.api("GET", `/api/v1/meetings/${wp7.id}`, { token: outsider.token });
    expect(seen.status).toBe(200);
    expect(seen.body.hiddenAgendaItems).toBe(1);
    expect(JSON.stringify(seen.body)).not.toContain("assessment");
    expect(seen.body.videoLink).toBeNull();
  });

  it("issues a ready half-yearly report of the Calatino agreement from the past half-year's sittings", async () => {
    const [issued, sal, ...others] = await s.c.issuedReports.find().sort({ issuedAt: 1, _id: 1 }).toArray();
    expect(others).toEqual([]);
    const calatino = await s.c.agreements.findOne({ slug: "calatino-smart-community" });
    const { year, half } = lastEndedHalf(seededAt);
    expect(issued).toMatchObject({ agreementId: calatino?._id, tableId: null, preset: "semestrale", half });
    expect(issued?.period.from).toBe(half === 1 ? `${year}-01-01` : `${year}-07-01`);
    const attendance = issued?.sections.find((x) => x.key === "attendance");
    expect(attendance?.rows.length).toBeGreaterThan(3);
    const held = issued?.sections.find((x) => x.key === "meetings")?.summary.find((e) => e.key === "held");
    expect(held?.value).toBeGreaterThanOrEqual(3);
    expect(s.events.filter((e) => e.type === "report.issued")).toHaveLength(2);
    // Then the SAL since that half-year, which shows the demo's proposal and its adoptions.
    expect(sal).toMatchObject({ agreementId: calatino?._id, preset: "sal" });
    expect(sal?.period.from).toBe(half === 1 ? `${year}-07-01` : `${year + 1}-01-01`);
    const proposals = sal?.sections.find((x) => x.key === "proposals");
    expect(proposals?.rows.length).toBeGreaterThanOrEqual(1);
  });
});
