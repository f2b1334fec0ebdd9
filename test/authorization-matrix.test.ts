import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildWorld,
  differences,
  NOW,
  PERSONAS,
  type Persona,
  restore,
  type Snapshot,
  snapshot,
  TODAY,
  TOMORROW,
  uploadFile,
  type World,
  YESTERDAY,
} from "./support/authorization-world.ts";
import { openApiResponses } from "./support/openapi.ts";
import { type ApiResponse, startTestServer } from "./support/server.ts";
import { startFakeSmtp } from "./support/smtp.ts";

/**
 * Who may call each write endpoint (README "Roles and rules", DOMAIN rule 4, issue 10 as fixed).
 * `ok`: allowed (2xx, each persona on a fresh copy of the world); 401/403/404: refused with that status
 * and the database unchanged (404 where the API hides that the thing exists). "path ids" names the
 * world's entities the path parameters point at, in order (see `entity` below).
 *
 * `POST /rsvp-actions` is "ok" for everyone: the push action token in the body is the credential, whoever
 * posts it (it answers for refA, whose token it is).
 *
 * Personas: anon (no login), refA and refB (referents of organisations A and B on table T), delegate (a
 * colleague A sends to today's sitting M only), coord2 (coordinator of T2 and of the cabina di regia S), coord (of T), admin2
 * (admin of agreement G2), admin (of G, which holds A, B, T and T2), root (installation admin).
 */
