import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganisation, makeTable } from "./support/factories.ts";
import { download, odsSheets, pdfText } from "./support/report-canary.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

/**
 * Issue 15, "Tests": a full cycle of the Lombardia protocol (seed 002) through the HTTP API, on the test
 * server's clock, from the signing on 15 January 2026 to the half-yearly report of the first half of 2026.
 */
const SIGNED_ON = "2026-01-15";
const H1 = "preset=semestrale&year=2026&half=1";
const COMUNI = ["Comune di Milano", "Comune di Bergamo", "Comune di Brescia"] as const;

type Person = Awaited<ReturnType<TestServer["createPerson"]>>;

describe("the Lombardia tavolo tecnico, a full cycle to the half-yearly report", () => {
  let s: TestServer;
  let root: Person;
  let admin: Person;
  let regia: Person;
  let coord: Person;
  let founders: Person[];
  let comuni: Person[];
  let agreement = "";
  let cabina = "";
  let tavolo = "";
  const founderOrgs: string[] = [];
  const comuneOrgs: string[] = [];
  let plan = "";
  let steeringSitting = "";
  let firstSitting = "";
  let nextSitting = "";
  let actions: { id: string; what: string }[] = [];
  let proposal = "";
  let issue = "";

  /** Moves the test server's clock to an instant. */
  const at = (instant: string) => {
    s.clock.now = new Date(instant);
  };
  const ok = async (method: string, path: string, token: string, body?: unknown, status = 200) => {
    const res = await s.api(method, `/api/v1${path}`, { token, body });
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
    return res.body;
  };
  const deadlines = async () => {
    const body = await ok("GET", `/agreements/${agreement}/deadlines`, comuni[0]?.token ?? "");
    return new Map((body.items as { key: string }[]).map((d) => [d.key, d]));
  };
  const section = (report: any, key: string) => report.sections.find((x: any) => x.key === key);
  const figures = (sec: any) => Object.fromEntries(sec.summary.map((e: any) => [e.key, e.value]));

  beforeAll(async () => {
    s = await startTestServer();
    at(`${SIGNED_ON}T09:00:00+01:00`);
    root = await s.createPerson({ name: "Irene Installazione", admin: true });
    admin = await s.createPerson({ name: "Andrea Brambilla" });
    regia = await s.createPerson({ name: "Paola Regia" });
    coord = await s.createPerson({ name: "Valentina Sala" });
    founders = [
      await s.createPerson({ name: "Marco Regione" }),
      await s.createPerson({ name: "Laura ANCI" }),
      await s.createPerson({ name: "Luca ANCI Lombardia" }),
    ];
    comuni = [
      await s.createPerson({ name: "Giulia Milano" }),
      await s.createPerson({ name: "Bruno Bergamo" }),
      await s.createPerson({ name: "Chiara Brescia" }),
    ];
    agreement = (
      await ok(
        "POST",
        "/agreements",
        root.token,
        {
          slug: `lombardia-${Date.now()}`,
          title: "Protocollo d'intesa per la trasformazione digitale dei Comuni lombardi",
          shortName: "Comuni lombardi",
          signedOn: SIGNED_ON,
          adhesionDelayDays: 0,
          withdrawalNotice: { amount: 30, unit: "days" },
        },
        201,
      )
    ).id;
    await ok("POST", `/agreements/${agreement}/admins`, root.token, { personId: admin.id }, 201);
    for (const [name, kind] of [
      ["Regione Lombardia", "regione"],
      ["ANCI", "associazione"],
      ["ANCI Lombardia", "associazione"],
    ] as const) {
      const id = (await makeOrganisation(s, name, kind))._id.toHexString();
      await ok(
        "POST",
        `/agreements/${agreement}/adhesions`,
        admin.token,
        { organisationId: id, founding: true },
        201,
      );
      founderOrgs.push(id);
    }
    for (const name of COMUNI) {
      const id = (await makeOrganisation(s, name))._id.toHexString();
      await ok("POST", `/agreements/${agreement}/adhesions`, admin.token, { organisationId: id }, 201);
      comuneOrgs.push(id);
    }
    cabina = (
      await makeTable(s, admin.token, agreement, {
        name: "Cabina di regia",
        kind: "cabina_di_regia",
        access: "founders",
        coordinatorIds: [regia.id],
      })
    ).id;
    tavolo = (
      await makeTable(s, admin.token, agreement, {
        name: "Tavolo tecnico",
        kind: "tavolo_tecnico",
        coordinatorIds: [coord.id],
      })
    ).id;
    for (const [i, organisationId] of comuneOrgs.entries())
      await ok(
        "POST",
        `/tables/${tavolo}/designations`,
        admin.token,
        { organisationId, personId: comuni[i]?.id, from: SIGNED_ON },
        201,
      );
  }, 60_000);
  afterAll(() => s.close());

  it("counts the 15- and 30-day deadlines from the signing date: both due, then met", async () => {
    at("2026-01-20T10:00:00+01:00");
    let list = await deadlines();
    expect(list.get("steering_members")).toMatchObject({
      dueOn: "2026-01-30",
      state: "in_scadenza",
      metOn: null,
    });
    expect(list.get("work_plan")).toMatchObject({ dueOn: "2026-02-14", state: "in_scadenza", metOn: null });
    expect(list.get("half_yearly:1")).toMatchObject({ dueOn: "2026-07-15", state: "in_scadenza" });

    // The three founders name their members of the cabina di regia on the 20th…
    for (const [i, organisationId] of founderOrgs.entries())
      await ok(
        "POST",
        `/tables/${cabina}/designations`,
        admin.token,
        { organisationId, personId: founders[i]?.id, from: "2026-01-20" },
        201,
      );
    // …and the tavolo tecnico presents its work plan on 5 February.
    at("2026-02-05T10:00:00+01:00");
    const activities = [
      {
        title: "Censimento dei servizi digitali comunali",
        description: "Rilevazione dei servizi online nei Comuni pilota.",
        ownerOrganisationId: comuneOrgs[0],
        startOn: "2026-02-15",
        dueOn: "2026-04-30",
      },
      {
        title: "Adozione del modello comune di sito",
        description: "Migrazione dei siti comunali al modello.",
        ownerOrganisationId: comuneOrgs[1],
        startOn: "2026-03-01",
        dueOn: "2026-06-30",
      },
    ];
    const drafted = await ok("PUT", `/tables/${tavolo}/work-plan`, coord.token, { activities });
    expect(drafted).toMatchObject({ version: 1, state: "bozza" });
    plan = drafted.id;
    const presented = await ok("POST", `/tables/${tavolo}/work-plan/present`, coord.token);
    expect(presented).toMatchObject({ state: "presentata", presentation: { steeringTableId: cabina } });

    at("2026-02-10T10:00:00+01:00");
    list = await deadlines();
    expect(list.get("steering_members")).toMatchObject({ state: "rispettata", metOn: "2026-01-20" });
    expect(list.get("work_plan")).toMatchObject({
      state: "rispettata",
      metOn: "2026-02-05",
      metBy: "Piano di lavoro presentato",
    });
  });

  it("has the work plan approved by the cabina di regia in its sitting", async () => {
    steeringSitting = (
      await ok(
        "POST",
        `/tables/${cabina}/meetings`,
        regia.token,
        {
          title: "Cabina di regia di febbraio",
          startsAt: "2026-02-20T10:00",
          endsAt: "2026-02-20T12:00",
          mode: "online",
          videoLink: { generate: true },
          agenda: [{ title: "Approvazione del piano di lavoro del tavolo tecnico" }],
        },
        201,
      )
    ).id;
    at("2026-02-20T11:00:00+01:00");
    // A referent of a comune may not decide for the cabina.
    const refused = await s.api("POST", `/api/v1/work-plans/${plan}/approve`, {
      token: comuni[0]?.token,
      body: { meetingId: steeringSitting },
    });
    expect(refused.status).toBe(403);
    const approved = await ok("POST", `/work-plans/${plan}/approve`, regia.token, {
      meetingId: steeringSitting,
    });
    expect(approved).toMatchObject({
      state: "approvata",
      decision: { outcome: "approvata", meetingId: steeringSitting },
    });
    const read = await ok("GET", `/tables/${tavolo}/work-plan`, comuni[2]?.token ?? "");
    expect(read.inForce).toMatchObject({ id: plan, state: "approvata" });
  });

  it("tracks the two action items of a sitting's minutes: one done, one overdue at the next sitting", async () => {
    at("2026-03-02T10:00:00+01:00");
    const convene = (title: string, day: string) =>
      ok(
        "POST",
        `/tables/${tavolo}/meetings`,
        coord.token,
        {
          title,
          startsAt: `${day}T10:00`,
          endsAt: `${day}T12:00`,
          mode: "online",
          videoLink: { generate: true },
          agenda: [{ title: "Avanzamento del piano di lavoro" }, { title: "Modello comune di sito" }],
        },
        201,
      );
    firstSitting = (await convene("Prima seduta del tavolo tecnico", "2026-03-10")).id;
    nextSitting = (await convene("Seconda seduta del tavolo tecnico", "2026-04-14")).id;

    at("2026-03-10T09:15:00Z");
    for (const person of [comuni[0], comuni[1]])
      await ok("PUT", `/meetings/${firstSitting}/attendance/${person?.id}`, coord.token, {
        mode: "presenza",
      });
    const meeting = await ok("GET", `/meetings/${firstSitting}`, coord.token);
    const ids = (meeting.agenda as { id: string }[]).map((i) => i.id);
    await ok(
      "PUT",
      `/meetings/${firstSitting}/minutes`,
      coord.token,
      {
        items: [
          { agendaItemId: ids[0], summary: "Il censimento è avviato nei Comuni pilota." },
          { agendaItemId: ids[1], summary: "Il tavolo discute il modello comune di sito." },
        ],
        decisions: [{ text: "Si propone ai Comuni il modello comune di sito." }],
        actionItems: [
          {
            what: "Inviare l'elenco dei servizi online",
            who: { personId: comuni[0]?.id },
            due: "2026-03-31",
          },
          { what: "Preparare la bozza di delibera", who: { personId: comuni[1]?.id }, due: "2026-04-10" },
        ],
        notes: "",
      },
      201,
    );
    await ok("POST", `/meetings/${firstSitting}/minutes/review`, coord.token);
    await ok("POST", `/meetings/${firstSitting}/minutes/approve`, coord.token);
    await s.drain();

    const tracked = await ok("GET", `/tables/${tavolo}/action-items`, coord.token);
    expect(
      tracked.items.map((i: any) => [i.what, i.ownerOrganisationName, i.due, i.status, i.sittingDate]),
    ).toEqual([
      ["Inviare l'elenco dei servizi online", "Comune di Milano", "2026-03-31", "aperta", "2026-03-10"],
      ["Preparare la bozza di delibera", "Comune di Bergamo", "2026-04-10", "aperta", "2026-03-10"],
    ]);
    actions = tracked.items;

    at("2026-03-20T10:00:00+01:00");
    const done = await ok("POST", `/action-items/${actions[0]?.id}/status`, comuni[0]?.token ?? "", {
      status: "completata",
      doneOn: "2026-03-20",
    });
    expect(done).toMatchObject({ status: "completata", doneOn: "2026-03-20", overdue: false });

    // The morning of the next sitting: Bergamo's item is overdue, Milano's is done.
    at("2026-04-14T07:30:00Z");
    const overdue = await ok("GET", `/tables/${tavolo}/action-items?overdue=true`, coord.token);
    expect(overdue.items.map((i: any) => [i.id, i.ownerOrganisationName, i.status, i.overdue])).toEqual([
      [actions[1]?.id, "Comune di Bergamo", "aperta", true],
    ]);
    const mine = await ok("GET", "/people/me/action-items?overdue=true", comuni[1]?.token ?? "");
    expect(mine.items.map((i: any) => i.id)).toEqual([actions[1]?.id]);
    const next = await ok("GET", `/meetings/${nextSitting}`, comuni[2]?.token ?? "");
    const review = next.agenda.at(-1);
    expect(review).toMatchObject({ id: nextSitting, title: "Verifica azioni" });
    expect(review.actionItems.map((i: any) => [i.id, i.what, i.status, i.overdue])).toEqual([
      [actions[0]?.id, "Inviare l'elenco dei servizi online", "completata", false],
      [actions[1]?.id, "Preparare la bozza di delibera", "aperta", true],
    ]);
  });

  it("addresses a proposal that two comuni adopt by their acts and one refuses: rate 2/3", async () => {
    at("2026-04-15T10:00:00+02:00");
    proposal = (
      await ok(
        "POST",
        `/tables/${tavolo}/proposals`,
        coord.token,
        {
          title: "Adottare il modello comune di sito istituzionale",
          text: "Il tavolo tecnico propone ai Comuni di adottare il modello comune di sito entro giugno.",
        },
        201,
      )
    ).id;
    await ok("POST", `/proposals/${proposal}/approve`, coord.token);
    const addressed = await ok("POST", `/proposals/${proposal}/address`, coord.token, {
      organisationIds: comuneOrgs,
    });
    expect(addressed).toMatchObject({ status: "indirizzata", addressedOn: "2026-04-15" });

    at("2026-05-04T10:00:00+02:00");
    // Milano's referent may not answer for Bergamo.
    const other = await s.api("PUT", `/api/v1/proposals/${proposal}/adoptions/${comuneOrgs[1]}`, {
      token: comuni[0]?.token,
      body: { state: "non_adottata" },
    });
    expect(other.status).toBe(403);
    const act = (kind: string, number: string, date: string) => ({
      kind,
      number,
      date,
      url: `https://atti.example.it/${number.replace("/", "-")}`,
    });
    await ok("PUT", `/proposals/${proposal}/adoptions/${comuneOrgs[0]}`, comuni[0]?.token ?? "", {
      state: "adottata",
      act: act("delibera_di_giunta", "45/2026", "2026-04-28"),
    });
    await ok("PUT", `/proposals/${proposal}/adoptions/${comuneOrgs[1]}`, comuni[1]?.token ?? "", {
      state: "adottata",
      act: act("delibera_di_consiglio", "12/2026", "2026-04-30"),
    });
    await ok("PUT", `/proposals/${proposal}/adoptions/${comuneOrgs[2]}`, comuni[2]?.token ?? "", {
      state: "non_adottata",
      reason: "Sito già rinnovato nel 2025",
    });
    const read = await ok("GET", `/proposals/${proposal}`, comuni[2]?.token ?? "");
    expect(read.adoption).toEqual({ addressed: 3, adopted: 2, notAdopted: 1, pending: 0, ratePercent: 66.7 });
    const byName = Object.fromEntries(read.adoptions.map((a: any) => [a.organisationName, a]));
    expect(byName["Comune di Milano"]).toMatchObject({
      state: "adottata",
      act: { kind: "delibera_di_giunta", number: "45/2026", date: "2026-04-28" },
    });
    expect(byName["Comune di Bergamo"]).toMatchObject({
      state: "adottata",
      act: { kind: "delibera_di_consiglio", number: "12/2026", date: "2026-04-30" },
    });
    expect(byName["Comune di Brescia"]).toMatchObject({
      state: "non_adottata",
      reason: "Sito già rinnovato nel 2025",
      act: null,
    });
  });

  it("escalates an issue report to the cabina di regia, which resolves it, with the time in each state", async () => {
    const t0 = new Date("2026-05-11T08:00:00Z").getTime();
    const hoursIn = (hours: number) => at(new Date(t0 + hours * 3600_000).toISOString());
    hoursIn(0);
    issue = (
      await ok(
        "POST",
        `/tables/${tavolo}/issue-reports`,
        comuni[2]?.token ?? "",
        {
          organisationId: comuneOrgs[2],
          title: "Il modello di sito non supera la verifica di accessibilità",
          description: "Il validatore segnala contrasto insufficiente nel menu del modello comune.",
          severity: "alta",
        },
        201,
      )
    ).id;
    hoursIn(2);
    await ok("POST", `/issue-reports/${issue}/status`, coord.token, { status: "in_esame" });
    hoursIn(5);
    const up = await ok("POST", `/issue-reports/${issue}/status`, coord.token, {
      status: "inoltrata",
      note: "Serve una decisione della cabina di regia",
    });
    expect(up.escalation).toMatchObject({ steeringTableId: cabina });

    hoursIn(29);
    const queue = await ok("GET", `/agreements/${agreement}/escalations`, regia.token);
    expect(queue.steeringTableName).toBe("Cabina di regia");
    expect(queue.items).toEqual([
      expect.objectContaining({
        id: issue,
        tableName: "Tavolo tecnico",
        organisationName: "Comune di Brescia",
        severity: "alta",
        status: "inoltrata",
        age: { sinceEscalatedSeconds: 24 * 3600, sinceRaisedSeconds: 29 * 3600 },
      }),
    ]);
    // A comune's referent, not on the cabina, does not see its queue.
    expect(
      (await s.api("GET", `/api/v1/agreements/${agreement}/escalations`, { token: comuni[0]?.token })).status,
    ).toBe(403);

    hoursIn(53);
    const resolved = await ok("POST", `/issue-reports/${issue}/status`, regia.token, {
      status: "risolta",
      note: "Il fornitore ha corretto il contrasto",
    });
    expect(resolved.status).toBe("risolta");
    hoursIn(100);
    const got = await ok("GET", `/issue-reports/${issue}`, comuni[2]?.token ?? "");
    expect(got.timeInStatus).toEqual({ aperta: 2 * 3600, in_esame: 3 * 3600, inoltrata: 48 * 3600 });
    expect((await ok("GET", `/agreements/${agreement}/escalations`, regia.token)).items).toEqual([]);
    const closed = await ok("GET", `/agreements/${agreement}/escalations?state=resolved`, regia.token);
    expect(closed.items).toEqual([
      expect.objectContaining({
        id: issue,
        status: "risolta",
        age: { sinceEscalatedSeconds: 48 * 3600, sinceRaisedSeconds: 53 * 3600 },
      }),
    ]);
  });

  /** Every format of a report (live or issued) shows the cycle: JSON, each CSV of the zip, ODS cells, PDF text. */
  async function expectTheCycle(path: string, token: string, status: "live" | "issued") {
    const sep = path.includes("?") ? "&" : "?";
    const json = await s.api("GET", path, { token });
    expect(json.status).toBe(200);
    const report = json.body;
    expect(report).toMatchObject({
      status,
      title: { it: "Relazione semestrale sullo stato di avanzamento — 1° semestre 2026" },
      period: { from: "2026-01-01", to: "2026-06-30" },
      table: null,
    });
    expect(figures(section(report, "proposals"))).toMatchObject({
      proposals: 1,
      adopted: 2,
      notAdopted: 1,
      pending: 0,
      ratePercent: 66.7,
    });
    expect(section(report, "proposals").rows).toEqual([
      {
        table: "Tavolo tecnico",
        title: "Adottare il modello comune di sito istituzionale",
        addressedOn: "2026-04-15",
        addressed: 3,
        adopted: 2,
        notAdopted: 1,
        pending: 0,
        ratePercent: 66.7,
        acts:
          "Comune di Milano: Delibera di Giunta n. 45/2026 del 28/04/2026; " +
          "Comune di Bergamo: Delibera di Consiglio n. 12/2026 del 30/04/2026",
      },
    ]);
    expect(figures(section(report, "action_items"))).toEqual({ total: 2, done: 1, overdue: 1, open: 1 });
    expect(
      section(report, "action_items").rows.map((r: any) => [
        r.what,
        r.organisation,
        r.status,
        r.doneOn,
        r.overdue,
      ]),
    ).toEqual([
      ["Inviare l'elenco dei servizi online", "Comune di Milano", "completata", "2026-03-20", false],
      ["Preparare la bozza di delibera", "Comune di Bergamo", "aperta", null, true],
    ]);
    expect(figures(section(report, "work_plan"))).toMatchObject({
      activities: 2,
      version: "v1",
      approved_on: "2026-02-20",
    });
    expect(figures(section(report, "issue_reports"))).toEqual({
      opened: 1,
      escalated: 1,
      resolved: 1,
      median_hours_to_resolution: 53,
    });
    expect(section(report, "issue_reports").rows).toEqual([
      expect.objectContaining({
        title: "Il modello di sito non supera la verifica di accessibilità",
        status: "risolta",
        escalated: true,
        hours_aperta: 2,
        hours_in_esame: 3,
        hours_inoltrata: 48,
        hours_to_resolution: 53,
      }),
    ]);
    expect(section(report, "deadlines").rows).toEqual(
      expect.arrayContaining([
        {
          deadline: "Componenti dell'organo di indirizzo designati entro 15 giorni dalla stipula",
          due: "2026-01-30",
          state: "rispettata",
          met_on: "2026-01-20",
        },
        {
          deadline: "Piano di lavoro presentato all'organo di indirizzo entro 30 giorni dalla stipula",
          due: "2026-02-14",
          state: "rispettata",
          met_on: "2026-02-05",
        },
      ]),
    );
    expect(
      section(report, "attendance").rows.filter((r: any) => r.organisation.startsWith("Comune")),
    ).toEqual([
      { organisation: "Comune di Bergamo", convened: 2, attended: 1, rate: 50 },
      { organisation: "Comune di Brescia", convened: 2, attended: 0, rate: 0 },
      { organisation: "Comune di Milano", convened: 2, attended: 1, rate: 50 },
    ]);

    // CSV: each relevant section inside the zip, as Calc opens it.
    const zip = await download(s, token, `${path}${sep}format=zip`);
    expect(zip.status).toBe(200);
    const files = unzipSync(zip.bytes);
    const csv = (name: string) => strFromU8(files[name] as Uint8Array).replace(/^\uFEFF/, "");
    expect(csv("proposals.csv")).toBe(
      "Tavolo;Proposta;Indirizzata il;Enti destinatari;Adottata;Non adottata;In valutazione;" +
        "Tasso di adozione (%);Atti di adozione\r\n" +
        "Tavolo tecnico;Adottare il modello comune di sito istituzionale;2026-04-15;3;2;1;0;66,7;" +
        '"Comune di Milano: Delibera di Giunta n. 45/2026 del 28/04/2026; ' +
        'Comune di Bergamo: Delibera di Consiglio n. 12/2026 del 30/04/2026"\r\n',
    );
    expect(csv("action_items.csv")).toContain(
      "Tavolo tecnico;2026-03-10;Inviare l'elenco dei servizi online;Comune di Milano;2026-03-31;completata;2026-03-20;no\r\n" +
        "Tavolo tecnico;2026-03-10;Preparare la bozza di delibera;Comune di Bergamo;2026-04-10;aperta;;sì\r\n",
    );
    expect(csv("work_plan.csv")).toContain(
      "Tavolo tecnico;Censimento dei servizi digitali comunali;Comune di Milano;2026-04-30;da avviare;0;sì",
    );
    expect(csv("issue_reports.csv")).toContain(
      "Tavolo tecnico #1;Tavolo tecnico;Il modello di sito non supera la verifica di accessibilità;alta;risolta;sì;2026-05-11;2;53;2;3;48",
    );
    expect(csv("deadlines.csv")).toContain(
      "Piano di lavoro presentato all'organo di indirizzo entro 30 giorni dalla stipula;2026-02-14;rispettata;2026-02-05",
    );
    expect(JSON.parse(strFromU8(files["relazione.json"] as Uint8Array)).status).toBe(status);

    // ODS, parsed back (sheet names carry a typographic apostrophe, as reports/formats.ts writes them).
    const ods = await download(s, token, `${path}${sep}format=ods`);
    expect(ods.status).toBe(200);
    const sheets = odsSheets(ods.bytes);
    expect(sheets["Proposte e loro adozione"]?.[1]).toEqual([
      "Tavolo tecnico",
      "Adottare il modello comune di sito istituzionale",
      "2026-04-15",
      3,
      2,
      1,
      0,
      66.7,
      "Comune di Milano: Delibera di Giunta n. 45/2026 del 28/04/2026; Comune di Bergamo: Delibera di Consiglio n. 12/2026 del 30/04/2026",
    ]);
    expect(sheets["Azioni dei verbali"]?.slice(1).map((r) => [r[2], r[5], r[7]])).toEqual([
      ["Inviare l'elenco dei servizi online", "completata", "no"],
      ["Preparare la bozza di delibera", "aperta", "sì"],
    ]);
    expect(sheets["Segnalazioni di criticità"]?.[1]).toEqual([
      "Tavolo tecnico #1",
      "Tavolo tecnico",
      "Il modello di sito non supera la verifica di accessibilità",
      "alta",
      "risolta",
      "sì",
      "2026-05-11",
      2,
      53,
      2,
      3,
      48,
    ]);
    expect(sheets["Piano di lavoro"]?.length).toBe(3);
    expect(sheets["Scadenze dell’accordo"]).toContainEqual([
      "Componenti dell'organo di indirizzo designati entro 15 giorni dalla stipula",
      "2026-01-30",
      "rispettata",
      "2026-01-20",
    ]);
    const summary = sheets.Sintesi as unknown[][];
    expect(summary).toContainEqual(["Tasso di adozione (%)", 66.7]);
    expect(summary).toContainEqual(["Inoltrate all'organo di indirizzo", 1]);

    // PDF: the text extracted, and the charts drawn.
    const pdf = await download(s, token, `${path}${sep}format=pdf`);
    expect(pdf.status).toBe(200);
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, " ");
    for (const expected of [
      "Protocollo d'intesa per la trasformazione digitale dei Comuni lombardi",
      "Relazione semestrale sullo stato di avanzamento — 1° semestre 2026",
      "Periodo: dal 01/01/2026 al 30/06/2026",
      "Proposte e loro adozione",
      "Tasso di adozione per proposta",
      "Delibera di Giunta n. 45/2026",
      "Azioni dei verbali",
      "Preparare la bozza di delibera",
      "Piano di lavoro",
      "Segnalazioni di criticità",
      "Ore alla risoluzione per segnalazione",
      "Scadenze dell'accordo",
      ...COMUNI,
    ])
      expect(text).toContain(expected);
    const { getDocumentProxy } = await import("unpdf");
    const { OPS } = await import("unpdf/pdfjs");
    const doc = await getDocumentProxy(new Uint8Array(pdf.bytes));
    let filled = 0;
    for (let n = 1; n <= doc.numPages; n += 1) {
      const ops = await (await doc.getPage(n)).getOperatorList();
      ops.fnArray.forEach((fn: number, i: number) => {
        if (fn === OPS.constructPath && ops.argsArray[i]?.[0] === OPS.fill) filled += 1;
        if (fn === OPS.fill) filled += 1;
      });
    }
    // Bars of the attendance (6), adoption (1), work plan (2) and issue-time (1) charts: a track and a bar each.
    expect(filled).toBeGreaterThanOrEqual(10);
    return text;
  }

  it("shows all of it in the half-yearly report, live and issued, in JSON, CSV, ODS and PDF", async () => {
    at("2026-07-02T10:00:00+02:00");
    const live = `/api/v1/agreements/${agreement}/report?${H1}`;
    expect(await expectTheCycle(live, comuni[0]?.token ?? "", "live")).toContain("(non emessa)");
    expect((await deadlines()).get("half_yearly:1")).toMatchObject({
      dueOn: "2026-07-15",
      state: "in_scadenza",
      metOn: null,
    });

    const issued = await ok(
      "POST",
      `/agreements/${agreement}/reports`,
      admin.token,
      { preset: "semestrale", year: 2026, half: 1 },
      201,
    );
    expect(issued).toMatchObject({ status: "issued", issuedBy: { id: admin.id, name: "Andrea Brambilla" } });
    // Read by an agreement admin: the issuer's audience saw both tables, so a reader who does not sit on
    // the founders-only cabina gets the copy without confidential text (minutes' action items included).
    const text = await expectTheCycle(`/api/v1/reports/${issued.id}`, admin.token, "issued");
    expect(text).toContain("Data di emissione: 2 luglio 2026");

    // The half-yearly report deadline: met on the day the report was issued.
    expect((await deadlines()).get("half_yearly:1")).toMatchObject({
      dueOn: "2026-07-15",
      state: "rispettata",
      metOn: "2026-07-02",
      metBy: "Relazione semestrale emessa",
    });
  });
});
