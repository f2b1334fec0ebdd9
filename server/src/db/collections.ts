import type { Db, ObjectId } from "mongodb";
import type { ContributionKind, ContributionSource } from "../contributions/kinds.ts";
import type { Backdating } from "../shared/backdating.ts";
import type { IsoDate } from "../shared/dates.ts";

export type NoticeUnit = "days" | "months";

export type AgreementDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  slug: string;
  title: string;
  shortName: string;
  kind: string;
  description: string;
  signedOn: IsoDate | null;
  adhesionDelayDays: number;
  withdrawalNotice: { amount: number; unit: NoticeUnit };
  sourceRef: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type OrganisationDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  /** Unique natural key: `istat:<code>` for comuni, `ipa:<code>` when the IPA code is known, else `tavoli:<id>`. */
  key: string;
  /** The name the organisation uses in agreements, minutes and messages: never changed by an import. */
  name: string;
  kind: string;
  istatCode: string | null;
  /** The official ISTAT name ("Milano" for "Comune di Milano"), kept by the ISTAT import; absent on others. */
  istatName?: string | null;
  ipaCode: string | null;
  region: string | null;
  province: string | null;
  provinceCode: string | null;
  plate: string | null;
  cadastralCode: string | null;
  population: number | null;
  website: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type MembershipDoc = {
  _id: ObjectId;
  agreementId: ObjectId;
  organisationId: ObjectId;
  /** 0 for the first adhesion, 1 after a withdrawal and a new application…: unique with the pair, so concurrent applications cannot both win. */
  seq: number;
  founding: boolean;
  receivedOn: IsoDate;
  operativeFrom: IsoDate;
  /** Set when an admin recorded an earlier receipt date than the day of entry (absent on older records). */
  backdating?: Backdating | null;
  withdrawal: {
    noticeGivenOn: IsoDate;
    effectiveOn: IsoDate;
    reason: string | null;
    backdating?: Backdating | null;
  } | null;
  createdAt: Date;
};

export type TableAccess = "open" | "founders";

export type MaterialDoc = { _id: ObjectId; title: string; url: string; confidential: boolean; addedAt: Date };

export type TableDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  agreementId: ObjectId;
  name: string;
  kind: string;
  theme: { code: string; title: string } | null;
  access: TableAccess;
  description: string;
  coordinatorIds: ObjectId[];
  materials: MaterialDoc[];
  createdAt: Date;
  updatedAt: Date;
};

export type PersonDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  name: string;
  email: string;
  locale: "it" | "en";
  isInstallationAdmin: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Set by erasure (DOMAIN rule 11): the record stays for the acts it signed, but it can no longer act. */
  erasedAt?: Date;
};

export type DesignationDoc = {
  _id: ObjectId;
  agreementId: ObjectId;
  tableId: ObjectId;
  organisationId: ObjectId;
  personId: ObjectId;
  /** `standing` until ended or substituted; `single_meeting` is a one-sitting delegate (Reggio Emilia art. 1). */
  kind: "standing" | "single_meeting";
  meetingRef: string | null;
  from: IsoDate;
  /** Last day included; null while open-ended. */
  to: IsoDate | null;
  substitutedById: ObjectId | null;
  substitutesId: ObjectId | null;
  /** Set when an admin or coordinator recorded a designation already in force (absent on older records). */
  backdating?: Backdating | null;
  createdAt: Date;
  createdBy: ObjectId | null;
};

export type AgreementAdminDoc = { _id: ObjectId; agreementId: ObjectId; personId: ObjectId; createdAt: Date };

/**
 * One change record: the audit entry (who, what, when, before/after) and, when the change is a domain
 * fact, its event (`type` + `payload`) in the same document, so one insert stores both or neither.
 * Events are the records with a `type`; `payload` never carries confidential text or names.
 */
