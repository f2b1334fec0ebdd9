import type { ObjectId } from "mongodb";
import { organisationNames } from "../organisations/queries.ts";
import { peopleByIds } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { isAgreementAdmin } from "../shared/policy.ts";
import type { DesignationDoc } from "./documents.ts";

const uniqueIds = (ids: ObjectId[]) => [...new Map(ids.map((id) => [id.toHexString(), id])).values()];

/**
 * Designations with person and organisation names, joined in application code with one batched `$in`
 * each. The e-mail is private contact data: shown only to the person
 * themself and to the admins of the designation's agreement.
 */
export async function presentDesignations(ctx: Ctx, docs: DesignationDoc[]) {
  const [people, organisationName] = await Promise.all([
    peopleByIds(ctx, uniqueIds(docs.map((d) => d.personId)), { name: 1, email: 1 }),
    organisationNames(ctx, uniqueIds(docs.map((d) => d.organisationId))),
  ]);
  const personById = new Map(people.map((p) => [p._id.toHexString(), p]));
  const viewer = ctx.actor;
  return docs.map((d) => {
    const person = personById.get(d.personId.toHexString());
    const mayReadEmail = isAgreementAdmin(viewer, d.agreementId) || !!viewer?.personId.equals(d.personId);
    return {
      id: d._id.toHexString(),
      agreementId: d.agreementId.toHexString(),
      tableId: d.tableId.toHexString(),
      organisationId: d.organisationId.toHexString(),
      organisationName: organisationName.get(d.organisationId.toHexString()) ?? null,
      personId: d.personId.toHexString(),
      personName: person?.name ?? null,
      ...(mayReadEmail && person ? { email: person.email } : {}),
      kind: d.kind,
      meetingRef: d.meetingRef,
      from: d.from,
      to: d.to,
      substitutesId: d.substitutesId?.toHexString() ?? null,
      substitutedById: d.substitutedById?.toHexString() ?? null,
      createdAt: d.createdAt.toISOString(),
    };
  });
}

/** One designation, presented as in lists. */
export async function presentDesignation(ctx: Ctx, doc: DesignationDoc) {
  const [presented] = await presentDesignations(ctx, [doc]);
  if (!presented) throw new Error("presentDesignations lost an item");
  return presented;
}
