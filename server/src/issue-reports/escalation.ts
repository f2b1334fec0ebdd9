import type { ObjectId } from "mongodb";
import { standingReferentsOn } from "../designations/queries.ts";
import { isOrganiser } from "../meetings/access.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import type { TableDoc } from "../tables/documents.ts";
import { findTable } from "../tables/queries.ts";
import { steeringTableOf } from "../tables/steering.ts";
import { canSeeConfidential } from "../tables/visibility.ts";
import type { IssueReportDoc } from "./documents.ts";

/**
 * Where an escalation goes (DOMAIN rule 8): the agreement's steering body, never the reporting table
 * itself. No steering table: 409 `no_steering_body`; a report of the steering table: 409
 * `escalation_to_same_table` (it is settled there directly).
 */
export async function requireSteeringFor(ctx: Ctx, report: IssueReportDoc): Promise<TableDoc> {
  const steering = await steeringTableOf(ctx, report.agreementId);
  if (!steering) throw new AppError("no_steering_body", { agreementId: report.agreementId.toHexString() });
  if (steering._id.equals(report.tableId))
    throw new AppError("escalation_to_same_table", { tableId: report.tableId.toHexString() });
  return steering;
}

/** The steering table an escalated report went to (null when it was never escalated). */
export async function escalatedTo(ctx: Ctx, report: IssueReportDoc): Promise<TableDoc | null> {
  return report.escalation ? findTable(ctx, report.escalation.steeringTableId) : null;
}

/**
 * The steering body's members: its table's coordinators, the referents of the organisations sitting on
 * it today and the agreement's admins (the same people who may see the table's confidential material).
 */
export function isSteeringMember(ctx: Ctx, steering: TableDoc): Promise<boolean> {
  return canSeeConfidential(ctx, steering);
}

/** Who runs the steering body's queue (assigns and resolves): its coordinators and the agreement's admins. */
export function runsSteering(actor: Actor | null, steering: TableDoc): boolean {
  return isOrganiser(actor, steering);
}

/** An assignee must be a person of the steering body: one of its coordinators or a referent designated on it today. */
export async function requireSteeringPerson(ctx: Ctx, steering: TableDoc, personId: ObjectId): Promise<void> {
  if (steering.coordinatorIds.some((id) => id.equals(personId))) return;
  const referents = await standingReferentsOn(ctx, steering._id, romeDate(ctx.now()));
  if (referents.some((r) => r.personId.equals(personId))) return;
  throw new AppError("assignee_not_in_steering_body", {
    personId: personId.toHexString(),
    steeringTableId: steering._id.toHexString(),
  });
}
