import { DateTime } from "luxon";
import { tableOfChannel } from "../../../server/src/chat/index.ts";
import { mySeats } from "../../../server/src/designations/index.ts";
import { ZONE } from "../../../server/src/meetings/index.ts";
import { getReminderPreferences } from "../../../server/src/reminders/index.ts";
import { matchTableName, tablesOrganisedByMe } from "../../../server/src/tables/index.ts";
import { conveneModal } from "../blocks/convene-modal.ts";
import { escapeMrkdwn } from "../blocks/format.ts";
import { contributionModal, reportModal } from "../blocks/referent-modals.ts";
import { remindersModal } from "../blocks/reminders-modal.ts";
import { TEXT } from "../i18n.ts";
import { asPerson, type CommandCall, say } from "./context.ts";

/** `/tavoli convoca [tavolo]`: the modal, preset to the named table or to the channel's table. */
export function openConvene(call: CommandCall) {
  return asPerson(call, async (who) => {
    const t = TEXT[who.lang];
    const tables = await tablesOrganisedByMe({ ctx: who.ctx });
    if (tables.length === 0) return say(call.respond, t.noTablesToConvene);
    const typed = call.args.join(" ");
    let selected: string | undefined;
    if (typed) {
      const matches = matchTableName(tables, typed);
      if (matches.length === 0) return say(call.respond, t.tableNotFound(escapeMrkdwn(typed)));
      if (matches.length > 1)
        return say(call.respond, t.tableAmbiguous(matches.slice(0, 10).map((m) => m.name)));
      selected = matches[0]?._id.toHexString();
    } else {
      const { team_id: teamId, channel_id: channelId } = call.command;
      selected = (await tableOfChannel({ ctx: who.ctx, input: { teamId, channelId } }))?.toHexString();
    }
    const nextWeek = DateTime.fromJSDate(call.deps.now(), { zone: ZONE }).plus({ days: 7 }).toISODate() ?? "";
    const view = conveneModal({
      lang: who.lang,
      tables: tables.map((table) => ({ id: table._id.toHexString(), name: table.name })),
      selectedTableId: selected,
      defaultDate: nextWeek,
    });
    await call.client.views.open({ trigger_id: call.command.trigger_id, view });
  });
}

/** `/tavoli segnala` and `/tavoli contributo`: the referent's seats decide which tables are offered. */
export function openReferentModal(kind: "report" | "contribution") {
  return (call: CommandCall) =>
    asPerson(call, async (who) => {
      const seats = await mySeats({ ctx: who.ctx });
      if (seats.length === 0) return say(call.respond, TEXT[who.lang].notReferent);
      const { team_id: teamId, channel_id: channelId } = call.command;
      const linked = await tableOfChannel({ ctx: who.ctx, input: { teamId, channelId } });
      const here = seats.find((s) => s.tableId === linked?.toHexString());
      const initialSeat = here ? `${here.tableId}:${here.organisationId}` : undefined;
      const url = call.args.find((word) => /^<?https?:\/\//.test(word))?.replace(/^<|>$/g, "");
      const view =
        kind === "report"
          ? reportModal({ lang: who.lang, seats, initialSeat })
          : contributionModal({ lang: who.lang, seats, initialSeat, initialUrl: url });
      await call.client.views.open({ trigger_id: call.command.trigger_id, view });
    });
}

/** `/tavoli promemoria`: the person's reminder preferences in a modal. */
export function openReminders(call: CommandCall) {
  return asPerson(call, async (who) => {
    const preferences = await getReminderPreferences({ ctx: who.ctx });
    await call.client.views.open({
      trigger_id: call.command.trigger_id,
      view: remindersModal({ lang: who.lang, preferences }),
    });
  });
}
