import { createECDH, randomBytes } from "node:crypto";
import { BSON } from "mongodb";
import { issueLoginLink } from "../../server/src/auth/login-links.ts";
import { rsvpActionsFor } from "../../server/src/rsvp-actions/index.ts";
import { createCtx } from "../../server/src/shared/context.ts";
import { makeAgreement, makeOrganisation, makeTable } from "./factories.ts";
import type { TestServer } from "./server.ts";

/** The people the authorization matrix acts as, in the order of its columns. */
export const PERSONAS = [
  "anon",
  "refA",
  "refB",
  "delegate",
  "coord2",
  "coord",
  "admin2",
  "admin",
  "root",
] as const;
export type Persona = (typeof PERSONAS)[number];

/** How a persona authenticates: a bearer token, or a browser session (cookie plus CSRF header). */
export type Credentials = { id: string; token: string; cookie: string; csrfToken: string };

/** The day of the sitting M (Rome) and the instant every matrix call is made: 09:50, ten minutes before M. */
export const TODAY = "2026-03-24";
export const YESTERDAY = "2026-03-23";
export const TOMORROW = "2026-03-25";
export const NOW = new Date("2026-03-24T09:50:00+01:00");

export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * Builds, through the API and the real use cases, the world every matrix row starts from: agreement G
 * (admin) and G2 (its own admin); organisations A and B operative members of G; table T of G
 * (coordinator, referents of A and B) and T2 of G (another coordinator); yesterday's sittings P1
 * (minutes in draft) and P2 (minutes under review); today's sitting M at 10:00, RSVP open, to which A's
 * referent sends a colleague as single-sitting delegate (a `single_meeting` designation recorded by
 * the admin, then the `delega` answer). Every persona also holds a browser session and a calendar feed,
 * and the dispatcher has given up on one login mail (a dead delivery).
 */
