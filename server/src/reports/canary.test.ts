import { strFromU8, unzipSync } from "fflate";
import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReferent, makeTable } from "../../../test/support/factories.ts";
import {
  canaryHits,
  download,
  pdfText,
  type RenderedText,
  reportInEveryFormat,
} from "../../../test/support/report-canary.ts";
import type { ApiResponse, TestServer } from "../../../test/support/server.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { setStatus } from "../action-items/test-fixtures.ts";
import { triage } from "../issue-reports/test-fixtures.ts";
import { convene } from "../meetings/test-fixtures.ts";
import { agendaIds, minutesBody, moveMinutes, putMinutes } from "../minutes/test-fixtures.ts";
import { actOf, adopt, draft, move, proposalBody } from "../proposals/test-fixtures.ts";
import { CANARIES, type ReportWorld, reportWorld } from "./test-fixtures.ts";

/**
 * A canary in every confidential field issue 15's features added, all on the founders-only table
 * (orgA sits on it, orgB does not): proposals, work-plan activities, action items of its minutes,
 * the escalation of its confidential issue report, the file of its confidential contribution.
 */
const NEW = {
  proposalTitle: "CANARY-PROPOSTA-titolo-riservato",
  proposalText: "CANARY-PROPOSTA-testo-riservato",
  adoptionAct: "CANARY-ATTO-45",
  adoptionUrl: "https://comune.example.it/atti/CANARY-ATTO-url",
  proposal2Title: "CANARY-PROPOSTA2-titolo-riservato",
  adoptionReason: "CANARY-PROPOSTA2-motivo-non-adozione",
  activityTitle: "CANARY-ATTIVITA-titolo-riservato",
  activityDescription: "CANARY-ATTIVITA-descrizione-riservata",
  progressNote: "CANARY-ATTIVITA-nota-avanzamento",
  actionWhat: "CANARY-AZIONE-cosa-riservata",
  actionCancelled: "CANARY-AZIONE2-annullata",
  cancelReason: "CANARY-AZIONE2-motivo-annullamento",
  triageNote: "CANARY-SEGNALAZIONE-nota-esame",
  escalationNote: "CANARY-SEGNALAZIONE-nota-inoltro",
  comment: "CANARY-SEGNALAZIONE-commento",
  fileName: "CANARY-FILE-allegato-riservato.csv",
  issueFileName: "CANARY-FILE-foto-segnalazione.pdf",
} as const;
const ALL = [...Object.values(CANARIES), ...Object.values(NEW)];
/**
 * The action items' own words are also in the minutes, which show decisions and action items to every
 * reader of approved minutes (only confidential agenda items are withheld): there they are not riservato.
 * Everywhere else (action-items API, reports) they are withheld outside the table, and so checked.
 */
const MINUTED = [NEW.actionWhat, NEW.actionCancelled];

const H1 = "preset=semestrale&year=2026&half=1";

const ok = async (res: Promise<ApiResponse>, status = [200, 201]) => {
  const r = await res;
  expect(status, JSON.stringify(r.body)).toContain(r.status);
  return r.body;
};

const idOf = (doc: { _id: ObjectId } | null | undefined) => {
  if (!doc) throw new Error("canary world: a planted document is missing");
  return doc._id.toHexString();
};

