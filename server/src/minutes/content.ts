import type { z } from "@hono/zod-openapi";
import type { MeetingDoc } from "../meetings/documents.ts";
import { registeredPeople } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import type { minutesInput } from "./contracts.ts";
import type { MinutesDoc } from "./documents.ts";

/** What an edit of the minutes carries (the whole content: PUT replaces it). */
export type MinutesContent = Omit<z.output<typeof minutesInput>, "version">;

/**
 * One item per agenda item, in agenda order, with the title and confidentiality of the agenda (so a
 * confidential item's summary is confidential) and the summary given for it, or an empty one.
 */
export function alignItems(meeting: MeetingDoc, given: MinutesContent["items"]): MinutesDoc["items"] {
  const onAgenda = new Set(meeting.agenda.map((item) => item._id.toHexString()));
  const summaries = new Map<string, string>();
  for (const item of given) {
    const hex = item.agendaItemId.toHexString();
    if (!onAgenda.has(hex)) throw new AppError("minutes_item_unknown", { agendaItemId: hex });
    summaries.set(hex, item.summary);
  }
  return meeting.agenda.map((item) => ({
    agendaItemId: item._id,
    title: item.title,
    summary: summaries.get(item._id.toHexString()) ?? "",
    confidential: item.confidential,
  }));
}

/** Action items as stored; a person named as owner must exist (404 otherwise). */
export async function checkedActionItems(
  ctx: Ctx,
  given: MinutesContent["actionItems"],
): Promise<MinutesDoc["actionItems"]> {
  const items: MinutesDoc["actionItems"] = given.map((item) => ({
    what: item.what,
    who: typeof item.who === "string" ? { text: item.who } : { personId: item.who.personId },
    due: item.due,
  }));
  const personIds = items.flatMap((item) => ("personId" in item.who ? [item.who.personId] : []));
  if (personIds.length > 0) {
    const known = await registeredPeople(ctx, personIds);
    const missing = personIds.find((id) => !known.has(id.toHexString()));
    if (missing) throw new AppError("not_found", { entity: "person", id: missing.toHexString() });
  }
  return items;
}
