import type { ConvenedPerson } from "../meetings/convened.ts";
import { countAnswers } from "../meetings/queries.ts";
import type { RsvpDoc } from "./documents.ts";

type Counts = ReturnType<typeof countAnswers>;

/** JSON view of a stored answer, with the sitting's counts. */
export function presentRsvp(rsvp: RsvpDoc, counts: Counts) {
  return {
    meetingId: rsvp.meetingId.toHexString(),
    personId: rsvp.personId.toHexString(),
    organisationId: rsvp.organisationId?.toHexString() ?? null,
    answer: rsvp.answer,
    delegateId: rsvp.delegateId?.toHexString() ?? null,
    answeredBy: rsvp.answeredBy.toHexString(),
    answeredAt: rsvp.answeredAt.toISOString(),
    counts,
  };
}

const byName = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, "it");

/**
 * The answers of everyone convened, by person (organisation then name, coordinators without
 * organisation last) and by organisation in name order. An organisation is represented when one of
 * its people convened, delegates included, answered presenza or remoto (audio-video counts, rule 5).
 */
export function presentMeetingRsvps(data: {
  convened: ConvenedPerson[];
  rsvps: RsvpDoc[];
  people: Map<string, string>;
  organisations: Map<string, string>;
}) {
  const answerOf = new Map(data.rsvps.map((r) => [r.personId.toHexString(), r]));
  const people = data.convened.map((person) => {
    const rsvp = answerOf.get(person.personId.toHexString()) ?? null;
    const organisationId = person.organisationId?.toHexString() ?? null;
    const delegateId = rsvp?.answer === "delega" ? (rsvp.delegateId?.toHexString() ?? null) : null;
    return {
      personId: person.personId.toHexString(),
      name: data.people.get(person.personId.toHexString()) ?? null,
      organisationId,
      organisationName: organisationId ? (data.organisations.get(organisationId) ?? null) : null,
      role: person.role,
      answer: rsvp?.answer ?? null,
      delegateId,
      delegateName: delegateId ? (data.people.get(delegateId) ?? null) : null,
      answeredAt: rsvp?.answeredAt.toISOString() ?? null,
    };
  });
  people.sort(
    (a, b) =>
      (a.organisationId === null ? 1 : 0) - (b.organisationId === null ? 1 : 0) ||
      byName(a.organisationName, b.organisationName) ||
      byName(a.name, b.name),
  );
  const organisations = new Map<string, (typeof people)[number][]>();
  for (const person of people) {
    if (person.organisationId)
      organisations.set(person.organisationId, [...(organisations.get(person.organisationId) ?? []), person]);
  }
  return {
    counts: countAnswers(data.convened, data.rsvps),
    people,
    organisations: [...organisations].map(([organisationId, members]) => {
      const answers = { presenza: 0, remoto: 0, assente: 0, delega: 0, pending: 0 };
      for (const member of members) answers[member.answer ?? "pending"] += 1;
      return {
        organisationId,
        name: data.organisations.get(organisationId) ?? null,
        represented: answers.presenza + answers.remoto > 0,
        expected: members.length,
        answers,
      };
    }),
  };
}
