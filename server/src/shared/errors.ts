/** Every error the API can return: stable machine code → HTTP status and Italian/English message. */
export const errorCatalogue = {
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
  csrf_failed: {
    status: 403,
    it: "Token CSRF mancante o non valido: ricaricare la pagina.",
    en: "Missing or invalid CSRF token: reload the page.",
  },
  cross_site_request: {
    status: 403,
    it: "Richiesta proveniente da un altro sito: aprire il link di accesso direttamente dall'email.",
    en: "Request from another site: open the login link straight from the e-mail.",
  },
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
  already_member: {
    status: 409,
    it: "L'ente ha già aderito (o ha una domanda in corso) a questo accordo.",
    en: "The organisation is already a member (or has a pending application).",
  },
  not_a_member: {
    status: 409,
    it: "L'ente non è membro di questo accordo.",
    en: "The organisation is not a member of this agreement.",
  },
  withdrawal_pending: {
    status: 409,
    it: "Il recesso dell'ente è già stato comunicato.",
    en: "The organisation's withdrawal has already been notified.",
  },
  duplicate_designation: {
    status: 409,
    it: "Questa persona è già referente dell'ente per questo tavolo nel periodo indicato.",
    en: "This person is already the organisation's referent on this table for that period.",
  },
  designation_ended: {
    status: 409,
    it: "La designazione è già terminata.",
    en: "The designation has already ended.",
  },
  concurrent_change: {
    status: 409,
    it: "Un'altra modifica è in corso sullo stesso elemento: ricaricare e riprovare.",
    en: "Another change to the same item is in progress: reload and try again.",
  },
  table_not_open_to_organisation: {
    status: 409,
    it: "Il tavolo è riservato ai soggetti fondatori: l'ente non ne fa parte.",
    en: "The table is restricted to founding parties: the organisation does not sit on it.",
  },
  nonexistent_local_time: {
    status: 400,
    it: "Questo orario non esiste in Italia quel giorno (passaggio all'ora legale): scegliere un altro orario.",
    en: "This time does not exist in Italy on that day (switch to summer time): choose another time.",
  },
  meeting_in_past: {
    status: 400,
    it: "La riunione terminerebbe nel passato.",
    en: "The meeting would end in the past.",
  },
  meeting_too_long: {
    status: 400,
    it: "Una riunione non può durare più di 24 ore.",
    en: "A meeting cannot last more than 24 hours.",
  },
  video_link_required: {
    status: 400,
    it: "Per una riunione online o ibrida serve un collegamento audio-video (generarlo o incollarlo).",
    en: "An online or hybrid meeting needs an audio-video link (generate or paste one).",
  },
  video_link_not_https: {
    status: 400,
    it: "Il collegamento audio-video deve iniziare con https://.",
    en: "The audio-video link must start with https://.",
  },
  video_link_unrecognised: {
    status: 400,
    it: "Collegamento non riconosciuto: sono accettati Teams, Google Meet, Zoom, Webex e Jitsi.",
    en: "Unrecognised link: Teams, Google Meet, Zoom, Webex and Jitsi are accepted.",
  },
  place_required: {
    status: 400,
    it: "Per una riunione in presenza o ibrida serve il luogo.",
    en: "An in-person or hybrid meeting needs a place.",
  },
  recurrence_invalid: {
    status: 400,
    it: "Regola di ricorrenza non valida (RRULE): indicare ad esempio FREQ=MONTHLY;BYDAY=1TU;COUNT=6.",
    en: "Invalid recurrence rule (RRULE): e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=6.",
  },
  recurrence_too_long: {
    status: 400,
    it: "La ricorrenza genera troppe riunioni (massimo 52): indicare COUNT o UNTIL.",
    en: "The recurrence yields too many meetings (at most 52): give COUNT or UNTIL.",
  },
  rsvp_deadline_after_start: {
    status: 400,
    it: "Il termine per le conferme deve precedere l'inizio della riunione.",
    en: "The RSVP deadline must precede the start of the meeting.",
  },
  meeting_cancelled: {
    status: 409,
    it: "La riunione è stata annullata.",
    en: "The meeting has been cancelled.",
  },
  meeting_over: {
    status: 409,
    it: "La riunione si è già svolta: non si può più modificare.",
    en: "The meeting has already taken place: it can no longer be changed.",
  },
  rsvp_closed: {
    status: 409,
    it: "Il termine per confermare la partecipazione è scaduto.",
    en: "The deadline to confirm attendance has passed.",
  },
  not_convened: {
    status: 403,
    it: "La persona non è convocata a questa riunione.",
    en: "The person is not convened to this meeting.",
  },
  delegate_required: {
    status: 400,
    it: "Con la delega va indicata la persona delegata.",
    en: "A delegation needs the delegate person.",
  },
  delegate_invalid: {
    status: 400,
    it: "Non si può delegare sé stessi, né indicare un delegato senza delega.",
    en: "You cannot delegate to yourself, nor name a delegate without delegating.",
  },
  delegate_other_organisation: {
    status: 409,
    it: "Il delegato deve appartenere allo stesso ente.",
    en: "The delegate must belong to the same organisation.",
  },
  check_in_code_invalid: {
    status: 400,
    it: "Codice di registrazione errato.",
    en: "Wrong check-in code.",
  },
  check_in_closed: {
    status: 409,
    it: "La registrazione è possibile solo durante la riunione (da 30 minuti prima dell'inizio fino alla fine).",
    en: "Check-in is open only during the meeting (from 30 minutes before the start until the end).",
  },
  register_closed: {
    status: 409,
    it: "Il registro presenze è già stato chiuso.",
    en: "The attendance register has already been closed.",
  },
  register_not_open: {
    status: 409,
    it: "Il registro presenze non è ancora aperto: si compila da 30 minuti prima dell'inizio e si chiude dall'inizio della riunione.",
    en: "The attendance register is not open yet: it can be filled in from 30 minutes before the start and closed from the start.",
  },
  organisation_not_on_table: {
    status: 409,
    it: "L'ente non siede a questo tavolo.",
    en: "The organisation does not sit on this table.",
  },
  meeting_not_of_table: {
    status: 400,
    it: "La riunione indicata non è di questo tavolo.",
    en: "The meeting given is not one of this table's.",
  },
  contribution_url_required: {
    status: 400,
    it: "Serve il collegamento (http o https) al documento, dataset, buona pratica o soluzione; solo un commento può farne a meno.",
    en: "A link (http or https) to the document, dataset, good practice or solution is required; only a comment can do without.",
  },
  contribution_url_invalid: {
    status: 400,
    it: "Il collegamento deve essere un indirizzo web che inizia con http:// o https://.",
    en: "The link must be a web address starting with http:// or https://.",
  },
  contribution_withdrawn: {
    status: 409,
    it: "Il contributo è già stato ritirato.",
    en: "The contribution has already been withdrawn.",
  },
  issue_report_transition_invalid: {
    status: 409,
    it: "Passaggio di stato non consentito per la segnalazione (ad esempio da aperta a risolta senza esame).",
    en: "Status change not allowed for the issue report (e.g. from open to resolved without review).",
  },
  link_invalid: {
    status: 400,
    it: "Il link di accesso non è valido, è scaduto o è già stato usato. Richiederne uno nuovo.",
    en: "The login link is invalid, expired or already used. Request a new one.",
  },
  rate_limited: {
    status: 429,
    it: "Troppe richieste: riprovare tra qualche minuto.",
    en: "Too many requests: try again in a few minutes.",
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
  reminder_lead_time_invalid: {
    status: 400,
    it: "Ogni promemoria va da 5 minuti a 7 giorni (10080 minuti) prima della riunione, in minuti interi.",
    en: "Each reminder must be from 5 minutes to 7 days (10080 minutes) before the meeting, in whole minutes.",
  },
  reminder_too_many: {
    status: 400,
    it: "Si possono impostare al massimo 4 promemoria per riunione.",
    en: "At most 4 reminders per meeting can be set.",
  },
  minutes_too_early: {
    status: 409,
    it: "Il verbale si può redigere solo dall'inizio della riunione.",
    en: "Minutes can be drafted only once the meeting has started.",
  },
  minutes_approved: {
    status: 409,
    it: "Il verbale è già stato approvato e non si può più modificare.",
    en: "The minutes have been approved and can no longer be changed.",
  },
  minutes_version_conflict: {
    status: 409,
    it: "Il verbale è stato modificato nel frattempo: ricaricarlo e riapplicare le modifiche.",
    en: "The minutes were changed in the meantime: reload them and apply your changes again.",
  },
  minutes_already_in_review: {
    status: 409,
    it: "Il verbale è già in revisione.",
    en: "The minutes are already under review.",
  },
  minutes_not_in_review: {
    status: 409,
    it: "Il verbale va messo in revisione prima di essere approvato.",
    en: "The minutes must be put under review before they can be approved.",
  },
  minutes_not_shared: {
    status: 403,
    it: "Il verbale non è ancora condiviso: in bozza lo vedono solo i coordinatori, in revisione solo i partecipanti del tavolo.",
    en: "The minutes are not shared yet: drafts are for the coordinators only, minutes under review for the table's participants only.",
  },
  minutes_item_unknown: {
    status: 400,
    it: "Il punto indicato non è all'ordine del giorno di questa riunione.",
    en: "The item given is not on this meeting's agenda.",
  },
  internal: { status: 500, it: "Errore interno.", en: "Internal error." },
} as const satisfies Record<string, { status: number; it: string; en: string }>;

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
