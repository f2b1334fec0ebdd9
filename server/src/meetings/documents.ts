import type { Db, ObjectId } from "mongodb";

export type MeetingMode = "in_presenza" | "online" | "ibrida";

export type VideoProvider = "jitsi" | "teams" | "meet" | "zoom" | "webex";

/** How many member organisations must be represented: none, a majority of the table's members, or a fixed number. */
export type QuorumRule = { kind: "none" } | { kind: "majority" } | { kind: "fixed"; organisations: number };

export type AgendaItemDoc = {
  _id: ObjectId;
  title: string;
  presenter: string | null;
  attachments: { title: string; url: string }[];
  /** riservato: never in channels, feeds, push text or exports for non-members (DOMAIN rule 10). */
  confidential: boolean;
};

export type MeetingDoc = {
  _id: ObjectId;
  agreementId: ObjectId;
  tableId: ObjectId;
  /** Shared by the meetings created from one recurrence rule. */
  seriesId: ObjectId | null;
  title: string;
  /** UTC instants; shown in Europe/Rome. */
  startsAt: Date;
  endsAt: Date;
  mode: MeetingMode;
  place: { address: string; room: string | null } | null;
  /** Shown only to the people convened. */
  videoLink: { url: string; provider: VideoProvider; generated: boolean } | null;
  agenda: AgendaItemDoc[];
  rsvpDeadline: Date | null;
  quorum: QuorumRule;
  status: "convened" | "cancelled";
  /** iCalendar SEQUENCE: raised by every change a calendar must pick up. */
  sequence: number;
  /** Short code the coordinator shows in the room so referents can check themselves in. */
  checkInCode: string;
  cancellation: { at: Date; reason: string | null } | null;
  /** The attendance register once the coordinator closes it, with the quorum it reached. */
  register: {
    closedAt: Date;
    closedBy: ObjectId;
    attendees: number;
    quorum: QuorumOutcome;
  } | null;
  createdBy: ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

export type QuorumOutcome = {
  rule: QuorumRule;
  memberOrganisations: number;
  representedOrganisations: number;
  required: number;
  reached: boolean;
};

/** Typed handles on the collections the meetings feature owns; the only place their names are spelled. */
export function meetingCollections(db: Db) {
  return {
    meetings: db.collection<MeetingDoc>("meetings"),
  };
}
