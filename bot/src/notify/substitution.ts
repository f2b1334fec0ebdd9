import { ObjectId } from "mongodb";
import { collections } from "../../../server/src/db/collections.ts";
import { escapeMrkdwn } from "../blocks/format.ts";
import type { BotDeps } from "../deps.ts";
import { TEXT } from "../i18n.ts";
import { postToTable } from "./table-notices.ts";

type SubstitutionPayload = {
  tableId: string;
  organisationId: string;
  previousPersonId: string;
  newPersonId: string;
};

/** DOMAIN rule 3: a referent's substitution is announced to the other participants, in the table's channels. */
export async function announceSubstitution(deps: BotDeps, payload: SubstitutionPayload): Promise<void> {
  const tableId = new ObjectId(payload.tableId);
  if ((await deps.store.channels.countDocuments({ tableId })) === 0) return;
  const c = collections(deps.db);
  const [table, organisation, before, after] = await Promise.all([
    c.tables.findOne({ _id: tableId }),
    c.organisations.findOne({ _id: new ObjectId(payload.organisationId) }),
    c.people.findOne({ _id: new ObjectId(payload.previousPersonId) }),
    c.people.findOne({ _id: new ObjectId(payload.newPersonId) }),
  ]);
  const text = TEXT.it.substitution(
    escapeMrkdwn(organisation?.name ?? "?"),
    escapeMrkdwn(before?.name ?? "?"),
    escapeMrkdwn(after?.name ?? "?"),
    escapeMrkdwn(table?.name ?? "?"),
  );
  await postToTable(deps, tableId, text);
}
