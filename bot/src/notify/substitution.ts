import { ObjectId } from "mongodb";
import { channelsOfTable } from "../../../server/src/chat/index.ts";
import type { PayloadOf } from "../../../server/src/index.ts";
import { noticeNames } from "../../../server/src/notifications/index.ts";
import { escapeMrkdwn } from "../blocks/format.ts";
import type { BotDeps } from "../deps.ts";
import { TEXT } from "../i18n.ts";
import { postToTable } from "./table-notices.ts";

type SubstitutionPayload = PayloadOf<"referent.substituted">;

/** DOMAIN rule 3: a referent's substitution is announced to the other participants, in the table's channels. */
export async function announceSubstitution(
  deps: BotDeps,
  payload: SubstitutionPayload,
  eventKey: string,
): Promise<void> {
  const tableId = new ObjectId(payload.tableId);
  const ctx = deps.system();
  if ((await channelsOfTable({ ctx, input: { tableId } })).length === 0) return;
  const { organisationId, previousPersonId, newPersonId } = payload;
  const names = await noticeNames({
    ctx,
    input: {
      tableIds: [tableId],
      organisationIds: [new ObjectId(organisationId)],
      personIds: [new ObjectId(previousPersonId), new ObjectId(newPersonId)],
    },
  });
  const name = (hex: string) => escapeMrkdwn(names.get(hex) ?? "?");
  const text = TEXT.it.substitution(
    name(organisationId),
    name(previousPersonId),
    name(newPersonId),
    name(payload.tableId),
  );
  await postToTable(deps, { tableId, text, eventKey });
}
