/** Every `action_id`, `callback_id` and `block_id` the bot uses: one place, so listeners and builders agree. */
export const ACTION = {
  rsvpPresenza: "rsvp_presenza",
  rsvpRemoto: "rsvp_remoto",
  rsvpAssente: "rsvp_assente",
  join: "meeting_join",
  /** URL buttons still send a block_actions that must be acknowledged. */
  openTavoli: "open_tavoli",
  /** The video link button: action_ids must be unique within one actions block, so not `open_tavoli`. */
  openVideo: "open_video",
  /** "Fatta" next to one of my action items in `/tavoli azioni` (value: the item's id). */
  actionItemDone: "action_item_done",
} as const;

/** RSVP button action_id → the answer it records. */
export const RSVP_ACTIONS = {
  [ACTION.rsvpPresenza]: "presenza",
  [ACTION.rsvpRemoto]: "remoto",
  [ACTION.rsvpAssente]: "assente",
} as const;

export const VIEW = {
  convene: "convene_modal",
  report: "report_modal",
  contribution: "contribution_modal",
  reminders: "reminders_modal",
} as const;

/** Input blocks of the modals (`block_id`) and their elements (`action_id`). */
export const FIELD = {
  table: "table",
  title: "title",
  date: "date",
  time: "time",
  duration: "duration",
  mode: "mode",
  place: "place",
  videoChoice: "video_choice",
  videoUrl: "video_url",
  agenda: "agenda",
  organisation: "organisation",
  description: "description",
  severity: "severity",
  confidential: "confidential",
  kind: "kind",
  url: "url",
  leadTimes: "lead_times",
  channels: "channels",
  paused: "paused",
} as const;

export const SLASH_COMMAND = "/tavoli";

/** Message shortcut (⋯ on a message): "Registra come contributo". */
export const SHORTCUT = { contributionFromMessage: "contribution_from_message" } as const;