const TABLE = `
endpoint                                        path ids     anon refA refB deleg coord2 coord admin2 admin root
POST   /agreements                              -            401  403  403  403   403    403   403    403   ok
PATCH  /agreements/{id}                         G            401  403  403  403   403    403   403    ok    ok
POST   /agreements/{id}/admins                  G            401  403  403  403   403    403   403    403   ok
POST   /agreements/{id}/adhesions               G2           401  ok   403  403   403    403   ok     403   ok
POST   /agreements/{id}/withdrawals             G            401  ok   403  403   403    403   403    ok    ok
POST   /organisations                           -            401  403  403  403   403    403   ok     ok    ok
PATCH  /organisations/{id}                      A            401  ok   403  403   403    403   403    403   ok
POST   /organisations/import-istat              -            401  403  403  403   403    403   403    403   ok
POST   /agreements/{id}/tables                  G            401  403  403  403   403    403   403    ok    ok
PATCH  /tables/{id}                             T            401  403  403  403   403    403   403    ok    ok
PUT    /tables/{id}/coordinators                T            401  403  403  403   403    403   403    ok    ok
POST   /tables/{id}/materials                   T            401  403  403  403   403    ok    403    ok    ok
PATCH  /people/me                               -            401  ok   ok   ok    ok     ok    ok     ok    ok
DELETE /people/me                               -            401  ok   ok   ok    ok     ok    ok     ok    ok
DELETE /people/{id}                             refB         401  403  ok   403   403    403   403    403   ok
POST   /people                                  -            401  ok   ok   403   403    403   ok     ok    ok
POST   /tables/{id}/designations                T            401  ok   403  403   403    ok    403    ok    ok
POST   /designations/{id}/substitute            dA           401  ok   403  403   403    ok    403    ok    ok
POST   /designations/{id}/end                   dA           401  ok   403  403   403    ok    403    ok    ok
POST   /tables/{id}/meetings                    T            401  403  403  403   403    ok    403    ok    ok
POST   /tables/{id}/meeting-series              T            401  403  403  403   403    ok    403    ok    ok
PATCH  /meetings/{id}                           M            401  403  403  403   403    ok    403    ok    ok
POST   /meetings/{id}/reschedule                M            401  403  403  403   403    ok    403    ok    ok
POST   /meetings/{id}/cancel                    M            401  403  403  403   403    ok    403    ok    ok
PUT    /meetings/{id}/rsvps/{personId}          M,delegate   401  ok   403  ok    403    403   403    403   ok
POST   /rsvp-actions                            -            ok   ok   ok   ok    ok     ok    ok     ok    ok
PUT    /meetings/{id}/attendance/{personId}     M,refA       401  403  403  403   403    ok    403    ok    ok
DELETE /meetings/{id}/attendance/{personId}     M,refB       401  403  403  403   403    ok    403    ok    ok
POST   /meetings/{id}/check-in                  M            401  ok   ok   ok    403    ok    403    403   403
POST   /meetings/{id}/register/close            P1           401  403  403  403   403    ok    403    ok    ok
POST   /people/me/calendar-feed                 -            401  ok   ok   ok    ok     ok    ok     ok    ok
DELETE /people/me/calendar-feed                 -            401  ok   ok   ok    ok     ok    ok     ok    ok
POST   /tables/{id}/issue-reports               T            401  ok   403  403   403    403   403    403   ok
POST   /issue-reports/{id}/attachments          I            401  ok   403  403   403    ok    403    403   ok
POST   /issue-reports/{id}/status               I            401  403  403  403   403    ok    403    ok    ok
POST   /tables/{id}/contributions               T            401  ok   403  403   403    403   403    403   ok
POST   /contributions/{id}/withdraw             C            401  ok   403  403   403    403   403    403   ok
POST   /contributions/{id}/attachments          C            401  ok   403  403   403    ok    403    403   ok
POST   /tables/{id}/proposals                   T            401  403  403  403   403    ok    403    ok    ok
PATCH  /proposals/{id}                          PD           401  403  403  403   403    ok    403    ok    ok
POST   /proposals/{id}/approve                  PD           401  403  403  403   403    ok    403    ok    ok
POST   /proposals/{id}/address                  PA           401  403  403  403   403    ok    403    ok    ok
POST   /proposals/{id}/withdraw                 PD           401  403  403  403   403    ok    403    ok    ok
PUT    /proposals/{id}/adoptions/{organisationId} PX,A       401  ok   403  403   403    403   403    403   ok
POST   /agreements/{id}/reports                 G            401  403  403  403   403    403   403    ok    ok
POST   /tables/{id}/reports                     T            401  403  403  403   403    ok    403    ok    ok
PUT    /meetings/{id}/minutes                   P1           401  403  403  403   403    ok    403    ok    ok
POST   /meetings/{id}/minutes/review            P1           401  403  403  403   403    ok    403    ok    ok
POST   /meetings/{id}/minutes/approve           P2           401  403  403  403   403    ok    403    ok    ok
PUT    /people/me/reminder-preferences          -            401  ok   ok   ok    ok     ok    ok     ok    ok
POST   /people/me/push-subscriptions            -            401  ok   ok   ok    ok     ok    ok     ok    ok
DELETE /people/me/push-subscriptions/{id}       pushA        401  ok   404  404   404    404   404    404   404
POST   /auth/login-links                        -            ok   ok   ok   ok    ok     ok    ok     ok    ok
POST   /auth/sessions                           -            ok   ok   ok   ok    ok     ok    ok     ok    ok
DELETE /auth/session                            -            401  ok   ok   ok    ok     ok    ok     ok    ok
POST   /auth/tokens                             -            401  ok   ok   ok    ok     ok    ok     ok    ok
DELETE /auth/tokens/{id}                        tokenA       401  ok   404  404   404    404   404    404   404
POST   /admin/deliveries/{id}/retry             D            401  403  403  403   403    403   403    403   ok
PUT    /tables/{id}/work-plan                   T2           401  403  403  403   ok     403   403    ok    ok
POST   /tables/{id}/work-plan/present           T2           401  403  403  403   ok     403   403    ok    ok
POST   /tables/{id}/work-plan/versions          T            401  403  403  403   403    ok    403    ok    ok
PUT    /agreements/{id}/work-plan               G            401  403  403  403   403    403   403    ok    ok
POST   /agreements/{id}/work-plan/present       G            401  403  403  403   403    403   403    ok    ok
POST   /agreements/{id}/work-plan/versions      G2           401  403  403  403   403    403   ok     403   ok
POST   /work-plans/{id}/approve                 WP2          401  403  403  403   ok     403   403    ok    ok
POST   /work-plans/{id}/reject                  WP2          401  403  403  403   ok     403   403    ok    ok
POST   /work-plans/{id}/activities/{activityId}/progress WP1,WA 401 ok 403 403   403    ok    403    ok    ok
PUT    /agreements/{id}/deadline-rules          G            401  403  403  403   403    403   403    ok    ok
POST   /issue-reports/{id}/assignee             Iesc         401  403  403  403   ok     403   403    ok    ok
POST   /issue-reports/{id}/comments             Iesc         401  403  403  403   ok     ok    403    ok    ok
POST   /agreements/{id}/services                G            401  403  403  403   403    403   403    ok    ok
PATCH  /services/{id}                           SV           401  ok   403  403   403    403   403    ok    ok
POST   /services/{id}/subscriptions             SV           401  403  ok   403   403    403   403    ok    ok
DELETE /services/{id}/subscriptions/{organisationId} SV,A    401  ok   403  403   403    403   403    ok    ok
POST   /services/{id}/availability              SV           401  ok   403  403   403    403   403    ok    ok
POST   /action-items/{id}/status                AI           401  ok   403  403   403    ok    403    ok    ok
`;

