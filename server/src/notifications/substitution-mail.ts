import { ObjectId } from "mongodb";
import { langOf } from "../calendar/describe.ts";
import { isErased } from "../calendar/feed.ts";
import { standingReferentsOn } from "../designations/queries.ts";
import { type DispatchSubscriber, defineSubscriber } from "../dispatch/subscriber.ts";
import type { DomainEvent } from "../events.ts";
import { tableMemberIds } from "../memberships/queries.ts";
import { organisationName } from "../organisations/queries.ts";
import { peopleByIds } from "../people/queries.ts";
import { createCtx } from "../shared/context.ts";
import { findTable } from "../tables/queries.ts";
import type { NotifierDeps } from "./index.ts";
import { type NoticeMail, sendNoticeMails } from "./sent-mails.ts";
import { substitutionNoticeMail } from "./substitution-notice.ts";

/**
 * DOMAIN rule 3: a substitution is told to the table, also to those not on Slack. Each of the table's
 * referents on the new referent's first day (the new one included) and its coordinators gets an e-mail
 * in their language. A durable subscriber, like meeting mail: the request never waits for SMTP, an outage
 * delays the mails, and each is keyed on (event, person) so a repeated delivery sends none twice.
 */
export function substitutionMailSubscriber(deps: NotifierDeps): DispatchSubscriber {
  return defineSubscriber({
    name: SUBSCRIBER,
    types: ["referent.substituted"],
    async handle(event) {
      const ctx = createCtx({ db: deps.db, bus: deps.bus, now: deps.now });
      const mails = await substitutionMails(deps, event);
      await sendNoticeMails({ ctx, mailer: deps.mailer, subscriber: SUBSCRIBER, event }, mails);
    },
  });
}

const SUBSCRIBER = "substitution-mail";

async function substitutionMails(
  deps: NotifierDeps,
  event: DomainEvent<"referent.substituted">,
): Promise<NoticeMail[]> {
  const ctx = createCtx({ db: deps.db, bus: deps.bus, now: deps.now });
  const { from } = event.payload;
  const tableId = new ObjectId(event.payload.tableId);
  const organisationId = new ObjectId(event.payload.organisationId);
  const previousId = new ObjectId(event.payload.previousPersonId);
  const nextId = new ObjectId(event.payload.newPersonId);
  const table = await findTable(ctx, tableId);
  if (!table) return [];
  const [sitting, designations, organisation] = await Promise.all([
    tableMemberIds(ctx, table, from),
    standingReferentsOn(ctx, table._id, from),
    organisationName(ctx, organisationId),
  ]);
  const seated = new Set(sitting.map((id) => id.toHexString()));
  const recipientIds = [
    ...designations.filter((d) => seated.has(d.organisationId.toHexString())).map((d) => d.personId),
    ...table.coordinatorIds,
  ];
  const people = await peopleByIds(ctx, [...recipientIds, previousId, nextId], {
    name: 1,
    email: 1,
    locale: 1,
  });
  const byId = new Map(people.map((p) => [p._id.toHexString(), p]));
  const nameOf = (id: ObjectId) => byId.get(id.toHexString())?.name ?? "—";
  const told = new Set<string>();
  const mails: NoticeMail[] = [];
  for (const id of recipientIds) {
    const person = byId.get(id.toHexString());
    if (!person || isErased(person) || told.has(person.email)) continue;
    told.add(person.email);
    const mail = substitutionNoticeMail({
      person: { name: person.name, email: person.email, locale: langOf(person.locale) },
      table: table.name,
      organisation: organisation ?? "—",
      previous: nameOf(previousId),
      next: nameOf(nextId),
      from,
      publicUrl: deps.config.publicUrl,
    });
    mails.push({ personId: person._id, mail });
  }
  return mails;
}
