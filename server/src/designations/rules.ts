import type { ObjectId } from "mongodb";
import { organisationSitsOnTable } from "../memberships/queries.ts";
import { personExists } from "../people/queries.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import { AppError, refusingDuplicates } from "../shared/errors.ts";
import { isAgreementAdmin, requireActingFor, requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import { isColleague } from "./colleagues.ts";
import type { DesignationDoc } from "./documents.ts";
import { overlapsExisting } from "./queries.ts";

type DesignationScope = { organisationId: ObjectId; agreementId: ObjectId; tableId: ObjectId };

/**
 * Who records the acts organisations send rather than acting for one: the agreement's admins and the
 * table's coordinators. They may date a designation from the act itself (see checkBackdating).
 */
export function recordsActsFor(actor: Actor, d: DesignationScope): boolean {
  return isAgreementAdmin(actor, d.agreementId) || actor.coordinatorOf.includes(d.tableId.toHexString());
}

/**
 * DOMAIN rule 4: the organisation's own referents act for it; the agreement's admins and the table's
 * coordinators register the act it sent. Returns the actor and whether they record acts (not a referent's own).
 */
export function requireActingForDesignation(ctx: Ctx, d: DesignationScope) {
  const actor = requireActor(ctx);
  if (recordsActsFor(actor, d)) return { actor, recordsActs: true };
  return { actor: requireActingFor(ctx, d.organisationId), recordsActs: false };
}

/**
 * DOMAIN rule 3 (Reggio Emilia art. 1): the organisation sends one of its own to a sitting. A referent
 * naming a single-sitting delegate names a colleague (see isColleague); admins and coordinators
 * record whom the organisation sent.
 */
export async function requireColleagueDelegate(
  ctx: Ctx,
  d: { personId: ObjectId; organisationId: ObjectId },
) {
  if (await isColleague(ctx, d.personId, d.organisationId)) return;
  throw new AppError("delegate_other_organisation", {
    delegateId: d.personId.toHexString(),
    organisationId: d.organisationId.toHexString(),
  });
}

/** Ends are acts for today onwards, never backdated. */
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
  if (!(await personExists(ctx, d.personId)))
    throw new AppError("not_found", { entity: "person", id: d.personId.toHexString() });
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
