import type { ObjectId } from "mongodb";
import { loadMeeting } from "../meetings/access.ts";
import { organisationSitsOnTable } from "../memberships/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import type { TableDoc } from "../tables/documents.ts";
import { contributionContent } from "./contracts.ts";
import { type ContributionKind, needsUrl } from "./kinds.ts";

/**
 * The content as stored: kind, trimmed title and description, and a link that is http(s) and present
 * for every kind but a comment. Parsed here too because the Slack bot calls the use case directly.
 */
export function checkContent(input: {
  kind: string;
  title: string;
  description: string;
  url: string | null;
}) {
  const parsed = contributionContent.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      "validation_failed",
      parsed.error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: issue.message,
        code: issue.code,
      })),
    );
  const { kind, title, description } = parsed.data;
  return { kind, title, description, url: checkUrl(kind, parsed.data.url || null) };
}

/** A web link (never javascript:, data:, file:…), normalised; null only where the kind allows it. */
function checkUrl(kind: ContributionKind, url: string | null): string | null {
  if (url === null) {
    if (needsUrl(kind)) throw new AppError("contribution_url_required", { kind });
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("contribution_url_invalid", { url });
  }
  if ((parsed.protocol !== "http:" && parsed.protocol !== "https:") || !parsed.hostname)
    throw new AppError("contribution_url_invalid", { url });
  return parsed.href;
}

/** Only an organisation sitting on the table today brings contributions to it. */
export async function requireOnTable(ctx: Ctx, table: TableDoc, organisationId: ObjectId): Promise<void> {
  if (!(await organisationSitsOnTable(ctx, table, organisationId, romeDate(ctx.now()))))
    throw new AppError("organisation_not_on_table", {
      organisationId: organisationId.toHexString(),
      tableId: table._id.toHexString(),
    });
}

/** A contribution may name a sitting, and it must be one of the same table. */
export async function requireTableMeeting(ctx: Ctx, table: TableDoc, meetingId: ObjectId): Promise<void> {
  const meeting = await loadMeeting(ctx, meetingId);
  if (!meeting.tableId.equals(table._id))
    throw new AppError("meeting_not_of_table", {
      meetingId: meetingId.toHexString(),
      tableId: table._id.toHexString(),
    });
}