export async function buildWorld(s: TestServer) {
  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await s.api(method, `/api/v1${path}`, { token, body });
    if (response.status >= 300)
      throw new Error(`world: ${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  // Set up the day before (designations start today at the earliest), then move to the sitting's day.
  s.clock.now = new Date(`${YESTERDAY}T08:00:00+01:00`);
  const person = (name: string, admin = false) => s.createPerson({ name, admin });
  const people = {
    root: await person("Irene Installazione", true),
    admin: await person("Giorgio Amministratore G"),
    admin2: await person("Gemma Amministratrice G2"),
    coord: await person("Carla Coordinatrice T"),
    coord2: await person("Corrado Coordinatore T2"),
    refA: await person("Anna Referente A"),
    refB: await person("Bruno Referente B"),
    delegate: await person("Dario Collega di A"),
    newcomer: await person("Nadia Nuova"),
  };
  const terms = { adhesionDelayDays: 0, withdrawalNotice: { amount: 30, unit: "days" as const } };
  const G = (await makeAgreement(s, people.root.token, terms)).id;
  const G2 = (await makeAgreement(s, people.root.token, terms)).id;
  await api("POST", `/agreements/${G}/admins`, people.root.token, { personId: people.admin.id });
  await api("POST", `/agreements/${G2}/admins`, people.root.token, { personId: people.admin2.id });
  const A = (await makeOrganisation(s, "Comune di Alfa"))._id.toHexString();
  const B = (await makeOrganisation(s, "Comune di Beta"))._id.toHexString();
  for (const organisationId of [A, B])
    await api("POST", `/agreements/${G}/adhesions`, people.admin.token, {
      organisationId,
      receivedOn: YESTERDAY,
    });
  const T = (await makeTable(s, people.admin.token, G, { coordinatorIds: [people.coord.id] })).id;
  const T2 = (await makeTable(s, people.admin.token, G, { coordinatorIds: [people.coord2.id] })).id;
  const designate = (body: Record<string, unknown>) =>
    api("POST", `/tables/${T}/designations`, people.admin.token, body);
  const designationA = (await designate({ organisationId: A, personId: people.refA.id, from: YESTERDAY })).id;
  await designate({ organisationId: B, personId: people.refB.id, from: YESTERDAY });

  const convene = async (title: string, startsAt: string, endsAt: string) =>
    (
      await api("POST", `/tables/${T}/meetings`, people.coord.token, {
        title,
        startsAt,
        endsAt,
        mode: "in_presenza",
        place: { address: "Piazza Municipio 1", room: "Sala consiliare" },
        agenda: [{ title: "Piano di migrazione al cloud" }],
      })
    ).id as string;
  const P1 = await convene("Seduta di ieri (verbale in bozza)", `${YESTERDAY}T10:00`, `${YESTERDAY}T11:00`);
  const P2 = await convene(
    "Seduta di ieri (verbale in revisione)",
    `${YESTERDAY}T11:30`,
    `${YESTERDAY}T12:30`,
  );
  const M = await convene("Seduta di oggi", `${TODAY}T10:00`, `${TODAY}T12:00`);
  const P3 = await convene(
    "Seduta di ieri mattina (verbale approvato)",
    `${YESTERDAY}T08:30`,
    `${YESTERDAY}T09:30`,
  );
  s.clock.now = new Date(`${YESTERDAY}T13:00:00+01:00`);
  for (const meeting of [P1, P2])
    await api("PUT", `/meetings/${meeting}/minutes`, people.coord.token, { version: 0, notes: "Bozza" });
  await api("POST", `/meetings/${P2}/minutes/review`, people.coord.token, { version: 1 });
  // P3's approved minutes give A's referent an action item (tracked by the dispatcher, drained below).
  const actionItems = [{ what: "Inviare il capitolato", who: { personId: people.refA.id }, due: TOMORROW }];
  await api("PUT", `/meetings/${P3}/minutes`, people.coord.token, { version: 0, actionItems });
  await api("POST", `/meetings/${P3}/minutes/review`, people.coord.token, { version: 1 });
  await api("POST", `/meetings/${P3}/minutes/approve`, people.coord.token, { version: 1 });

  s.clock.now = NOW;
  await designate({
    organisationId: A,
    personId: people.delegate.id,
    from: TODAY,
    kind: "single_meeting",
    meetingRef: M,
  });
  await api("PUT", `/meetings/${M}/rsvps/me`, people.refA.token, {
    answer: "delega",
    delegateId: people.delegate.id,
  });
  await api("PUT", `/meetings/${M}/attendance/${people.refB.id}`, people.coord.token, { mode: "presenza" });
  const issueReport = (
    await api("POST", `/tables/${T}/issue-reports`, people.refA.token, {
      organisationId: A,
      title: "Il portale dei pagamenti è fermo",
      severity: "media",
    })
  ).id as string;
  const contribution = (
    await api("POST", `/tables/${T}/contributions`, people.refA.token, {
      organisationId: A,
      kind: "documento",
      title: "Capitolato della migrazione",
      url: "https://comune-alfa.example.it/capitolato.pdf",
    })
  ).id as string;
  // The agreement's cabina di regia S (founders only: neither A nor B sits on it), coordinated by coord2, and a
  // report of T escalated to it; a shared service SV provided by A, to which A subscribes.
  const S = (
    await makeTable(s, people.admin.token, G, {
      kind: "cabina_di_regia",
      access: "founders",
      coordinatorIds: [people.coord2.id],
    })
  ).id;
  const escalatedReport = (
    await api("POST", `/tables/${T}/issue-reports`, people.refA.token, {
      organisationId: A,
      title: "L'anagrafe nazionale rifiuta le variazioni",
      severity: "alta",
    })
  ).id as string;
  for (const status of ["in_esame", "inoltrata"])
    await api("POST", `/issue-reports/${escalatedReport}/status`, people.coord.token, { status });
  const service = (
    await api("POST", `/agreements/${G}/services`, people.admin.token, {
      name: "Pagamenti pagoPA",
      providerId: A,
      status: "attivo",
      levels: { availabilityPercent: 99.5, responseHours: 8, resolutionHours: 72 },
      subscriberIds: [A],
    })
  ).id as string;
  const proposalOf = async (title: string) =>
    (await api("POST", `/tables/${T}/proposals`, people.coord.token, { title, text: "Testo della proposta" }))
      .id as string;
  const proposalDraft = await proposalOf("Proposta in bozza");
  const proposalApproved = await proposalOf("Proposta approvata");
  await api("POST", `/proposals/${proposalApproved}/approve`, people.coord.token);
  const proposalAddressed = await proposalOf("Proposta indirizzata");
  await api("POST", `/proposals/${proposalAddressed}/approve`, people.coord.token);
  await api("POST", `/proposals/${proposalAddressed}/address`, people.coord.token, {});
  const report = (
    await api("POST", `/agreements/${G}/reports`, people.admin.token, { preset: "annuale", year: 2026 })
  ).id as string;
  const refAToken = (await api("POST", "/auth/tokens", people.refA.token, { name: "integrazione" }))
    .id as string;
  const refAPushSubscription = (
    await api("POST", "/people/me/push-subscriptions", people.refA.token, pushSubscriptionOf("telefono-anna"))
  ).id as string;

  const ctx = createCtx({ db: s.db, bus: s.bus, now: () => new Date(s.clock.now) });
  const loginToken = async (personId: string) => {
    const url = await issueLoginLink({
      ctx,
      input: { personId: BSON.ObjectId.createFromHexString(personId), publicUrl: s.url },
    });
    return new URL(url).searchParams.get("token") ?? "";
  };
  const credentials = {} as Record<Exclude<Persona, "anon">, Credentials>;
  for (const name of PERSONAS) {
    if (name === "anon") continue;
    const { id, token } = people[name];
    const session = await s.api("POST", "/api/v1/auth/sessions", { body: { token: await loginToken(id) } });
    const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    credentials[name] = { id, token, cookie, csrfToken: session.body.csrfToken };
    await api("POST", "/people/me/calendar-feed", token);
  }
  // A login mail the dispatcher gave up on (as after eight refusals by the mail server), for the retry.
  await s.api("POST", "/api/v1/auth/login-links", { body: { email: people.newcomer.person.email } });
  await s.drain();
  const deadDelivery = await s.c.deliveries.findOneAndUpdate(
    { subscriber: "login-mail", stream: `person:${people.newcomer.id}` },
    { $set: { state: "dead", attempts: 8, deadAt: NOW, lastError: "Error: Connection closed unexpectedly" } },
    { returnDocument: "after" },
  );
  if (!deadDelivery) throw new Error("world: no login mail delivery to make dead");
  const actionItem = await s.c.actionItems.findOne({
    ownerPersonId: BSON.ObjectId.createFromHexString(people.refA.id),
  });
  if (!actionItem) throw new Error("world: P3's action item was not tracked");
  const meetingM = await s.c.meetings.findOne({ _id: BSON.ObjectId.createFromHexString(M) });
  const checkInCode = meetingM?.checkInCode;
  // A push reminder's "Partecipo" for refA to M, as the reminder channel mints it.
  const [rsvpAction] = await rsvpActionsFor(ctx, {
    personId: BSON.ObjectId.createFromHexString(people.refA.id),
    meetingId: BSON.ObjectId.createFromHexString(M),
    until: meetingM?.startsAt ?? NOW,
    lang: "it",
  });
  // Work plans: T's v1 approved (its activity owned by A) and v2 presented; T2 and G with a draft; G2's approved.
  const planBody = (ownerOrganisationId: string | null) => ({
    activities: [
      {
        title: "Migrazione al cloud dei servizi demografici",
        ownerOrganisationId,
        startOn: TODAY,
        dueOn: "2026-06-30",
      },
    ],
  });
  const tablePlan = await api("PUT", `/tables/${T}/work-plan`, people.coord.token, planBody(A));
  await api("POST", `/tables/${T}/work-plan/present`, people.coord.token);
  await api("POST", `/work-plans/${tablePlan.id}/approve`, people.admin.token, {});
  const presentedPlan = await api("POST", `/tables/${T}/work-plan/versions`, people.coord.token);
  await api("POST", `/tables/${T}/work-plan/present`, people.coord.token);
  await api("PUT", `/tables/${T2}/work-plan`, people.coord2.token, planBody(B));
  await api("PUT", `/agreements/${G}/work-plan`, people.admin.token, planBody(null));
  const otherPlan = await api("PUT", `/agreements/${G2}/work-plan`, people.admin2.token, planBody(null));
  await api("POST", `/agreements/${G2}/work-plan/present`, people.admin2.token);
  await api("POST", `/work-plans/${otherPlan.id}/approve`, people.admin2.token, {});
  const uploaded = await uploadFile(s, people.refA.token, `/issue-reports/${issueReport}/attachments`);
  if (uploaded.status !== 201) throw new Error(`world: attachment → ${uploaded.status}`);
  const attachment = uploaded.body.id as string;

  return {
    people,
    credentials,
    G,
    G2,
    A,
    B,
    T,
    T2,
    P1,
    P2,
    M,
    designationA,
    issueReport,
    S,
    escalatedReport,
    service,
    actionItem: actionItem._id.toHexString(),
    attachment,
    /** The token of a push reminder's answer button (POST /rsvp-actions). */
    rsvpActionToken: rsvpAction?.token ?? "",
    contribution,
    /** T's work plan in force (v1, approved) and its activity owned by A; T's v2, presented. */
    workPlanInForce: tablePlan.id as string,
    workPlanActivity: tablePlan.activities[0].id as string,
    workPlanPresented: presentedPlan.id as string,
    proposalDraft,
    proposalApproved,
    proposalAddressed,
    /** An issued report of G (annuale 2026). */
    report,
    refAToken,
    refAPushSubscription,
    /** A browser no one has subscribed yet, for POST /people/me/push-subscriptions. */
    newBrowser: pushSubscriptionOf("nuovo-browser"),
    deadDelivery: deadDelivery._id.toHexString(),
    checkInCode: checkInCode ?? "",
    /** A fresh login link for the newcomer, for POST /auth/sessions. */
    newcomerLoginToken: await loginToken(people.newcomer.id),
  };
}

/** A small JPEG (its magic bytes are what count). */
export const JPEG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

/** POSTs a JPEG as multipart/form-data (field `file`), as a browser's form would. */
export async function uploadFile(s: TestServer, token: string | null, path: string) {
  const form = new FormData();
  form.append("file", new Blob([JPEG_BYTES], { type: "image/jpeg" }), "foto-segnalazione.jpg");
  const response = await fetch(`${s.url}/api/v1${path}`, {
    method: "POST",
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** A browser's `PushSubscription.toJSON()` at a push service nothing ever sends to in these tests. */
function pushSubscriptionOf(device: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return {
    endpoint: `https://fcm.googleapis.com/fcm/send/${device}`,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey("base64url"), auth: randomBytes(16).toString("base64url") },
  };
}

