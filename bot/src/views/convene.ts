import { ObjectId } from "mongodb";
import { channelsOfTable } from "../../../server/src/chat/index.ts";
import { AppError, errorCatalogue } from "../../../server/src/index.ts";
import { conveneMeeting, describeSlot, meetingInput } from "../../../server/src/meetings/index.ts";
import type { BotDeps } from "../deps.ts";
import { TEXT } from "../i18n.ts";
import { senderOf } from "../identity/act-as.ts";
import { FIELD } from "../ids.ts";
import { CONVENE_ERROR_FIELD, meetingBodyFromModal } from "./convene-form.ts";
import { type SubmitArgs, submitAsPerson, validationErrors } from "./submission.ts";

/** The convene modal submitted: the same use case as `POST /tables/{id}/meetings`, then a DM to the convener. */
export function submitConvene(deps: BotDeps) {
  return (args: SubmitArgs) =>
    submitAsPerson(args, deps, FIELD.table, async (who) => {
      const { tableId, body } = meetingBodyFromModal(args.view.state.values);
      if (!tableId || !ObjectId.isValid(tableId))
        return { [FIELD.table]: errorCatalogue.validation_failed[who.lang] };
      const parsed = meetingInput.safeParse(body);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
        return validationErrors(details, CONVENE_ERROR_FIELD, FIELD.title);
      }
      try {
        const meeting = await conveneMeeting({
          ctx: who.ctx,
          input: {
            tableId: new ObjectId(tableId),
            meeting: parsed.data,
            jitsiBaseUrl: deps.config.jitsiBaseUrl,
          },
        });
        const { teamId } = senderOf(args.body);
        const channels = await channelsOfTable({ ctx: who.ctx, input: { tableId: meeting.tableId, teamId } });
        const hasChannel = channels.length > 0;
        const t = TEXT[who.lang];
        const when = describeSlot(meeting.startsAt, meeting.endsAt, who.lang);
        const text = `${t.convened(meeting.title, when)}${hasChannel ? "" : `\n${t.noChannelHint}`}`;
        // After the modal closes: the confirmation must not hold up the acknowledgement.
        setImmediate(() => {
          args.client.chat.postMessage({ channel: args.body.user.id, text }).catch((error) => {
            console.error("[slack] convene confirmation failed", error);
          });
        });
        return null;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const field = CONVENE_ERROR_FIELD[error.code];
        if (error.code === "validation_failed")
          return validationErrors(error.details, CONVENE_ERROR_FIELD, FIELD.title);
        return { [field ?? FIELD.table]: errorCatalogue[error.code][who.lang] };
      }
    });
}