async function canaryWorld(s: TestServer) {
  const w = await reportWorld(s);
  s.clock.now = new Date("2026-04-01T08:00:00Z");
  const admin = w.agreementAdmin.token;
  // The agreement's steering body: an open cabina di regia where orgB's referent sits, not orgA's table.
  const steeringCoord = await s.createPerson({ name: "Sara Cabina" });
  const steering = (
    await makeTable(s, admin, w.agreementId, {
      name: "Comitato guida",
      kind: "cabina_di_regia",
      coordinatorIds: [steeringCoord.id],
    })
  ).id;
  await makeReferent(s, {
    agreementId: w.agreementId,
    tableId: steering,
    organisationId: new ObjectId(w.orgB),
    personId: w.refB.id,
    from: "2026-01-01",
  });

  // Proposals: one adopted by an act, one not adopted with a reason.
  const p1 = (
    await ok(
      draft(
        s,
        admin,
        w.foundersTable,
        proposalBody({ title: NEW.proposalTitle, text: NEW.proposalText, confidential: true }),
      ),
    )
  ).id as string;
  const p2 = (
    await ok(
      draft(s, admin, w.foundersTable, proposalBody({ title: NEW.proposal2Title, confidential: true })),
    )
  ).id as string;
  for (const id of [p1, p2]) {
    await ok(move(s, admin, id, "approve"));
    await ok(move(s, admin, id, "address"));
  }
  await ok(
    adopt(s, w.refA.token, p1, w.orgA, {
      state: "adottata",
      act: { ...actOf("2026-03-30", NEW.adoptionAct), url: NEW.adoptionUrl },
    }),
  );
  await ok(adopt(s, w.refA.token, p2, w.orgA, { state: "non_adottata", reason: NEW.adoptionReason }));

  // Work plan of the founders table, approved by the steering body, with a progress note.
  const plan = await ok(
    s.api("PUT", `/api/v1/tables/${w.foundersTable}/work-plan`, {
      token: admin,
      body: {
        activities: [
          {
            title: "Censimento dei data center",
            ownerOrganisationId: w.orgA,
            startOn: "2026-04-01",
            dueOn: "2026-05-30",
          },
          {
            title: NEW.activityTitle,
            description: NEW.activityDescription,
            ownerOrganisationId: w.orgA,
            startOn: "2026-04-01",
            dueOn: "2026-06-30",
            confidential: true,
          },
        ],
      },
    }),
  );
  const planId = plan.id as string;
  await ok(s.api("POST", `/api/v1/tables/${w.foundersTable}/work-plan/present`, { token: admin, body: {} }));
  await ok(s.api("POST", `/api/v1/work-plans/${planId}/approve`, { token: steeringCoord.token, body: {} }));
  const activityId = plan.activities[1].id as string;
  await ok(
    s.api("POST", `/api/v1/work-plans/${planId}/activities/${activityId}/progress`, {
      token: w.refA.token,
      body: { status: "in_corso", progress: 30, note: NEW.progressNote },
    }),
  );

  // Action items of the founders table's sitting: approved minutes, one item cancelled with a reason.
  const sitting = w.sittings.steering;
  const current = await ok(s.api("GET", `/api/v1/meetings/${sitting}/minutes`, { token: admin }));
  await ok(
    putMinutes(
      s,
      admin,
      sitting,
      minutesBody(await agendaIds(s, sitting), {
        version: current.version,
        actionItems: [
          { what: NEW.actionWhat, who: "Ufficio tecnico", due: "2026-05-30" },
          { what: NEW.actionCancelled, who: "Ufficio tecnico", due: "2026-05-30" },
        ],
      }),
    ),
  );
  await ok(moveMinutes(s, admin, sitting, "review"));
  await ok(moveMinutes(s, admin, sitting, "approve"));
  await s.drain();
  const items = await s.c.actionItems
    .find({ meetingId: new ObjectId(sitting) })
    .sort({ index: 1 })
    .toArray();
  expect(items).toHaveLength(2);
  await ok(
    setStatus(s, admin, idOf(items[1]), {
      status: "annullata",
      reason: NEW.cancelReason,
    }),
  );

  // The confidential issue report: examined, escalated, assigned and discussed by the steering body.
  const issue = await s.c.issueReports.findOne({ title: CANARIES.issueTitle });
  const issueId = idOf(issue);
  await ok(triage(s, admin, issueId, "in_esame", NEW.triageNote));
  await ok(triage(s, admin, issueId, "inoltrata", NEW.escalationNote));
  await ok(
    s.api("POST", `/api/v1/issue-reports/${issueId}/assignee`, {
      token: steeringCoord.token,
      body: { personId: w.refB.id },
    }),
  );
  await ok(
    s.api("POST", `/api/v1/issue-reports/${issueId}/comments`, {
      token: steeringCoord.token,
      body: { text: NEW.comment },
    }),
  );

  // A file on the confidential contribution, and one on the confidential issue report.
  const contribution = await s.c.contributions.findOne({ title: CANARIES.contributionTitle });
  const contributionId = idOf(contribution);
  const upload = async (path: string, content: string, type: string, name: string) => {
    const form = new FormData();
    form.append("file", new Blob([content], { type }), name);
    const uploaded = await fetch(`${s.url}/api/v1${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${w.refA.token}` },
      body: form,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
  };
  await upload(
    `/contributions/${contributionId}/attachments`,
    "anno;importo\r\n2026;100\r\n",
    "text/csv",
    NEW.fileName,
  );
  await upload(
    `/issue-reports/${issueId}/attachments`,
    "%PDF-1.4\n%%EOF\n",
    "application/pdf",
    NEW.issueFileName,
  );

  // The table's next sitting, whose "Verifica azioni" item lists the open items (their text to its circle).
  const next = (
    await ok(
      convene(s, admin, w.foundersTable, {
        title: "Cabina di maggio",
        startsAt: "2026-05-20T10:00",
        endsAt: "2026-05-20T12:00",
      }),
    )
  ).id as string;
  const files = (await s.c.attachments.find().toArray()).map((a) => a._id.toHexString());
  expect(files).toHaveLength(2);

  s.clock.now = new Date("2026-07-02T08:00:00Z");
  return { ...w, next, files, steering, steeringCoord, p1, p2, planId, issueId, contributionId };
}

