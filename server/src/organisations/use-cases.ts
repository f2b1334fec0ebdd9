import type { z } from "@hono/zod-openapi";
import { type Filter, ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey, refusingDuplicates } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { paginate } from "../shared/pagination.ts";
import { requireActingFor, requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { organisationInput, organisationPatch, organisationQuery } from "./contracts.ts";
import type { OrganisationDoc } from "./documents.ts";

/** The unique natural key: the ISTAT code identifies a comune, else the IPA code, else our own id. */
export function organisationKey(org: {
  _id: ObjectId;
  istatCode: string | null;
  ipaCode: string | null;
}): string {
  if (org.istatCode) return `istat:${org.istatCode}`;
  if (org.ipaCode) return `ipa:${org.ipaCode.toLowerCase()}`;
  return `tavoli:${org._id.toHexString()}`;
}

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const exactly = (value: string) => new RegExp(`^${escapeRegex(value)}$`, "i");

/** Organisations are public acts: anyone may list and filter them. */
export async function listOrganisations({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.output<typeof organisationQuery>;
}) {
  const { q, kind, region, province, ...page } = input;
  const filter: Filter<OrganisationDoc> = {};
  if (q) filter.name = new RegExp(escapeRegex(q), "i");
  if (kind) filter.kind = kind;
  if (region) filter.region = exactly(region);
  if (province) {
    filter.$or = /^[A-Za-z]{2}$/.test(province)
      ? [{ plate: province.toUpperCase() }, { province: exactly(province) }]
      : [{ province: exactly(province) }];
  }
  return paginate(ctx.c.organisations, filter, page);
}

/** Finds an organisation or throws not_found. */
export async function getOrganisation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId };
}): Promise<OrganisationDoc> {
  const doc = await ctx.c.organisations.findOne({ _id: input.id });
  if (!doc) throw new AppError("not_found", { entity: "organisation", id: input.id.toHexString() });
  return doc;
}

/** Registers a member body; installation admins and the admins of any agreement may (they receive adhesions). */
export async function createOrganisation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.output<typeof organisationInput>;
}): Promise<OrganisationDoc> {
  const actor = requireActor(ctx);
  if (!actor.isInstallationAdmin && actor.agreementAdminOf.length === 0) {
    throw new AppError("forbidden", { requiredRole: "agreement_admin" });
  }
  const now = ctx.now();
  const _id = new ObjectId();
  const doc: OrganisationDoc = {
    _id,
    key: organisationKey({ _id, ...input }),
    ...input,
    createdAt: now,
    updatedAt: now,
  };
  await refusingDuplicates(ctx.c.organisations.insertOne(doc), "conflict", { field: "key", value: doc.key });
  await recordChange(ctx, {
    action: "organisation.created",
    entity: "organisation",
    entityId: doc._id,
    agreementId: null,
    before: null,
    after: doc,
    event: { type: "organisation.created", payload: { organisationId: doc._id.toHexString(), key: doc.key } },
  });
  return doc;
}

/**
 * DOMAIN rule 4: only the organisation's own referents (or an installation admin) correct its record. The
 * key follows from the codes the record holds, so it is computed on the state read and written only if
 * no other change came first (else recomputed): concurrent corrections keep both codes and a true key.
 */
export async function updateOrganisation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; patch: z.output<typeof organisationPatch> };
}): Promise<OrganisationDoc> {
  let key = "";
  const changed = await changeGuarded(
    ctx.c.organisations,
    () => getOrganisation({ ctx, input }),
    (before) => {
      requireActingFor(ctx, before._id);
      key = organisationKey({ ...before, ...input.patch });
      return { $set: { ...input.patch, key, updatedAt: ctx.now() } };
    },
  ).catch((error: unknown) => {
    // The unique key index refuses a code another organisation already holds.
    throw isDuplicateKey(error) ? new AppError("conflict", { field: "key", value: key }) : error;
  });
  if (!changed) throw new AppError("not_found", { entity: "organisation" });
  const { before, after } = changed;
  await recordChange(ctx, {
    action: "organisation.updated",
    entity: "organisation",
    entityId: after._id,
    agreementId: null,
    before,
    after,
    event: {
      type: "organisation.updated",
      payload: { organisationId: after._id.toHexString(), changed: Object.keys(input.patch) },
    },
  });
  return after;
}
