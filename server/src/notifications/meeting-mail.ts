import { ObjectId } from "mongodb";
import { withActionReview } from "../action-items/review.ts";
import { langOf } from "../calendar/describe.ts";
import { isErased } from "../calendar/feed.ts";
import { type DispatchSubscriber, defineSubscriber } from "../dispatch/subscriber.ts";
import type { DomainEvent, PayloadOf } from "../events.ts";
import { convenedPeople } from "../meetings/convened.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import { findMeeting } from "../meetings/queries.ts";
import { organisationName } from "../organisations/queries.ts";
import type { PersonDoc } from "../people/documents.ts";
import { findPerson, peopleByIds } from "../people/queries.ts";
import { type Ctx, createCtx } from "../shared/context.ts";
import type { TableDoc } from "../tables/documents.ts";
import { findTable } from "../tables/queries.ts";
import type { NotifierDeps } from "./index.ts";
import { meetingNoticeMail, type NoticeKind } from "./meeting-notice.ts";
import { type NoticeMail, sendNoticeMails } from "./sent-mails.ts";

const CHANGES = {
  "meeting.convened": "convened",
  "meeting.rescheduled": "rescheduled",
  "meeting.updated": "updated",
  "meeting.cancelled": "cancelled",
} as const satisfies Record<string, NoticeKind>;

type ChangeType = keyof typeof CHANGES;

const CHANGE_TYPES = [
  "meeting.convened",
  "meeting.rescheduled",
  "meeting.updated",
  "meeting.cancelled",
] as const satisfies readonly ChangeType[];

const SUBSCRIBER = "meeting-mail";

/**
 * E-mails invitations when sittings are convened, moved, changed or called off, and to delegates: a
 * durable subscriber, so the request never waits for SMTP (a 12-sitting series to 30 people is 360 mails)
 * and a crash or a mail server outage delays the mails instead of losing them. The dispatcher hands it a
 * sitting's events in their order (one stream per sitting), keeping an invitation ahead of its own
 * cancellation. Each mail is keyed on (event, person) in `sentMails`, so a repeated delivery sends only
 * what had not left (`sendNoticeMails`).
 */
export function meetingMailSubscriber(deps: NotifierDeps): DispatchSubscriber {
  return defineSubscriber({
    name: SUBSCRIBER,
    types: [...CHANGE_TYPES, "meeting.delegate_named"],
    async handle(event) {
      const mails =
        event.type === "meeting.delegate_named"
          ? await delegateMails(deps, event)
          : await changeMails(deps, event);
      if (mails === null) return;
      const ctx = createCtx({ db: deps.db, bus: deps.bus, now: deps.now });
      await sendNoticeMails({ ctx, mailer: deps.mailer, subscriber: SUBSCRIBER, event }, mails);
    },
  });
}

type Loaded = { ctx: Ctx; meeting: MeetingDoc; table: TableDoc; convened: Set<string> };

/** What a notice reads of the person it goes to. */
const RECIPIENT_FIELDS = { name: 1, email: 1, locale: 1 } as const;
type Recipient = Pick<PersonDoc, keyof typeof RECIPIENT_FIELDS>;

/** The sitting as it is now (the event payload is small on purpose) and who is convened to it. */
async function loadFresh(
  deps: NotifierDeps,
  event: DomainEvent<ChangeType | "meeting.delegate_named">,
): Promise<Loaded | null> {
  const ctx = createCtx({ db: deps.db, bus: deps.bus, now: deps.now });
  const meetingId = new ObjectId(event.payload.meetingId);
  const meeting = await findMeeting(ctx, meetingId);
  const table = meeting && (await findTable(ctx, meeting.tableId));
  if (!meeting || !table) return null;
  const convened = new Set((await convenedPeople(ctx, meeting, table)).map((p) => p.personId.toHexString()));
  // The agenda as mailed and in the invite: with "Verifica azioni" when there are action items to check.
  return { ctx, meeting: await withActionReview(ctx, meeting), table, convened };
}

function common(deps: NotifierDeps, loaded: Loaded, person: Recipient) {
  return {
    meeting: loaded.meeting,
    table: loaded.table,
    person: { name: person.name, email: person.email, locale: langOf(person.locale) },
    publicUrl: deps.config.publicUrl,
    mailFrom: deps.config.mailFrom,
    now: loaded.ctx.now(),
  };
}

/** The notices of a change, one per person convened before or after it; null when there is nothing to tell. */
async function changeMails(deps: NotifierDeps, event: DomainEvent<ChangeType>): Promise<NoticeMail[] | null> {
  const { type } = event;
  const loaded = await loadFresh(deps, event);
  if (!loaded) return null;
  const { ctx, meeting } = loaded;
  const sequence = "sequence" in event.payload ? event.payload.sequence : 0;
  // A later change is delivered after this one and will carry the sitting as it now is: one notice, not
  // an invitation to something already moved or called off.
  if (meeting.sequence > sequence) return null;
  const changes: PayloadOf<"meeting.updated">["changes"] =
    "changes" in event.payload ? event.payload.changes : {};
  const ids = event.payload.convenedPersonIds.map((hex) => new ObjectId(hex));
  const people = await peopleByIds(ctx, ids, RECIPIENT_FIELDS);
  const previous =
    type === "meeting.rescheduled" && (changes.startsAt || changes.endsAt)
      ? {
          startsAt: new Date(String(changes.startsAt?.from ?? meeting.startsAt.toISOString())),
          endsAt: new Date(String(changes.endsAt?.from ?? meeting.endsAt.toISOString())),
        }
      : null;
  const reason = "reason" in event.payload ? (event.payload.reason ?? null) : null;
  const mails: NoticeMail[] = [];
  for (const person of people) {
    if (isErased(person)) continue;
    const stillConvened = loaded.convened.has(person._id.toHexString());
    if (!stillConvened && type === "meeting.convened") continue;
    const kind: NoticeKind =
      meeting.status === "cancelled" ? "cancelled" : stillConvened ? CHANGES[type] : "withdrawn";
    const mail = meetingNoticeMail({ ...common(deps, loaded, person), kind, previous, reason });
    mails.push({ personId: person._id, mail });
  }
  return mails;
}

/** The person sent to one sitting in a referent's place gets the invitation too (DOMAIN rule 3). */
async function delegateMails(
  deps: NotifierDeps,
  event: DomainEvent<"meeting.delegate_named">,
): Promise<NoticeMail[] | null> {
  const delegateId = new ObjectId(event.payload.delegateId);
  const loaded = await loadFresh(deps, event);
  if (!loaded) return null;
  const { ctx, meeting } = loaded;
  // Named and then replaced, or a sitting since called off or over: nothing to invite to.
  if (meeting.status === "cancelled" || meeting.endsAt <= ctx.now()) return null;
  if (!loaded.convened.has(delegateId.toHexString())) return null;
  const byId = new ObjectId(event.payload.byPersonId);
  const organisationId = event.payload.organisationId ? new ObjectId(event.payload.organisationId) : null;
  const [delegate, by, organisation] = await Promise.all([
    findPerson(ctx, delegateId),
    findPerson(ctx, byId),
    organisationId ? organisationName(ctx, organisationId) : null,
  ]);
  if (!delegate || isErased(delegate)) return null;
  const delegatedBy = by ? { name: by.name, organisation } : null;
  const mail = meetingNoticeMail({ ...common(deps, loaded, delegate), kind: "delegate", delegatedBy });
  return [{ personId: delegate._id, mail }];
}
