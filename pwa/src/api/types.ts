/** The shapes of the API answers the app reads (see /api/v1/openapi.json for the whole schemas). */

export type RsvpAnswer = "presenza" | "remoto" | "assente" | "delega";

export type Counts = Record<RsvpAnswer | "pending" | "convened", number>;

export type AgendaItem = {
  id: string;
  position: number;
  title: string;
  presenter: string | null;
  attachments: Array<{ title: string; url: string }>;
  confidential: boolean;
};

export type Meeting = {
  id: string;
  tableId: string;
  tableName: string;
  title: string;
  startsAt: string;
  endsAt: string;
  mode: "in_presenza" | "online" | "ibrida";
  place: { address: string; room: string | null } | null;
  videoLink: { url: string; provider: string } | null;
  agenda: AgendaItem[];
  hiddenAgendaItems: number;
  rsvpDeadline: string;
  status: "convened" | "cancelled";
  checkInCode: string | null;
  viewer: { convened: boolean; organiser: boolean };
  myRsvp: { answer: RsvpAnswer; delegateId: string | null; answeredAt: string } | null;
  counts?: Counts;
};

export type RsvpList = {
  counts: Counts;
  people: Array<{
    personId: string;
    name: string | null;
    organisationId: string | null;
    organisationName: string | null;
    answer: RsvpAnswer | null;
    delegateName: string | null;
  }>;
  organisations: Array<{ organisationId: string; name: string | null; represented: boolean }>;
};

export type Session = {
  person: { id: string; name: string; email: string; locale: "it" | "en" };
  roles: { isInstallationAdmin: boolean; coordinatorOf: string[]; referentFor: string[] };
  csrfToken: string;
};

export type Me = {
  id: string;
  name: string;
  email: string;
  locale: "it" | "en";
  coordinatorOf: string[];
  referentFor: string[];
};

export type Contribution = {
  id: string;
  kind: "documento" | "buona_pratica" | "dataset" | "soluzione" | "commento";
  title: string;
  url: string | null;
  organisationName: string | null;
  authorName: string;
  createdAt: string;
  withdrawnAt: string | null;
};

export type IssueStatus = "aperta" | "in_esame" | "inoltrata" | "risolta" | "respinta";

export type IssueReport = {
  id: string;
  seq: number;
  title: string;
  description?: string;
  severity: "bassa" | "media" | "alta";
  status: IssueStatus;
  organisationName: string | null;
  createdAt: string;
};

export type Minutes = {
  status: "bozza" | "in_revisione" | "approvato";
  meeting: { title: string; tableName: string; startsAt: string };
  attendees: Array<{ name: string; organisationName: string | null; mode: string }>;
  items: Array<{ agendaItemId: string; position: number; title: string; summary: string }>;
  hiddenItems: number;
  decisions: Array<{ text: string }>;
  actionItems: Array<{ what: string; who: { personId: string | null; text: string }; due: string | null }>;
  notes: string;
};

export type ReminderPreferences = {
  leadMinutes: number[];
  leadLabels: string[];
  /** tables: each table's lead times apply (leadMinutes is then the product's default). */
  leadMinutesFrom: "person" | "tables";
  channels: { email: boolean; slack: boolean; push: boolean };
  paused: boolean;
  /** HH:MM in Europe/Rome. */
  quietHours: { from: string; to: string } | null;
};

export type SentNotification = {
  id: string;
  kind: "before" | "confirm" | "cancelled";
  channel: "push" | "slack" | "email";
  meetingId: string;
  title: string;
  tableName: string;
  sentAt: string;
};

export type Designation = {
  tableId: string;
  organisationId: string;
  organisationName: string | null;
  personId: string;
  to: string | null;
};

export type ApiErrorBody = { error: { code: string; message: string } };
