import { actionItemErrors } from "../action-items/errors.ts";
import { attachmentErrors } from "../attachments/errors.ts";
import { attendanceErrors } from "../attendance/errors.ts";
import { authErrors } from "../auth/errors.ts";
import { contributionErrors } from "../contributions/errors.ts";
import { deadlineErrors } from "../deadlines/errors.ts";
import { designationErrors } from "../designations/errors.ts";
import { dispatchErrors } from "../dispatch/errors.ts";
import { idempotencyErrors } from "../idempotency/errors.ts";
import { issueReportErrors } from "../issue-reports/errors.ts";
import { meetingErrors } from "../meetings/errors.ts";
import { membershipErrors } from "../memberships/errors.ts";
import { minutesErrors } from "../minutes/errors.ts";
import { proposalErrors } from "../proposals/errors.ts";
import { pushErrors } from "../push/errors.ts";
import { reminderErrors } from "../reminders/errors.ts";
import { reportErrors } from "../reports/errors.ts";
import { rsvpActionErrors } from "../rsvp-actions/errors.ts";
import { rsvpErrors } from "../rsvps/errors.ts";
import { serviceErrors } from "../services/errors.ts";
import { tableErrors } from "../tables/errors.ts";
import { workPlanErrors } from "../work-plans/errors.ts";

/** One catalogue entry: HTTP status and the Italian and English message. */
export type ErrorEntry = { status: number; it: string; en: string };

/** The codes no single feature owns: input, identity and authorisation, concurrency, transport. */
const genericErrors = {
  validation_failed: { status: 400, it: "Dati non validi.", en: "Invalid input." },
  invalid_json: {
    status: 400,
    it: "Il corpo della richiesta non è JSON valido.",
    en: "The request body is not valid JSON.",
  },
  invalid_id: { status: 400, it: "Identificativo non valido.", en: "Invalid identifier." },
  invalid_cursor: { status: 400, it: "Cursore di paginazione non valido.", en: "Invalid pagination cursor." },
  date_in_future: {
    status: 400,
    it: "La data non può essere nel futuro.",
    en: "The date cannot be in the future.",
  },
  date_in_past: {
    status: 400,
    it: "La data non può essere nel passato.",
    en: "The date cannot be in the past.",
  },
  backdating_reason_required: {
    status: 400,
    it: "Per registrare un atto con una data passata va indicato il motivo (ad esempio il protocollo dell'atto).",
    en: "Recording an act with a past date needs a reason (e.g. the act's protocol reference).",
  },
  date_order: {
    status: 400,
    it: "La data di fine precede quella di inizio.",
    en: "The end date precedes the start date.",
  },
  unauthenticated: { status: 401, it: "Accesso richiesto.", en: "Login required." },
  forbidden: { status: 403, it: "Operazione non consentita.", en: "Operation not allowed." },
  other_organisation: {
    status: 403,
    it: "Un referente può agire solo per il proprio ente.",
    en: "A referent may act only for their own organisation.",
  },
  backdating_not_allowed: {
    status: 403,
    it: "Un referente registra l'atto con la data di oggi: una data passata la può registrare solo chi amministra l'accordo (o coordina il tavolo, per le designazioni).",
    en: "A referent records the act with today's date: only the agreement's admins (or the table's coordinators, for designations) may record an earlier date.",
  },
  not_found: { status: 404, it: "Risorsa non trovata.", en: "Resource not found." },
  route_not_found: { status: 404, it: "Percorso inesistente.", en: "No such route." },
  conflict: {
    status: 409,
    it: "Esiste già un elemento con questi dati.",
    en: "An item with these data already exists.",
  },
  concurrent_change: {
    status: 409,
    it: "Un'altra modifica è in corso sullo stesso elemento: ricaricare e riprovare.",
    en: "Another change to the same item is in progress: reload and try again.",
  },
  payload_too_large: { status: 413, it: "Richiesta troppo grande.", en: "Request too large." },
  unsupported_media_type: {
    status: 415,
    it: "Formato non supportato: inviare JSON.",
    en: "Unsupported media type: send JSON.",
  },
  database_unavailable: {
    status: 503,
    it: "Database non raggiungibile: riprovare più tardi.",
    en: "Database unreachable: try again later.",
  },
  internal: { status: 500, it: "Errore interno.", en: "Internal error." },
} as const satisfies Record<string, ErrorEntry>;

/**
 * Every error the API can return: stable machine code → HTTP status and Italian/English message.
 * Each feature declares its own codes in its `errors.ts`; they are merged here into one typed union.
 */
export const errorCatalogue = {
  ...genericErrors,
  ...authErrors,
  ...membershipErrors,
  ...designationErrors,
  ...tableErrors,
  ...reportErrors,
  ...meetingErrors,
  ...rsvpErrors,
  ...rsvpActionErrors,
  ...attendanceErrors,
  ...contributionErrors,
  ...issueReportErrors,
  ...reminderErrors,
  ...pushErrors,
  ...minutesErrors,
  ...dispatchErrors,
  ...idempotencyErrors,
  ...attachmentErrors,
  ...workPlanErrors,
  ...deadlineErrors,
  ...serviceErrors,
  ...actionItemErrors,
  ...proposalErrors,
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

/** The one exception type of the domain and the API; turned into `{ error: { code, message, details } }` at the edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly status: number;
  constructor(code: ErrorCode, details?: unknown) {
    super(errorCatalogue[code].en);
    this.code = code;
    this.details = details ?? null;
    this.status = errorCatalogue[code].status;
  }
}

/**
 * True for a MongoDB duplicate-key error (E11000: a unique index rejected the write).
 */
export function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  return (error as { code?: unknown }).code === 11000;
}

/** Awaits a write, turning a unique-index refusal into the given domain error (and nothing else). */
export async function refusingDuplicates<T>(
  write: Promise<T>,
  code: ErrorCode,
  details?: unknown,
): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError(code, details);
    throw error;
  }
}