/** The world's entities a "path ids" cell may name. */
function entity(w: World, name: string): string {
  const entities: Record<string, string> = {
    G: w.G,
    G2: w.G2,
    A: w.A,
    T: w.T,
    T2: w.T2,
    M: w.M,
    P1: w.P1,
    P2: w.P2,
    dA: w.designationA,
    I: w.issueReport,
    C: w.contribution,
    AI: w.actionItem,
    PD: w.proposalDraft,
    PA: w.proposalApproved,
    PX: w.proposalAddressed,
    R: w.report,
    tokenA: w.refAToken,
    pushA: w.refAPushSubscription,
    D: w.deadDelivery,
    WP1: w.workPlanInForce,
    WA: w.workPlanActivity,
    WP2: w.workPlanPresented,
    Iesc: w.escalatedReport,
    SV: w.service,
    refA: w.people.refA.id,
    refB: w.people.refB.id,
    delegate: w.people.delegate.id,
  };
  const id = entities[name];
  if (!id) throw new Error(`no entity "${name}" in the world`);
  return id;
}

/** A valid body for each endpoint that takes one, so that a refusal is about who asks, never about what. */
const BODIES: Record<string, (w: World) => unknown> = {
  "POST /agreements": () => ({
    slug: "accordo-della-matrice",
    title: "Accordo della matrice",
    shortName: "Matrice",
    adhesionDelayDays: 15,
    withdrawalNotice: { amount: 3, unit: "months" },
  }),
  "PATCH /agreements/{id}": () => ({ title: "Accordo rinominato" }),
  "POST /agreements/{id}/admins": (w) => ({ personId: w.people.newcomer.id }),
  "POST /agreements/{id}/adhesions": (w) => ({ organisationId: w.A, receivedOn: TODAY }),
  "POST /agreements/{id}/withdrawals": (w) => ({ organisationId: w.A, noticeGivenOn: TODAY }),
  "POST /organisations": () => ({ name: "Comune di Gamma", kind: "comune" }),
  "PATCH /organisations/{id}": () => ({ website: "https://comune-alfa.example.it" }),
  "POST /agreements/{id}/tables": () => ({ name: "Tavolo nuovo", kind: "tavolo_tecnico" }),
  "PATCH /tables/{id}": () => ({ theme: { code: "WP1", title: "Servizi digitali alla persona" } }),
  "PUT /tables/{id}/coordinators": (w) => ({ personIds: [w.people.coord.id, w.people.newcomer.id] }),
  "POST /tables/{id}/materials": () => ({
    title: "Linee guida",
    url: "https://example.org/linee-guida.pdf",
    confidential: true,
  }),
  "PATCH /people/me": () => ({ locale: "en" }),
  "POST /people": () => ({ name: "Nuova Collega", email: "nuova.collega@comune-alfa.example.it" }),
  "POST /tables/{id}/designations": (w) => ({
    organisationId: w.A,
    personId: w.people.newcomer.id,
    from: TODAY,
  }),
  "POST /designations/{id}/substitute": (w) => ({ personId: w.people.newcomer.id, from: TOMORROW }),
  "POST /designations/{id}/end": () => ({ to: TODAY }),
  "POST /tables/{id}/meetings": () => nextWeek,
  "POST /tables/{id}/meeting-series": () => ({ ...nextWeek, rrule: "FREQ=WEEKLY;COUNT=2" }),
  "PATCH /meetings/{id}": () => ({ title: "Seduta di oggi, ordine del giorno aggiornato" }),
  "POST /meetings/{id}/reschedule": () => ({
    startsAt: "2026-03-26T10:00",
    endsAt: "2026-03-26T12:00",
    reason: "Sala non disponibile",
  }),
  "POST /meetings/{id}/cancel": () => ({ reason: "Sciopero dei trasporti" }),
  "PUT /meetings/{id}/rsvps/{personId}": () => ({ answer: "presenza" }),
  "PUT /meetings/{id}/attendance/{personId}": () => ({ mode: "remoto" }),
  "POST /meetings/{id}/check-in": (w) => ({ code: w.checkInCode, mode: "presenza" }),
  "POST /tables/{id}/issue-reports": (w) => ({
    organisationId: w.A,
    title: "Lo sportello telematico non risponde",
    severity: "alta",
  }),
  "POST /issue-reports/{id}/status": () => ({ status: "in_esame", note: "Presa in carico" }),
  "POST /rsvp-actions": (w) => ({ token: w.rsvpActionToken }),
  "POST /tables/{id}/contributions": (w) => ({
    organisationId: w.A,
    kind: "commento",
    title: "Osservazioni sul capitolato",
  }),
  "POST /tables/{id}/proposals": () => ({ title: "Proposta della matrice" }),
  "PATCH /proposals/{id}": () => ({ text: "Testo rivisto" }),
  "POST /proposals/{id}/address": () => ({}),
  "PUT /proposals/{id}/adoptions/{organisationId}": () => ({
    state: "adottata",
    act: { kind: "delibera_di_giunta", number: "45/2026", date: "2026-03-20" },
  }),
  "POST /agreements/{id}/reports": () => ({ preset: "semestrale", year: 2026, half: 1 }),
  "POST /tables/{id}/reports": () => ({ preset: "semestrale", year: 2026, half: 1 }),
  "PUT /meetings/{id}/minutes": () => ({ version: 1, notes: "Verbale completato" }),
  "POST /meetings/{id}/minutes/review": () => ({ version: 1 }),
  "POST /meetings/{id}/minutes/approve": () => ({ version: 1 }),
  "PUT /people/me/reminder-preferences": () => ({ paused: true }),
  "POST /people/me/push-subscriptions": (w) => ({ ...w.newBrowser, label: "Telefono" }),
  "POST /auth/login-links": (w) => ({ email: w.people.newcomer.person.email }),
  "POST /auth/sessions": (w) => ({ token: w.newcomerLoginToken }),
  "POST /auth/tokens": () => ({ name: "matrice" }),
  "PUT /tables/{id}/work-plan": () => ({
    activities: [{ title: "Dispiegamento di SPID", startOn: TODAY, dueOn: "2026-09-30" }],
  }),
  "PUT /agreements/{id}/work-plan": () => ({
    activities: [{ title: "Piano d'azione annuale", startOn: TODAY, dueOn: "2026-12-31" }],
  }),
  "POST /work-plans/{id}/approve": () => ({ note: "Approvato" }),
  "POST /work-plans/{id}/reject": () => ({ note: "Da rivedere" }),
  "POST /work-plans/{id}/activities/{activityId}/progress": () => ({ status: "in_corso", progress: 40 }),
  "PUT /agreements/{id}/deadline-rules": () => ({ approachingDays: 10 }),
  "POST /issue-reports/{id}/assignee": (w) => ({ personId: w.people.coord2.id }),
  "POST /issue-reports/{id}/comments": () => ({ text: "Ne discutiamo alla prossima seduta della cabina" }),
  "POST /agreements/{id}/services": (w) => ({
    name: "Conservazione sostitutiva",
    providerId: w.A,
    levels: { availabilityPercent: 99.5, responseHours: 8, resolutionHours: 72 },
  }),
  "PATCH /services/{id}": () => ({ description: "Pagamenti pagoPA tramite il nodo regionale" }),
  "POST /services/{id}/subscriptions": (w) => ({ organisationId: w.B }),
  "POST /services/{id}/availability": () => ({ from: "2026-03-01", to: YESTERDAY, measuredPercent: 99.7 }),
  "POST /action-items/{id}/status": () => ({ status: "completata", doneOn: TODAY }),
};

