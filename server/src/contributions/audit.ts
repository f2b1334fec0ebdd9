import type { Ctx } from "../shared/context.ts";
import { recordChange, recordChangeOnce } from "../shared/record.ts";
import type { ContributionDoc } from "./documents.ts";

/** The audit keeps the record without the author's name: it is the entry's actor already, and erasure reaches it there. */
function audited(doc: ContributionDoc | null) {
  if (!doc) return null;
  const { authorName: _, ...rest } = doc;
  return rest;
}

const ids = (doc: ContributionDoc) => ({
  contributionId: doc._id.toHexString(),
  tableId: doc.tableId.toHexString(),
  organisationId: doc.organisationId.toHexString(),
  kind: doc.kind,
});

/**
 * Audit entry and domain event for a contribution. The payload names ids, kind and confidentiality;
 * the title only when the contribution is not confidential (DOMAIN rule 10), never the description.
 */
export async function recordContribution(
  ctx: Ctx,
  type: "contribution.logged" | "contribution.withdrawn",
  before: ContributionDoc | null,
  after: ContributionDoc,
  /** A creation found already made under its idempotency key: record it only if that was not done. */
  once = false,
): Promise<void> {
  await (once ? recordChangeOnce : recordChange)(ctx, {
    action: type,
    entity: "contribution",
    entityId: after._id,
    agreementId: after.agreementId,
    before: audited(before),
    after: audited(after),
    event: {
      type,
      payload: after.confidential
        ? { ...ids(after), confidential: true }
        : { ...ids(after), confidential: false, title: after.title },
    },
  });
}