export type AuditDoc = {
  /** Time-ordered across instances (to the second) and strictly increasing within one process. */
  _id: ObjectId;
  at: Date;
  actorId: ObjectId | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: ObjectId;
  agreementId: ObjectId | null;
  before: unknown;
  after: unknown;
  /** The record's stream, `<entity>:<entityId>` (e.g. one meeting, one answer). */
  stream: string;
  /** 1, 2, 3… per stream with no gaps, in the order the records were stored (unique with `stream`). */
  seq: number;
  /** Domain event type, e.g. `rsvp.answered`; null for changes that are only audited (sessions, tokens). */
  type: string | null;
  payload: Record<string, unknown> | null;
};

export type LoginLinkDoc = {
  _id: ObjectId;
  tokenHash: string;
  personId: ObjectId;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
};
export type SessionDoc = {
  _id: ObjectId;
  idHash: string;
  personId: ObjectId;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
};
export type ApiTokenDoc = {
  _id: ObjectId;
  tokenHash: string;
  personId: ObjectId;
  name: string;
  createdAt: Date;
  /** Display only, to the minute: the auth middleware writes it at most once a minute. */
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};
export type RateBucketDoc = { _id: ObjectId; key: string; count: number; expiresAt: Date };
export type OutboxMailDoc = {
  _id: ObjectId;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: Date;
};
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

export type RsvpAnswer = "presenza" | "remoto" | "assente" | "delega";

/** One answer per person and meeting (unique index): changing it overwrites. */
export type RsvpDoc = {
  _id: ObjectId;
  meetingId: ObjectId;
  personId: ObjectId;
  /** The organisation the person represents at this sitting; null for coordinators without one. */
  organisationId: ObjectId | null;
  answer: RsvpAnswer;
  /** With `delega`: the person sent instead, who becomes convened for this sitting only (DOMAIN rule 3). */
  delegateId: ObjectId | null;
  answeredBy: ObjectId;
  answeredAt: Date;
};

/** Who actually attended (one row per person and meeting, unique). Audio-video attendance counts. */
export type AttendanceDoc = {
  _id: ObjectId;
  meetingId: ObjectId;
  personId: ObjectId;
  organisationId: ObjectId | null;
  mode: "presenza" | "remoto";
  arrivedLate: boolean;
  leftEarly: boolean;
  source: "coordinator" | "check_in";
  recordedBy: ObjectId;
  recordedAt: Date;
};

/** A person's calendar subscription: the token is in the feed URL and stored only hashed. */
export type CalendarFeedDoc = {
  _id: ObjectId;
  personId: ObjectId;
  tokenHash: string;
  createdAt: Date;
  revokedAt: Date | null;
};

/** A document, good practice, dataset, reusable solution or comment an organisation brings to a table. */
export type ContributionDoc = {
  _id: ObjectId;
  tableId: ObjectId;
  agreementId: ObjectId;
  /** The organisation it is brought on behalf of (DOMAIN rule 4). */
  organisationId: ObjectId;
  meetingId: ObjectId | null;
  kind: ContributionKind;
  title: string;
  description: string;
  /** http(s) only; null only for a `commento`. */
  url: string | null;
  /** riservato: only for the table's members, never in event payloads (DOMAIN rule 10). */
  confidential: boolean;
  source: ContributionSource;
  authorId: ObjectId;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  /** Soft withdrawal: the contribution stays in the history. */
  withdrawnAt: Date | null;
};

/** One person's reminder preferences; `_id` is the person's id. Absent until they change the defaults. */
export type ReminderPreferencesDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  /** Minutes before a sitting, ascending and unique, 5 to 10080, at most four. */
  leadMinutes: number[];
  channels: { email: boolean; slack: boolean; push: boolean };
  /** "Non disturbare": no reminders while true. */
  paused: boolean;
  updatedAt: Date;
};

export type IssueSeverity = "bassa" | "media" | "alta";
export type IssueStatus = "aperta" | "in_esame" | "inoltrata" | "risolta" | "respinta";

