import type { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError, refusingDuplicates } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import { requireAgreementAdmin, requireInstallationAdmin } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { agreementInput, agreementPatch } from "./contracts.ts";
import type { AgreementDoc } from "./documents.ts";

/** Agreements are public acts: anyone may list them. */
export async function listAgreements({ ctx, input }: { ctx: Ctx; input: PageQuery }) {
  return paginate(ctx.c.agreements, {}, input);
}

/** Finds an agreement or throws not_found. */
export async function getAgreement({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId };
}): Promise<AgreementDoc> {
  const doc = await ctx.c.agreements.findOne({ _id: input.id });
  if (!doc) throw new AppError("not_found", { entity: "agreement", id: input.id.toHexString() });
  return doc;
}

/** Creates an agreement (a tenant of the installation). */
export async function createAgreement({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.output<typeof agreementInput>;
}): Promise<AgreementDoc> {
  requireInstallationAdmin(ctx);
  const now = ctx.now();
  const doc: AgreementDoc = { _id: new ObjectId(), ...input, createdAt: now, updatedAt: now };
  await refusingDuplicates(ctx.c.agreements.insertOne(doc), "conflict", { field: "slug", value: input.slug });
  await recordChange(ctx, {
    action: "agreement.created",
    entity: "agreement",
    entityId: doc._id,
    agreementId: doc._id,
    before: null,
    after: doc,
    event: { type: "agreement.created", payload: { agreementId: doc._id.toHexString() } },
  });
  return doc;
}

/** Changes an agreement's terms (delay, notice, texts); past adhesions keep the dates computed when received. */
export async function updateAgreement({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; patch: z.output<typeof agreementPatch> };
}): Promise<AgreementDoc> {
  const changed = await changeGuarded(
    ctx.c.agreements,
    () => getAgreement({ ctx, input }),
    (before) => {
      requireAgreementAdmin(ctx, before._id);
      return { $set: { ...input.patch, updatedAt: ctx.now() } };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "agreement" });
  const { before, after } = changed;
  await recordChange(ctx, {
    action: "agreement.updated",
    entity: "agreement",
    entityId: after._id,
    agreementId: after._id,
    before,
    after,
    event: {
      type: "agreement.updated",
      payload: { agreementId: after._id.toHexString(), changed: Object.keys(input.patch) },
    },
  });
  return after;
}

/** Grants the agreement-admin role to a person. */
export async function addAgreementAdmin({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { agreementId: ObjectId; personId: ObjectId };
}): Promise<void> {
  requireInstallationAdmin(ctx);
  await getAgreement({ ctx, input: { id: input.agreementId } });
  if (!(await ctx.c.people.findOne({ _id: input.personId }, { projection: { _id: 1 } }))) {
    throw new AppError("not_found", { entity: "person", id: input.personId.toHexString() });
  }
  const grant = {
    _id: new ObjectId(),
    agreementId: input.agreementId,
    personId: input.personId,
    createdAt: ctx.now(),
  };
  await refusingDuplicates(ctx.c.agreementAdmins.insertOne(grant), "conflict", { reason: "already_admin" });
  await recordChange(ctx, {
    action: "agreement.admin_added",
    entity: "agreement",
    entityId: input.agreementId,
    agreementId: input.agreementId,
    before: null,
    after: grant,
    event: {
      type: "agreement.admin_added",
      payload: { agreementId: input.agreementId.toHexString(), personId: input.personId.toHexString() },
    },
  });
}
