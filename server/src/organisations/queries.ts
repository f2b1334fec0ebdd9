import type { z } from "@hono/zod-openapi";
import type { Filter, ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { paginate } from "../shared/pagination.ts";
import type { organisationQuery } from "./contracts.ts";
import type { OrganisationDoc } from "./documents.ts";

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

/** Names of the given organisations, by hex id (unknown ids are absent); one batched `$in`. */
export async function organisationNames(ctx: Ctx, ids: ObjectId[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await ctx.c.organisations.find({ _id: { $in: ids } }, { projection: { name: 1 } }).toArray();
  return new Map(found.map((o) => [o._id.toHexString(), o.name]));
}

/** One organisation's name, or null when there is no such organisation. */
export async function organisationName(ctx: Ctx, id: ObjectId): Promise<string | null> {
  const found = await ctx.c.organisations.findOne({ _id: id }, { projection: { name: 1 } });
  return found?.name ?? null;
}

/** Name and kind of the given organisations, by hex id (unknown ids are absent); one batched `$in`. */
export async function organisationNamesAndKinds(
  ctx: Ctx,
  ids: ObjectId[],
): Promise<Map<string, { name: string; kind: string }>> {
  if (ids.length === 0) return new Map();
  const found = await ctx.c.organisations
    .find({ _id: { $in: ids } }, { projection: { name: 1, kind: 1 } })
    .toArray();
  return new Map(found.map((o) => [o._id.toHexString(), { name: o.name, kind: o.kind }]));
}
