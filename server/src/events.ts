import { actionItemEvents } from "./action-items/events.ts";
import { agreementEvents } from "./agreements/events.ts";
import { attachmentEvents } from "./attachments/events.ts";
import { attendanceEvents } from "./attendance/events.ts";
import { authEvents } from "./auth/events.ts";
import { contributionEvents } from "./contributions/events.ts";
import { deadlineEvents } from "./deadlines/events.ts";
import { designationEvents } from "./designations/events.ts";
import { issueReportEvents } from "./issue-reports/events.ts";
import { meetingEvents } from "./meetings/events.ts";
import { membershipEvents } from "./memberships/events.ts";
import { minutesEvents } from "./minutes/events.ts";
import { organisationEvents } from "./organisations/events.ts";
import { personEvents } from "./people/events.ts";
import { proposalEvents } from "./proposals/events.ts";
import { reminderEvents } from "./reminders/events.ts";
import { reportEvents } from "./reports/events.ts";
import { rsvpEvents } from "./rsvps/events.ts";
import { serviceEvents } from "./services/events.ts";
import type { PayloadSchema, z } from "./shared/event-schema.ts";
import type { StoredEvent } from "./shared/events.ts";
import { tableEvents } from "./tables/events.ts";
import { workPlanEvents } from "./work-plans/events.ts";

/**
 * Every feature's map of the events it records (`<feature>/events.ts`). A feature that starts to record
 * an event declares it there; `recordChange` refuses any type not in the catalogue.
 */
export const featureEvents = {
  "action-items": actionItemEvents,
  agreements: agreementEvents,
  attachments: attachmentEvents,
  attendance: attendanceEvents,
  auth: authEvents,
  contributions: contributionEvents,
  designations: designationEvents,
  "issue-reports": issueReportEvents,
  meetings: meetingEvents,
  memberships: membershipEvents,
  minutes: minutesEvents,
  organisations: organisationEvents,
  people: personEvents,
  proposals: proposalEvents,
  reminders: reminderEvents,
  reports: reportEvents,
  rsvps: rsvpEvents,
  services: serviceEvents,
  tables: tableEvents,
  "work-plans": workPlanEvents,
  deadlines: deadlineEvents,
} as const;

/** The one catalogue of domain events: type → zod schema of its payload. */
export const eventCatalogue = {
  ...actionItemEvents,
  ...agreementEvents,
  ...attachmentEvents,
  ...attendanceEvents,
  ...authEvents,
  ...contributionEvents,
  ...designationEvents,
  ...issueReportEvents,
  ...meetingEvents,
  ...membershipEvents,
  ...minutesEvents,
  ...organisationEvents,
  ...personEvents,
  ...proposalEvents,
  ...reminderEvents,
  ...reportEvents,
  ...rsvpEvents,
  ...serviceEvents,
  ...tableEvents,
  ...workPlanEvents,
  ...deadlineEvents,
};

type Catalogue = typeof eventCatalogue;

/** Every event type the domain records, e.g. `"meeting.convened"`. */
export type EventType = keyof Catalogue & string;

/** The payload an event of type `T` carries. */
export type PayloadOf<T extends EventType> = z.output<Catalogue[T]>;

/** An event as a use case hands it to `recordChange`: a type and its payload, checked against each other. */
export type EventInput<T extends EventType = EventType> = { [K in T]: { type: K; payload: PayloadOf<K> } }[T];

/**
 * A stored domain event of one of the types `T`, discriminated on `type`: after
 * `if (event.type === "meeting.convened")`, `event.payload` is that event's payload.
 */
export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: Omit<StoredEvent, "type" | "payload"> & { type: K; payload: PayloadOf<K> };
}[T];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalogue, type);
}

/** The schema of a type's payload (widened: every payload is an object). */
function schemaOf(type: EventType): PayloadSchema {
  return eventCatalogue[type];
}

/**
 * Checks an event about to be recorded against the catalogue. A type not declared, or a payload its
 * schema refuses (a missing id, a field it does not name), is a programming error: this throws, so the
 * use case fails before anything is written.
 */
export function requireCatalogued(event: { type: string; payload: unknown }): void {
  if (!isEventType(event.type))
    throw new Error(
      `event type ${event.type} is not in the catalogue: declare it in its feature's events.ts`,
    );
  const parsed = schemaOf(event.type).safeParse(event.payload);
  if (!parsed.success)
    throw new Error(`invalid ${event.type} payload: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
}

/**
 * The stored event as the domain event it is, when it is one of `types` and its payload fits its
 * schema (stored payloads were checked when recorded; this re-checks, for records older than a change of
 * schema); a string saying why not otherwise.
 */
export function domainEventOf<T extends EventType>(
  stored: StoredEvent,
  types: readonly T[],
): DomainEvent<T> | string {
  const type = types.find((t) => t === stored.type);
  if (!type) return `${stored.type} is not one of ${types.join(", ")}`;
  const parsed = schemaOf(type).safeParse(stored.payload);
  if (!parsed.success) return `invalid ${type} payload`;
  // The schema of `type` accepted the payload: TypeScript cannot pair the two through the mapped union.
  return { ...stored, type, payload: parsed.data } as DomainEvent<T>;
}