describe("no confidential field of issue 15's features reaches a reader outside its table", () => {
  let s: TestServer;
  let w: ReportWorld & Awaited<ReturnType<typeof canaryWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await canaryWorld(s);
  }, 120_000);
  afterAll(() => s.close());

  const paths = () => ({
    agreement: `/api/v1/agreements/${w.agreementId}/report?${H1}`,
    founders: `/api/v1/tables/${w.foundersTable}/report?${H1}`,
  });

  it("keeps every canary out of the live agreement and table reports, in every format, for orgB's referent", async () => {
    const outside = [
      ...(await reportInEveryFormat(s, w.refB.token, paths().agreement)),
      ...(await reportInEveryFormat(s, w.refB.token, paths().founders)).map((r) => ({
        ...r,
        where: `table:${r.where}`,
      })),
    ];
    const json = JSON.parse(outside[0]?.text ?? "{}");
    // The sections are there, only redacted: the search looks where the canaries would be.
    expect(json.sections.map((x: any) => x.key)).toEqual(
      expect.arrayContaining(["proposals", "work_plan", "action_items", "issue_reports"]),
    );
    expect(outside.map((r) => r.where)).toEqual(
      expect.arrayContaining(["pdf", "zip:proposals.csv", "zip:work_plan.csv", "zip:action_items.csv"]),
    );
    expect(canaryHits(outside, ALL)).toEqual([]);
  });

  it("shows them to a member of the table and to an agreement admin, so the search would find a leak", async () => {
    for (const token of [w.refA.token, w.agreementAdmin.token]) {
      const hits = canaryHits(await reportInEveryFormat(s, token, paths().agreement), ALL);
      for (const canary of [NEW.proposalTitle, NEW.activityTitle, NEW.actionWhat])
        for (const where of ["json", "pdf"]) expect(hits).toContain(`${where}: ${canary}`);
      expect(hits).toContain(`zip:proposals.csv: ${NEW.proposalTitle}`);
      expect(hits).toContain(`zip:work_plan.csv: ${NEW.activityTitle}`);
      expect(hits).toContain(`zip:action_items.csv: ${NEW.actionWhat}`);
      expect(hits.some((h) => h.startsWith("ods:") && h.endsWith(NEW.proposalTitle))).toBe(true);
    }
  });

  it("keeps them out of an issued report read by orgB's referent", async () => {
    const issued = await ok(
      s.api("POST", `/api/v1/agreements/${w.agreementId}/reports`, {
        token: w.agreementAdmin.token,
        body: { preset: "semestrale", year: 2026, half: 1 },
      }),
    );
    const path = `/api/v1/reports/${issued.id}`;
    expect(canaryHits(await reportInEveryFormat(s, w.refB.token, path), ALL)).toEqual([]);
    const inside = canaryHits(await reportInEveryFormat(s, w.refA.token, path), ALL);
    expect(inside).toContain(`pdf: ${NEW.proposalTitle}`);
  });

  it("carries none of them in any domain event (what the Slack bot and the notifications read)", () => {
    const rendered = s.events.map((e) => ({ where: e.type, text: JSON.stringify(e.payload) }));
    expect(rendered.map((r) => r.where)).toEqual(
      expect.arrayContaining(["proposal.drafted", "issue_report.commented", "work_plan.progress_updated"]),
    );
    expect(canaryHits(rendered, ALL)).toEqual([]);
  });

  it("keeps them out of the minutes export of the table's sitting (PDF text, ODT content)", async () => {
    const exported = async (token: string): Promise<RenderedText[]> => {
      const base = `/api/v1/meetings/${w.sittings.steering}/minutes/export?format=`;
      const pdf = await download(s, token, `${base}pdf`);
      const odt = await download(s, token, `${base}odt`);
      expect([pdf.status, odt.status]).toEqual([200, 200]);
      return [
        { where: "pdf", text: await pdfText(pdf.bytes) },
        ...Object.entries(unzipSync(odt.bytes)).map(([name, b]) => ({
          where: `odt:${name}`,
          text: strFromU8(b),
        })),
      ];
    };
    const notMinuted = ALL.filter((c) => !(MINUTED as readonly string[]).includes(c));
    expect(canaryHits(await exported(w.refB.token), notMinuted)).toEqual([]);
    expect(canaryHits(await exported(w.outsider.token), notMinuted)).toEqual([]);
    expect(canaryHits(await exported(w.refA.token), ALL)).toContain(`pdf: ${CANARIES.minutesSummary}`);
  });

  it("keeps them out of every JSON read orgB's referent (a steering body member) can make", async () => {
    const reads = [
      `/api/v1/tables/${w.foundersTable}/proposals`,
      `/api/v1/proposals/${w.p1}`,
      `/api/v1/proposals/${w.p2}`,
      `/api/v1/agreements/${w.agreementId}/proposals/adoption`,
      `/api/v1/tables/${w.foundersTable}/work-plan`,
      `/api/v1/tables/${w.foundersTable}/work-plan/versions`,
      `/api/v1/work-plans/${w.planId}`,
      `/api/v1/agreements/${w.agreementId}/work-plan`,
      `/api/v1/tables/${w.foundersTable}/action-items`,
      `/api/v1/organisations/${w.orgB}/action-items`,
      `/api/v1/organisations/${w.orgA}/action-items`,
      "/api/v1/people/me/action-items",
      `/api/v1/tables/${w.foundersTable}/issue-reports`,
      `/api/v1/issue-reports/${w.issueId}`,
      `/api/v1/agreements/${w.agreementId}/escalations`,
      `/api/v1/agreements/${w.agreementId}/escalations?state=all`,
      `/api/v1/tables/${w.foundersTable}/contributions`,
      `/api/v1/contributions/${w.contributionId}`,
      `/api/v1/agreements/${w.agreementId}/services`,
      `/api/v1/agreements/${w.agreementId}/deadlines`,
      `/api/v1/tables/${w.foundersTable}/meetings`,
      `/api/v1/meetings/${w.sittings.steering}/minutes`,
      `/api/v1/agreements/${w.agreementId}/reports`,
      `/api/v1/tables/${w.foundersTable}/reports`,
      "/api/v1/people/me/export",
      `/api/v1/meetings/${w.next}`,
      `/api/v1/meetings/${w.sittings.steering}`,
      ...w.files.map((id) => `/api/v1/attachments/${id}`),
    ];
    for (const token of [w.refB.token, w.steeringCoord.token, w.outsider.token]) {
      const rendered: RenderedText[] = [];
      for (const path of reads) {
        const res = await s.api("GET", path, { token });
        expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBeLessThan(500);
        rendered.push({ where: `${res.status} ${path}`, text: JSON.stringify(res.body) });
      }
      const notMinuted = ALL.filter((c) => !(MINUTED as readonly string[]).includes(c));
      expect(canaryHits(rendered, notMinuted)).toEqual([]);
      // Outside the minutes, the tracked items never say what they are.
      expect(
        canaryHits(
          rendered.filter((r) => !r.where.includes("/minutes")),
          ALL,
        ),
      ).toEqual([]);
    }
    // The escalation reaches the steering body, redacted: it is in the queue, only without its words.
    const queue = await s.api("GET", `/api/v1/agreements/${w.agreementId}/escalations`, {
      token: w.refB.token,
    });
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([expect.objectContaining({ id: w.issueId, confidential: true })]);
    // The next sitting checks the items, saying what they are only to the table's circle; the files are not served.
    const review = (token: string) => s.api("GET", `/api/v1/meetings/${w.next}`, { token });
    expect(JSON.stringify((await review(w.refB.token)).body)).toContain("Verifica azioni");
    expect(JSON.stringify((await review(w.refA.token)).body)).toContain(NEW.actionWhat);
    for (const id of w.files)
      expect([403, 404]).toContain(
        (await s.api("GET", `/api/v1/attachments/${id}`, { token: w.refB.token })).status,
      );
    // Every canary was planted: the table's members (refA, the agreement admin) read each one somewhere.
    const inside: RenderedText[] = [];
    for (const token of [w.refA.token, w.agreementAdmin.token])
      for (const path of [...reads, `/api/v1/work-plans/${w.planId}`])
        inside.push({ where: path, text: JSON.stringify((await s.api("GET", path, { token })).body) });
    const seen = new Set(canaryHits(inside, ALL).map((h) => h.slice(h.lastIndexOf(": ") + 2)));
    expect(Object.values(NEW).filter((c) => !seen.has(c))).toEqual([]);
  });
});
