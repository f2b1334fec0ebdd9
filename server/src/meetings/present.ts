import type { RsvpDoc } from "../rsvps/documents.ts";
import type { TableDoc } from "../tables/documents.ts";
import type { MeetingDoc } from "./documents.ts";
import { romeIso, ZONE } from "./local-time.ts";

/** What the viewer may see of a sitting (DOMAIN rule 10 and issue rule 2). */
export type MeetingView = {
  convened: boolean;
  organiser: boolean;
  /** Confidential agenda items: the table's members, the people convened and the organisers. */
  seeConfidential: boolean;
};

/** JSON view of a meeting, filtered for the viewer. */
export function presentMeeting(meeting: MeetingDoc, table: TableDoc, view: MeetingView) {
  const seeLink = view.convened || view.organiser;
  const agenda = meeting.agenda
    .map((item, index) => ({ item, position: index + 1 }))
    .filter(({ item }) => view.seeConfidential || !item.confidential);
  return {
    id: meeting._id.toHexString(),
    agreementId: meeting.agreementId.toHexString(),
    tableId: meeting.tableId.toHexString(),
    tableName: table.name,
    seriesId: meeting.seriesId?.toHexString() ?? null,
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    startsAtLocal: romeIso(meeting.startsAt),
    endsAtLocal: romeIso(meeting.endsAt),
    timeZone: ZONE as "Europe/Rome",
    mode: meeting.mode,
    place: meeting.place,
    videoLink: seeLink ? meeting.videoLink : null,
    videoLinkHidden: !seeLink && meeting.videoLink !== null,
    agenda: agenda.map(({ item, position }) => ({
      id: item._id.toHexString(),
      position,
      title: item.title,
      presenter: item.presenter,
      attachments: item.attachments,
      confidential: item.confidential,
    })),
    hiddenAgendaItems: meeting.agenda.length - agenda.length,
    rsvpDeadline: (meeting.rsvpDeadline ?? meeting.startsAt).toISOString(),
    quorum: meeting.quorum,
    status: meeting.status,
    sequence: meeting.sequence,
    cancellation: meeting.cancellation && {
      at: meeting.cancellation.at.toISOString(),
      reason: meeting.cancellation.reason,
    },
    register: meeting.register && {
      closedAt: meeting.register.closedAt.toISOString(),
      closedBy: meeting.register.closedBy.toHexString(),
      attendees: meeting.register.attendees,
      quorum: meeting.register.quorum,
    },
    checkInCode: view.organiser ? meeting.checkInCode : null,
    viewer: { convened: view.convened, organiser: view.organiser },
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}

/** The viewer's own answer, as shown next to a meeting. */
export function presentMyRsvp(rsvp: RsvpDoc | null) {
  return rsvp
    ? {
        answer: rsvp.answer,
        delegateId: rsvp.delegateId?.toHexString() ?? null,
        answeredAt: rsvp.answeredAt.toISOString(),
      }
    : null;
}