const nextWeek = {
  title: "Seduta straordinaria",
  startsAt: "2026-03-31T10:00",
  endsAt: "2026-03-31T12:00",
  mode: "online",
  videoLink: { generate: true },
};

/** Endpoints that take a file (multipart/form-data, a JPEG) instead of a JSON body. */
const FILE_UPLOADS = new Set([
  "POST /issue-reports/{id}/attachments",
  "POST /contributions/{id}/attachments",
]);

/** Endpoints whose personas authenticate with their browser session (cookie and CSRF header), not a token. */
const BY_SESSION = new Set(["DELETE /auth/session"]);

/**
 * Collections written by authentication itself rather than by the endpoint called: none since a token's
 * last use is stamped on the token at most once a minute, and the world's clock stands still.
 */
const NOT_COMPARED: string[] = [];

type Cell = "ok" | 401 | 403 | 404;
type Row = { endpoint: string; ids: string[]; cells: Record<Persona, Cell> };

function parseTable(table: string): Row[] {
  const [header, ...lines] = table.trim().split("\n");
  const columns = header?.trim().split(/\s+/).slice(3);
  if (columns?.join() !== "anon,refA,refB,deleg,coord2,coord,admin2,admin,root")
    throw new Error(`unexpected matrix header: ${header}`);
  return lines.map((line) => {
    const [method, path, ids, ...values] = line.trim().split(/\s+/);
    if (values.length !== PERSONAS.length)
      throw new Error(`matrix row needs ${PERSONAS.length} cells: ${line}`);
    const cells = Object.fromEntries(
      PERSONAS.map((persona, i) => {
        const value = values[i];
        if (value !== "ok" && value !== "401" && value !== "403" && value !== "404")
          throw new Error(`bad cell "${value}" in: ${line}`);
        return [persona, value === "ok" ? "ok" : Number(value)];
      }),
    ) as Record<Persona, Cell>;
    return { endpoint: `${method} ${path}`, ids: ids === "-" ? [] : (ids ?? "").split(","), cells };
  });
}

