import type { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import { requireExistingPeople } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { refusingDuplicates } from "../shared/errors.ts";
import { requireAgreementAdmin } from "../shared/policy.ts";
import { audited, leadMinutesOrNull } from "./change.ts";
import type { tableInput } from "./contracts.ts";
import type { TableDoc } from "./documents.ts";

/** Creates a table of the agreement (agreement admin). */
export async function createTable({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { agreementId: ObjectId; table: z.output<typeof tableInput> };
}): Promise<TableDoc> {
  const agreement = await getAgreement({ ctx, input: { id: input.agreementId } });
  requireAgreementAdmin(ctx, agreement._id);
  await requireExistingPeople(ctx, input.table.coordinatorIds);
  const now = ctx.now();
  const doc: TableDoc = {
    _id: new ObjectId(),
    agreementId: agreement._id,
    ...input.table,
    reminderLeadMinutes: leadMinutesOrNull(input.table.reminderLeadMinutes),
    materials: [],
    createdAt: now,
    updatedAt: now,
  };
  await refusingDuplicates(ctx.c.tables.insertOne(doc), "conflict", { field: "name", value: doc.name });
  await audited(ctx, "table.created", null, doc);
  return doc;
}
