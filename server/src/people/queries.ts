import { type Filter, ObjectId } from "mongodb";
import { holdsDesignationInAgreements } from "../designations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import { requireActor, requireInstallationAdmin } from "../shared/policy.ts";
import type { PersonDoc } from "./documents.ts";

/** The acting person's record. */
export async function getMe({ ctx }: { ctx: Ctx }): Promise<PersonDoc> {
  const actor = requireActor(ctx);
  const doc = await ctx.c.people.findOne({ _id: actor.personId });
  if (!doc) throw new AppError("unauthenticated");
  return doc;
}

/**
 * Contact data are private: a person is visible to themselves, to installation admins, and to admins of
 * an agreement where the person holds (today or from a future day) a designation. Anyone else gets 403
 * whether or not the id exists, so ids cannot be probed.
 */
export async function getPerson({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }): Promise<PersonDoc> {
  const actor = requireActor(ctx);
  if (!actor.personId.equals(input.id) && !actor.isInstallationAdmin) {
    const today = romeDate(ctx.now());
    const agreementIds = actor.agreementAdminOf.map((hex) => new ObjectId(hex));
    if (!(await holdsDesignationInAgreements(ctx, input.id, agreementIds, today)))
      throw new AppError("forbidden");
  }
  const doc = await ctx.c.people.findOne({ _id: input.id });
  if (!doc) throw new AppError("not_found", { entity: "person", id: input.id.toHexString() });
  return doc;
}

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Installation admins browse everyone, optionally filtered by part of the name or e-mail. */
export async function listPeople({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: PageQuery & { q?: string | undefined };
}) {
  requireInstallationAdmin(ctx);
  const pattern = input.q ? { $regex: escapeRegex(input.q), $options: "i" } : null;
  const filter: Filter<PersonDoc> = pattern ? { $or: [{ name: pattern }, { email: pattern }] } : {};
  return paginate(ctx.c.people, filter, input);
}

/** Names of the given people, by hex id (unknown ids are absent; erased people show their erased name). */
export async function personNames(ctx: Ctx, ids: ObjectId[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await ctx.c.people.find({ _id: { $in: ids } }, { projection: { name: 1 } }).toArray();
  return new Map(found.map((p) => [p._id.toHexString(), p.name]));
}

/** Names of the people not erased among the ids (an erased person is no one to pick); one batched `$in`. */
export async function namesOfActivePeople(ctx: Ctx, ids: ObjectId[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await ctx.c.people
    .find({ _id: { $in: ids }, erasedAt: { $exists: false } }, { projection: { name: 1 } })
    .toArray();
  return new Map(found.map((p) => [p._id.toHexString(), p.name]));
}

/** Which of the ids are registered people, as hex ids; one batched `$in`. */
export async function registeredPeople(ctx: Ctx, ids: ObjectId[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await ctx.c.people.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray();
  return new Set(found.map((p) => p._id.toHexString()));
}

/** Throws not_found unless every id is a registered person. */
export async function requireExistingPeople(ctx: Ctx, ids: ObjectId[]) {
  const found = await registeredPeople(ctx, ids);
  if (found.size !== new Set(ids.map(String)).size) throw new AppError("not_found", { entity: "person" });
}

/**
 * The given people with only the `fields` asked for (and `_id`), in no particular order (unknown ids are
 * absent; erased people show their erased name and address); one batched `$in`, none for no ids.
 */
export async function peopleByIds<F extends Exclude<keyof PersonDoc, "_id">>(
  ctx: Ctx,
  ids: ObjectId[],
  fields: Record<F, 1>,
): Promise<Pick<PersonDoc, "_id" | F>[]> {
  if (ids.length === 0) return [];
  return ctx.c.people
    .find({ _id: { $in: ids } })
    .project<Pick<PersonDoc, "_id" | F>>(fields)
    .toArray();
}

/** Whether a person with this id is registered. */
export async function personExists(ctx: Ctx, id: ObjectId): Promise<boolean> {
  return (await ctx.c.people.findOne({ _id: id }, { projection: { _id: 1 } })) !== null;
}

/** The records of these people, by hex id (unknown ids absent); one batched `$in`, none for no ids. */
export async function findPeople(ctx: Ctx, ids: ObjectId[]): Promise<Map<string, PersonDoc>> {
  if (ids.length === 0) return new Map();
  const found = await ctx.c.people.find({ _id: { $in: ids } }).toArray();
  return new Map(found.map((person) => [person._id.toHexString(), person]));
}

/** A person's record by id, or null (no access check: for the caller's own record or a verified link). */
export async function findPerson(ctx: Ctx, id: ObjectId): Promise<PersonDoc | null> {
  return ctx.c.people.findOne({ _id: id });
}

/** A person's record by their normalised e-mail, or null (no access check: for sending them a login link). */
export async function findPersonByEmail(ctx: Ctx, email: string): Promise<PersonDoc | null> {
  return ctx.c.people.findOne({ email });
}
