import type { ObjectId } from "mongodb";
import { standingReferentsOfOrganisations } from "../designations/queries.ts";
import { organisationNames } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { tableNames } from "../tables/queries.ts";

/**
 * What the notice of `proposal.addressed` needs, for the Slack bot (no access check: it runs as the
 * system): the table's name and each addressed organisation's referents today (standing designations on any table of the agreement),
 * one row per person and organisation. Null when the proposal is gone.
 */
export async function proposalAddressedNotice({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { proposalId: ObjectId; organisationIds: ObjectId[] };
}) {
  const doc = await ctx.c.proposals.findOne({ _id: input.proposalId });
  if (!doc) return null;
  const [referents, names, tables] = await Promise.all([
    standingReferentsOfOrganisations(ctx, {
      agreementId: doc.agreementId,
      organisationIds: input.organisationIds,
      on: romeDate(ctx.now()),
    }),
    organisationNames(ctx, input.organisationIds),
    tableNames(ctx, [doc.tableId]),
  ]);
  const unique = new Map(
    referents.map((r) => [`${r.personId.toHexString()}:${r.organisationId.toHexString()}`, r]),
  );
  return {
    proposalId: doc._id.toHexString(),
    tableName: tables.get(doc.tableId.toHexString()) ?? "",
    recipients: [...unique.values()].map((r) => ({
      personId: r.personId,
      organisationId: r.organisationId.toHexString(),
      organisationName: names.get(r.organisationId.toHexString()) ?? "",
    })),
  };
}