/** A critical issue (segnalazione) raised by a referent for their organisation, triaged by the table (DOMAIN rule 8). */
export type IssueReportDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  tableId: ObjectId;
  agreementId: ObjectId;
  organisationId: ObjectId;
  meetingId: ObjectId | null;
  /** Per-table number shown as #3; unique with tableId. */
  seq: number;
  title: string;
  description: string;
  severity: IssueSeverity;
  /** riservato: never in event payloads, mail, feeds or to non-members (DOMAIN rule 10). */
  confidential: boolean;
  status: IssueStatus;
  history: {
    at: Date;
    byId: ObjectId;
    byName: string;
    from: IssueStatus;
    to: IssueStatus;
    note: string | null;
  }[];
  raisedById: ObjectId;
  raisedByName: string;
  createdAt: Date;
  updatedAt: Date;
};

/** Minutes (verbale) life cycle: drafted, circulated for review, approved (then frozen). */
export type MinutesStatus = "bozza" | "in_revisione" | "approvato";

/** Who attended, as copied from the attendance register when the minutes were last drafted. */
export type MinutesAttendee = {
  personId: ObjectId;
  name: string;
  organisationId: ObjectId | null;
  organisationName: string | null;
  mode: "presenza" | "remoto";
  arrivedLate: boolean;
  leftEarly: boolean;
};

/** The minutes of one sitting (unique per meeting, DOMAIN rule 6). */
export type MinutesDoc = {
  _id: ObjectId;
  meetingId: ObjectId;
  tableId: ObjectId;
  agreementId: ObjectId;
  status: MinutesStatus;
  attendees: MinutesAttendee[];
  /** One per agenda item, in agenda order; a confidential item's summary is confidential (rule 10). */
  items: { agendaItemId: ObjectId; title: string; summary: string; confidential: boolean }[];
  decisions: { text: string }[];
  actionItems: { what: string; who: { personId: ObjectId } | { text: string }; due: IsoDate | null }[];
  notes: string;
  /** Raised by every edit of the content; a stale one is refused (optimistic concurrency). */
  version: number;
  /** Who wrote the current version. */
  draftedById: ObjectId;
  approvedAt: Date | null;
  approvedById: ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
};

export type LockDoc = { _id: string; takenAt: Date; owner: string };

/** Typed handles on every collection; the only place collection names are spelled. */
export function collections(db: Db) {
  return {
    agreements: db.collection<AgreementDoc>("agreements"),
    organisations: db.collection<OrganisationDoc>("organisations"),
    memberships: db.collection<MembershipDoc>("memberships"),
    tables: db.collection<TableDoc>("tables"),
    people: db.collection<PersonDoc>("people"),
    designations: db.collection<DesignationDoc>("designations"),
    agreementAdmins: db.collection<AgreementAdminDoc>("agreementAdmins"),
    /** Audit entries with their domain events (see `AuditDoc`); written only by `recordChange`. */
    audit: db.collection<AuditDoc>("auditLog"),
    loginLinks: db.collection<LoginLinkDoc>("loginLinks"),
    sessions: db.collection<SessionDoc>("sessions"),
    apiTokens: db.collection<ApiTokenDoc>("apiTokens"),
    rateBuckets: db.collection<RateBucketDoc>("rateBuckets"),
    outbox: db.collection<OutboxMailDoc>("devOutbox"),
    locks: db.collection<LockDoc>("locks"),
    meetings: db.collection<MeetingDoc>("meetings"),
    rsvps: db.collection<RsvpDoc>("rsvps"),
    attendance: db.collection<AttendanceDoc>("attendance"),
    calendarFeeds: db.collection<CalendarFeedDoc>("calendarFeeds"),
    contributions: db.collection<ContributionDoc>("contributions"),
    minutes: db.collection<MinutesDoc>("minutes"),
    reminderPreferences: db.collection<ReminderPreferencesDoc>("reminderPreferences"),
    issueReports: db.collection<IssueReportDoc>("issueReports"),
  };
}

export type Collections = ReturnType<typeof collections>;
