import { DateTime } from "luxon";
import { ZONE } from "../../../server/src/meetings/index.ts";
import { DURATIONS } from "../blocks/convene-modal.ts";
import { FIELD } from "../ids.ts";
import { fieldValue, type ViewState } from "./state.ts";

/** The API's meeting body built from the convene modal (validated by the API's own schema afterwards). */
export function meetingBodyFromModal(values: ViewState) {
  const get = (field: string) => fieldValue(values, field);
  const date = get(FIELD.date);
  const time = get(FIELD.time);
  const minutes = Number(get(FIELD.duration) ?? 120);
  const duration = (DURATIONS as readonly number[]).includes(minutes) ? minutes : 120;
  const start = DateTime.fromISO(`${date}T${time}`, { zone: ZONE });
  const place = get(FIELD.place);
  const videoChoice = get(FIELD.videoChoice) ?? "none";
  const videoUrl = get(FIELD.videoUrl);
  return {
    tableId: get(FIELD.table),
    body: {
      title: get(FIELD.title) ?? "",
      // Wall-clock time in Italy without offset: the API reads it as Europe/Rome and refuses a DST gap.
      startsAt: `${date}T${time}`,
      endsAt: start.isValid ? start.plus({ minutes: duration }).toISO({ suppressMilliseconds: true }) : "",
      mode: get(FIELD.mode) ?? "ibrida",
      place: place ? splitPlace(place) : null,
      videoLink:
        videoChoice === "generate"
          ? { generate: true }
          : videoChoice === "paste"
            ? { url: videoUrl ?? "" }
            : null,
      agenda: agendaFromText(get(FIELD.agenda) ?? ""),
    },
  };
}

const CONFIDENTIAL_PREFIX = /^(riservato|confidential)\s*:\s*/i;

/** One agenda item per line; «riservato:» at the start marks it confidential. */
export function agendaFromText(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim().replace(/^[-•*]\s*|^\d+[.)]\s*/, ""))
    .filter((line) => line !== "")
    .map((line) => ({
      title: line.replace(CONFIDENTIAL_PREFIX, ""),
      confidential: CONFIDENTIAL_PREFIX.test(line),
    }));
}

/** "Municipio, Piazza Umberto I 1 — Sala giunta": the part after a dash is the room. */
function splitPlace(text: string) {
  const [address, room] = text.split(/\s+[—–-]\s+/, 2);
  return { address: (address ?? text).trim(), room: room?.trim() || null };
}

/** Which modal field an API error belongs under. */
export const CONVENE_ERROR_FIELD: Record<string, string> = {
  meeting_in_past: FIELD.date,
  nonexistent_local_time: FIELD.time,
  date_order: FIELD.duration,
  meeting_too_long: FIELD.duration,
  place_required: FIELD.place,
  video_link_required: FIELD.videoChoice,
  video_link_not_https: FIELD.videoUrl,
  video_link_unrecognised: FIELD.videoUrl,
  forbidden: FIELD.table,
  not_found: FIELD.table,
  title: FIELD.title,
  startsAt: FIELD.date,
  endsAt: FIELD.duration,
  place: FIELD.place,
  videoLink: FIELD.videoUrl,
  agenda: FIELD.agenda,
  mode: FIELD.mode,
};
