import type { ObjectId } from "mongodb";
import { isOrganiser, loadMeeting } from "../meetings/access.ts";
import { getMinutes } from "../minutes/queries.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import { proposalContent } from "./contracts.ts";
import type { AdoptionAct } from "./documents.ts";

/** The table's coordinators and the agreement's admins draft, approve, address and withdraw its proposals. */
export function requireProposalOrganiser(ctx: Ctx, table: TableDoc): Actor {
  const actor = requireActor(ctx);
  if (!isOrganiser(actor, table))
    throw new AppError("proposal_coordinators_only", { tableId: table._id.toHexString() });
  return actor;
}

/** Trimmed title and text within bounds, parsed here too because the bot and the seeding call the use cases. */
export function checkContent(input: { title: string; text: string }) {
  const parsed = proposalContent.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError(
    "validation_failed",
    parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code })),
  );
}

/**
 * A proposal drawn from a sitting names a decision its minutes record: the sitting must be of this table,
 * its minutes must exist (and be readable by the drafter) and hold a decision at that index.
 */
export async function requireMinutedDecision(
  ctx: Ctx,
  table: TableDoc,
  meetingId: ObjectId | null,
  decisionIndex: number | null,
): Promise<void> {
  if (meetingId === null && decisionIndex === null) return;
  if (meetingId === null || decisionIndex === null)
    throw new AppError("validation_failed", [
      {
        path: meetingId ? "decisionIndex" : "meetingId",
        message: "meetingId e decisionIndex vanno insieme / go together",
      },
    ]);
  const meeting = await loadMeeting(ctx, meetingId);
  if (!meeting.tableId.equals(table._id))
    throw new AppError("meeting_not_of_table", {
      meetingId: meetingId.toHexString(),
      tableId: table._id.toHexString(),
    });
  const minutes = await getMinutes({ ctx, input: { meetingId } });
  if (decisionIndex >= minutes.decisions.length)
    throw new AppError("proposal_decision_unknown", {
      meetingId: meetingId.toHexString(),
      decisionIndex,
      decisions: minutes.decisions.length,
    });
}

/** An act's date is a day already come (Rome), and its link, if any, a web address. */
export function checkAct(ctx: Ctx, act: AdoptionAct): AdoptionAct {
  const today = romeDate(ctx.now());
  if (act.date > today) throw new AppError("date_in_future", { date: act.date, today });
  if (act.url !== null) {
    const protocol = URL.canParse(act.url) ? new URL(act.url).protocol : "";
    if (protocol !== "http:" && protocol !== "https:")
      throw new AppError("validation_failed", [{ path: "act.url", message: "http(s) soltanto / only" }]);
  }
  return act;
}
