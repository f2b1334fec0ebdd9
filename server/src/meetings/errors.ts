import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the meetings feature refuses with (merged into shared/errors.ts's one catalogue). */
export const meetingErrors = {
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
  not_convened: {
    status: 403,
    it: "La persona non è convocata a questa riunione.",
    en: "The person is not convened to this meeting.",
  },
  meeting_not_of_table: {
    status: 400,
    it: "La riunione indicata non è di questo tavolo.",
    en: "The meeting given is not one of this table's.",
  },
} as const satisfies Record<string, ErrorEntry>;
