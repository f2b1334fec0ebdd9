import type { MeetingDoc } from "../meetings/documents.ts";
import { romeIso } from "../meetings/local-time.ts";
import type { TableDoc } from "../tables/documents.ts";
import type { MinutesDoc } from "./documents.ts";
import type { MinutesViewer } from "./rules.ts";

/**
 * JSON view of the minutes for a viewer: confidential items (title and summary) only for the table's
 * participants (DOMAIN rule 10); `people` names the persons action items are assigned to.
 */
export function presentMinutes(data: {
  minutes: MinutesDoc;
  meeting: MeetingDoc;
  table: TableDoc;
  viewer: MinutesViewer;
  people: Map<string, string>;
}) {
  const { minutes, meeting, viewer } = data;
  const items = minutes.items
    .map((item, index) => ({ item, position: index + 1 }))
    .filter(({ item }) => viewer.participant || !item.confidential);
  return {
    id: minutes._id.toHexString(),
    meetingId: minutes.meetingId.toHexString(),
    tableId: minutes.tableId.toHexString(),
    agreementId: minutes.agreementId.toHexString(),
    meeting: {
      title: meeting.title,
      tableName: data.table.name,
      startsAt: meeting.startsAt.toISOString(),
      startsAtLocal: romeIso(meeting.startsAt),
    },
    status: minutes.status,
    version: minutes.version,
    attendees: minutes.attendees.map((a) => ({
      personId: a.personId.toHexString(),
      name: a.name,
      organisationId: a.organisationId?.toHexString() ?? null,
      organisationName: a.organisationName,
      mode: a.mode,
      arrivedLate: a.arrivedLate,
      leftEarly: a.leftEarly,
    })),
    items: items.map(({ item, position }) => ({
      agendaItemId: item.agendaItemId.toHexString(),
      position,
      title: item.title,
      summary: item.summary,
      confidential: item.confidential,
    })),
    hiddenItems: minutes.items.length - items.length,
    decisions: minutes.decisions.map((d) => ({ text: d.text })),
    actionItems: minutes.actionItems.map((a) => ({
      what: a.what,
      who:
        "personId" in a.who
          ? {
              personId: a.who.personId.toHexString(),
              text: data.people.get(a.who.personId.toHexString()) ?? "",
            }
          : { personId: null, text: a.who.text },
      due: a.due,
    })),
    notes: minutes.notes,
    draftedById: minutes.draftedById.toHexString(),
    approvedAt: minutes.approvedAt?.toISOString() ?? null,
    approvedById: minutes.approvedById?.toHexString() ?? null,
    viewer,
    createdAt: minutes.createdAt.toISOString(),
    updatedAt: minutes.updatedAt.toISOString(),
  };
}

export type PresentedMinutes = ReturnType<typeof presentMinutes>;
