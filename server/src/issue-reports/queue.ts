import type { ObjectId } from "mongodb";
import { organisationNames } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { tablesById } from "../tables/queries.ts";
import { steeringTableOf } from "../tables/steering.ts";
import { canSeeConfidential } from "../tables/visibility.ts";
import type { IssueReportDoc } from "./documents.ts";
import { isSteeringMember } from "./escalation.ts";
import { REDACTED_TITLE } from "./present.ts";
import { milestones } from "./time-in-status.ts";

export type QueueState = "open" | "resolved" | "all";

const CLOSED = ["risolta", "respinta"] as const;

/**
 * The steering body's queue (DOMAIN rule 8): the reports escalated to it, oldest escalation first, each
 * with its age. Only the steering body's members see it (403); a confidential report shows no title to
 * those among them outside its table (DOMAIN rule 10).
 */
export async function escalationQueue({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { agreementId: ObjectId; state: QueueState };
}) {
  requireActor(ctx);
  const steering = await steeringTableOf(ctx, input.agreementId);
  if (!steering) throw new AppError("no_steering_body", { agreementId: input.agreementId.toHexString() });
  if (!(await isSteeringMember(ctx, steering)))
    throw new AppError("forbidden", { requiredRole: "steering_body_member" });
  const status =
    input.state === "open"
      ? { status: { $nin: [...CLOSED] } }
      : input.state === "resolved"
        ? { status: { $in: [...CLOSED] } }
        : {};
  const reports = await ctx.c.issueReports
    .find({ "escalation.steeringTableId": steering._id, ...status })
    .toArray();
  reports.sort((a, b) => (a.escalation?.at.getTime() ?? 0) - (b.escalation?.at.getTime() ?? 0));
  const tables = await tablesById(
    ctx,
    reports.map((r) => r.tableId),
  );
  const inside = new Set<string>();
  for (const table of tables.values())
    if (await canSeeConfidential(ctx, table)) inside.add(table._id.toHexString());
  const orgs = await organisationNames(
    ctx,
    reports.map((r) => r.organisationId),
  );
  const now = ctx.now();
  return {
    steeringTableId: steering._id.toHexString(),
    steeringTableName: steering.name,
    items: reports.map((r) => queueItem(r, { now, tables, orgs, inside })),
  };
}

function queueItem(
  r: IssueReportDoc,
  at: { now: Date; tables: Map<string, { name: string }>; orgs: Map<string, string>; inside: Set<string> },
) {
  const escalation = r.escalation;
  if (!escalation) throw new Error("queue: a report without its escalation");
  const redacted = r.confidential && !at.inside.has(r.tableId.toHexString());
  const closedAt = (CLOSED as readonly string[]).includes(r.status) ? (r.history.at(-1)?.at ?? at.now) : null;
  const until = (closedAt ?? at.now).getTime();
  const seconds = (from: Date) => Math.max(0, Math.round((until - from.getTime()) / 1000));
  return {
    id: r._id.toHexString(),
    seq: r.seq,
    tableId: r.tableId.toHexString(),
    tableName: at.tables.get(r.tableId.toHexString())?.name ?? null,
    organisationId: r.organisationId.toHexString(),
    organisationName: at.orgs.get(r.organisationId.toHexString()) ?? null,
    title: redacted ? REDACTED_TITLE : r.title,
    severity: r.severity,
    status: r.status,
    confidential: r.confidential,
    redacted,
    serviceId: r.serviceId?.toHexString() ?? null,
    raisedAt: r.createdAt.toISOString(),
    escalatedAt: escalation.at.toISOString(),
    resolvedAt: milestones(r).resolvedAt?.toISOString() ?? null,
    age: { sinceEscalatedSeconds: seconds(escalation.at), sinceRaisedSeconds: seconds(r.createdAt) },
    assignee:
      escalation.assigneeId && escalation.assigneeName !== null
        ? { id: escalation.assigneeId.toHexString(), name: escalation.assigneeName }
        : null,
    comments: r.comments?.length ?? 0,
  };
}