const IMPORT = "POST /organisations/import-istat";
const ROWS = new Map(parseTable(TABLE).map((row) => [row.endpoint, row]));

// The endpoints come from the OpenAPI document of a real server, so a new one without a row fails.
const smtp = await startFakeSmtp(); // invitations go out by SMTP, so background mail never writes to the database
const s = await startTestServer({ env: { SMTP_URL: smtp.url } });
const spec = (await s.api("GET", "/api/v1/openapi.json")).body as {
  paths: Record<string, Record<string, unknown>>;
};
const { documented } = openApiResponses(spec);

/** What the OpenAPI document says is wrong with an answer: a status it does not list, or a body off its schema. */
function offContract(endpoint: string, response: ApiResponse): string[] {
  const [method = "", path = ""] = endpoint.split(" ");
  const expected = documented(method, path, response.status);
  if (!expected) return [`status ${response.status} is not documented`];
  return expected.validate(response.body);
}

const WRITE_ENDPOINTS = Object.entries(spec.paths)
  .flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => ["post", "put", "patch", "delete"].includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  )
  // The ISTAT import adds 7,904 comuni: run last, nothing has to undo it.
  .sort((a, b) => Number(a === IMPORT) - Number(b === IMPORT));

describe("authorization matrix: every write endpoint × every role", () => {
  let w: World;
  let world: Snapshot;

  beforeAll(async () => {
    w = await buildWorld(s);
    await s.drain();
    world = await snapshot(s);
  });
  afterAll(async () => {
    await s.close();
    await smtp.close();
  });

  it("has a row for every write endpoint of the OpenAPI document, and no other", () => {
    expect(WRITE_ENDPOINTS.length).toBeGreaterThan(40);
    expect([...ROWS.keys()].filter((endpoint) => !WRITE_ENDPOINTS.includes(endpoint))).toEqual([]);
    expect(Object.keys(BODIES).filter((endpoint) => !ROWS.has(endpoint))).toEqual([]);
  });

  /** Calls the endpoint as a persona, with the row's path ids and body. */
  function call(row: Row, persona: Persona) {
    const [method = "", template = ""] = row.endpoint.split(" ");
    const ids = [...row.ids];
    const path = template.replace(/\{[^}]+\}/g, () => {
      const name = ids.shift();
      if (!name) throw new Error(`${row.endpoint}: the table names too few path ids`);
      return entity(w, name);
    });
    const body = BODIES[row.endpoint]?.(w);
    if (FILE_UPLOADS.has(row.endpoint))
      return uploadFile(s, persona === "anon" ? null : w.credentials[persona].token, path);
    if (persona === "anon") return s.api(method, `/api/v1${path}`, { body });
    const who = w.credentials[persona];
    if (BY_SESSION.has(row.endpoint))
      return s.api(method, `/api/v1${path}`, {
        body,
        headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken },
      });
    return s.api(method, `/api/v1${path}`, { body, token: who.token });
  }

  /** Undoes whatever the previous calls changed, so each call meets the world as built. */
  async function freshWorld() {
    await s.drain(); // what the previous call's events set off ends first, or it would write into the restored world
    await restore(s, world);
    s.clock.now = NOW;
  }

  it.each(WRITE_ENDPOINTS)("%s", async (endpoint) => {
    const row = ROWS.get(endpoint);
    if (!row) throw new Error(`${endpoint} has no row in the authorization matrix: add one`);
    const problems: string[] = [];
    const denied = PERSONAS.filter((persona) => row.cells[persona] !== "ok");
    const allowed = PERSONAS.filter((persona) => row.cells[persona] === "ok");
    await freshWorld();
    for (const persona of denied) {
      const response = await call(row, persona);
      if (response.status !== row.cells[persona])
        problems.push(`${persona}: expected ${row.cells[persona]}, got ${summary(response)}`);
      for (const off of offContract(endpoint, response))
        problems.push(`${persona}: off the OpenAPI document: ${off}`);
      const now = await snapshot(s);
      const changes = differences(world, now, NOT_COMPARED);
      if (changes.length) {
        problems.push(`${persona}: a refused call changed the database: ${changed(changes, now)}`);
        await freshWorld();
      }
    }
    for (const persona of allowed) {
      await freshWorld();
      const response = await call(row, persona);
      if (response.status < 200 || response.status > 299)
        problems.push(`${persona}: expected 2xx, got ${summary(response)}`);
      for (const off of offContract(endpoint, response))
        problems.push(`${persona}: off the OpenAPI document: ${off}`);
    }
    expect(problems).toEqual([]);
  });
});

function summary(response: { status: number; body: unknown }): string {
  return `${response.status} ${JSON.stringify(response.body)?.slice(0, 200)}`;
}

/** The changes of a refused call, readably: per collection what was added, removed or changed, and one example. */
function changed(changes: ReturnType<typeof differences>, after: Snapshot): string {
  return changes
    .map(({ name, added, removed, changed }) => {
      const example = after[name]?.get(added[0] ?? changed[0] ?? "") ?? "";
      return `${name}: +${added.length} −${removed.length} ~${changed.length} ${example.slice(0, 300)}`;
    })
    .join("; ");
}