/** Every document of every collection, as canonical Extended JSON by `_id` (exact BSON types, so lossless). */
export type Snapshot = Record<string, Map<string, string>>;

/** Reads the whole database. */
export async function snapshot(s: TestServer): Promise<Snapshot> {
  const names = (await s.db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((name) => !name.startsWith("system."));
  const entries = await Promise.all(
    names.map(async (name) => {
      const docs = await s.db.collection(name).find({}, { promoteValues: false }).toArray();
      const byId = new Map(docs.map((doc) => [canonical(doc._id), canonical(doc)]));
      return [name, byId] as const;
    }),
  );
  return Object.fromEntries(entries.filter(([, docs]) => docs.size > 0));
}

const canonical = (value: unknown) => BSON.EJSON.stringify(value, { relaxed: false });

/** What differs between two snapshots, collection by collection: `_id`s added, removed and changed. */
export function differences(before: Snapshot, after: Snapshot, except: readonly string[] = []) {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (name) => !except.includes(name),
  );
  return names.flatMap((name) => {
    const was = before[name] ?? new Map<string, string>();
    const is = after[name] ?? new Map<string, string>();
    const added = [...is.keys()].filter((id) => !was.has(id));
    const removed = [...was.keys()].filter((id) => !is.has(id));
    const changed = [...is.keys()].filter((id) => was.has(id) && was.get(id) !== is.get(id));
    return added.length || removed.length || changed.length ? [{ name, added, removed, changed }] : [];
  });
}

/** Puts the database back to `target` by undoing only what differs (minimal writes; indexes stay). */
export async function restore(s: TestServer, target: Snapshot): Promise<void> {
  const parse = (text: string) => BSON.EJSON.parse(text, { relaxed: false });
  await Promise.all(
    differences(target, await snapshot(s)).map(async ({ name, added, removed, changed }) => {
      const collection = s.db.collection(name);
      const docs = target[name] ?? new Map<string, string>();
      if (added.length) await collection.deleteMany({ _id: { $in: added.map(parse) } });
      for (const id of changed) await collection.replaceOne({ _id: parse(id) }, parse(docs.get(id) ?? ""));
      if (removed.length) await collection.insertMany(removed.map((id) => parse(docs.get(id) ?? "")));
    }),
  );
}
