import { ObjectId } from "mongodb";
import {
  CONTRIBUTION_KINDS,
  type ContributionKind,
  logContribution,
} from "../../../server/src/contributions/index.ts";
import { AppError, errorCatalogue } from "../../../server/src/index.ts";
import { raiseIssueReport } from "../../../server/src/issue-reports/index.ts";
import type { BotDeps } from "../deps.ts";
import { TEXT } from "../i18n.ts";
import { FIELD } from "../ids.ts";
import { checkedValues, fieldValue, type ViewState } from "./state.ts";
import { type SubmitArgs, submitAsPerson, validationErrors } from "./submission.ts";

const FIELD_OF: Record<string, string> = {
  title: FIELD.title,
  description: FIELD.description,
  url: FIELD.url,
  kind: FIELD.kind,
  severity: FIELD.severity,
  contribution_url_required: FIELD.url,
  contribution_url_invalid: FIELD.url,
};

/** The "table:organisation" seat chosen in the modal. */
function seatOf(values: ViewState) {
  const [table, organisation] = (fieldValue(values, FIELD.table) ?? "").split(":");
  return table && organisation && ObjectId.isValid(table) && ObjectId.isValid(organisation)
    ? { tableId: new ObjectId(table), organisationId: new ObjectId(organisation) }
    : null;
}

/** A refusal from the use case, under the field it is about. */
function refusal(error: unknown, lang: "it" | "en"): Record<string, string> {
  if (!(error instanceof AppError)) throw error;
  if (error.code === "validation_failed") return validationErrors(error.details, FIELD_OF, FIELD.title);
  return { [FIELD_OF[error.code] ?? FIELD.table]: errorCatalogue[error.code][lang] };
}

/** `/tavoli segnala` submitted: `raiseIssueReport`, as `POST /tables/{id}/issue-reports`. */
export function submitReport(deps: BotDeps) {
  return (args: SubmitArgs) =>
    submitAsPerson(args, deps, FIELD.table, async (who) => {
      const values = args.view.state.values;
      const seat = seatOf(values);
      if (!seat) return { [FIELD.table]: errorCatalogue.validation_failed[who.lang] };
      const severity = fieldValue(values, FIELD.severity);
      try {
        const report = await raiseIssueReport({
          ctx: who.ctx,
          input: {
            ...seat,
            title: fieldValue(values, FIELD.title) ?? "",
            description: fieldValue(values, FIELD.description) ?? "",
            severity: severity === "bassa" || severity === "alta" ? severity : "media",
            confidential: checkedValues(values, FIELD.confidential).includes("yes"),
            meetingId: null,
          },
        });
        notify(args, TEXT[who.lang].reported(report.seq));
        return null;
      } catch (error) {
        return refusal(error, who.lang);
      }
    });
}

/** `/tavoli contributo` submitted: `logContribution` with source "slack". */
export function submitContribution(deps: BotDeps) {
  return (args: SubmitArgs) =>
    submitAsPerson(args, deps, FIELD.table, async (who) => {
      const values = args.view.state.values;
      const seat = seatOf(values);
      if (!seat) return { [FIELD.table]: errorCatalogue.validation_failed[who.lang] };
      const kind = fieldValue(values, FIELD.kind) as ContributionKind;
      try {
        const contribution = await logContribution({
          ctx: who.ctx,
          input: {
            ...seat,
            kind: CONTRIBUTION_KINDS.includes(kind) ? kind : "documento",
            title: fieldValue(values, FIELD.title) ?? "",
            description: fieldValue(values, FIELD.description) ?? "",
            url: fieldValue(values, FIELD.url),
            confidential: checkedValues(values, FIELD.confidential).includes("yes"),
            meetingId: null,
            source: "slack",
          },
        });
        notify(args, TEXT[who.lang].contributed(contribution.title));
        return null;
      } catch (error) {
        return refusal(error, who.lang);
      }
    });
}

/** A DM confirming what was recorded, sent once the modal has closed. */
function notify(args: SubmitArgs, text: string) {
  setImmediate(() => {
    args.client.chat.postMessage({ channel: args.body.user.id, text }).catch((error) => {
      console.error("[slack] confirmation failed", error);
    });
  });
}
