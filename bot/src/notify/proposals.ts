import { ObjectId } from "mongodb";
import { chatAccountsOf } from "../../../server/src/chat/index.ts";
import type { PayloadOf } from "../../../server/src/index.ts";
import { contactsOf } from "../../../server/src/notifications/index.ts";
import { proposalAddressedNotice } from "../../../server/src/proposals/index.ts";
import { escapeMrkdwn } from "../blocks/format.ts";
import type { BotDeps } from "../deps.ts";
import { langFromLocale, TEXT } from "../i18n.ts";
import { everyStep, postOnce } from "./once.ts";

/**
 * `proposal.addressed`: each addressed organisation's referents who linked Slack hear of it by direct
 * message, in their language, once per person and organisation however often the event is delivered. A
 * confidential proposal is "una proposta riservata": its title never reaches Slack (DOMAIN rule 10).
 */
export async function announceProposalAddressed(
  deps: BotDeps,
  payload: PayloadOf<"proposal.addressed">,
  eventKey: string,
): Promise<void> {
  const ctx = deps.system();
  const notice = await proposalAddressedNotice({
    ctx,
    input: {
      proposalId: new ObjectId(payload.proposalId),
      organisationIds: payload.organisationIds.map((hex) => new ObjectId(hex)),
    },
  });
  if (!notice || notice.recipients.length === 0) return;
  const personIds = [
    ...new Map(notice.recipients.map((r) => [r.personId.toHexString(), r.personId])).values(),
  ];
  const [links, people] = await Promise.all([
    chatAccountsOf({ ctx, input: { personIds } }),
    contactsOf({ ctx, input: { personIds } }),
  ]);
  const localeOf = new Map(people.map((p) => [p._id.toHexString(), p.locale]));
  const title = payload.confidential ? null : escapeMrkdwn(payload.title);
  const url = `${deps.config.publicUrl}/api/v1/proposals/${payload.proposalId}`;
  const steps = notice.recipients.flatMap((recipient) =>
    links
      .filter((link) => link.personId.equals(recipient.personId))
      .map((link) => () => {
        const lang = link.locale
          ? langFromLocale(link.locale)
          : (localeOf.get(link.personId.toHexString()) ?? "it");
        const org = escapeMrkdwn(recipient.organisationName);
        return postOnce(deps, {
          key: `${eventKey}:dm:${link.teamId}:${link.personId.toHexString()}:${recipient.organisationId}`,
          teamId: link.teamId,
          message: {
            channel: link.userId,
            text: TEXT[lang].proposalAddressed(org, escapeMrkdwn(notice.tableName), title, url),
          },
        });
      }),
  );
  await everyStep(steps);
}
