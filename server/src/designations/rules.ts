import type { ObjectId } from "mongodb";
import type { DesignationDoc, TableDoc } from "../db/collections.ts";
import type { Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import { AppError, refusingDuplicates } from "../shared/errors.ts";
import { requireActingFor } from "../shared/policy.ts";
import { organisationSitsOnTable } from "../tables/sits-on-table.ts";
import { overlapsExisting } from "./queries.ts";

/** DOMAIN rule 4: the organisation's own referents act for it; the agreement's admins register the act it sent. */
export function requireActingForDesignation(
  ctx: Ctx,
  d: { organisationId: ObjectId; agreementId: ObjectId },
) {
  return requireActingFor(ctx, d.organisationId, { agreementId: d.agreementId, agreementAdminMay: true });
}

/** Standing designations and ends are acts for today onwards, never backdated. */
export function requireNotInPast(ctx: Ctx, date: IsoDate) {
  if (date < romeDate(ctx.now())) throw new AppError("date_in_past", { date });
}

/** A designation is closed once it has an end day (ended, substituted, or a single-meeting delegate). */
export function requireOpen(d: DesignationDoc) {
  if (d.to !== null || d.substitutedById !== null) {
    throw new AppError("designation_ended", { designationId: d._id.toHexString(), to: d.to });
  }
}

type NewDesignation = Pick<DesignationDoc, "tableId" | "organisationId" | "personId" | "from" | "to">;

/** The checks every new designation passes: the person exists, the organisation sits on the table, no overlap. */
export async function checkNewDesignation(ctx: Ctx, table: TableDoc, d: NewDesignation) {
  const person = await ctx.c.people.findOne({ _id: d.personId }, { projection: { _id: 1 } });
  if (!person) throw new AppError("not_found", { entity: "person", id: d.personId.toHexString() });
  if (!(await organisationSitsOnTable(ctx, table, d.organisationId, d.from))) {
    throw new AppError("table_not_open_to_organisation", {
      organisationId: d.organisationId.toHexString(),
      on: d.from,
    });
  }
  if (await overlapsExisting(ctx, d)) {
    throw new AppError("duplicate_designation", { personId: d.personId.toHexString() });
  }
}

/** Inserts a designation; the unique index turns a concurrent identical request into duplicate_designation. */
export async function insertDesignation(ctx: Ctx, doc: DesignationDoc) {
  await refusingDuplicates(ctx.c.designations.insertOne(doc), "duplicate_designation", {
    personId: doc.personId.toHexString(),
  });
}

/** What notifiers need to tell the table, with no contact data. */
export function designationPayload(d: DesignationDoc) {
  return {
    designationId: d._id.toHexString(),
    tableId: d.tableId.toHexString(),
    organisationId: d.organisationId.toHexString(),
    personId: d.personId.toHexString(),
    kind: d.kind,
    from: d.from,
    to: d.to,
  };
}
