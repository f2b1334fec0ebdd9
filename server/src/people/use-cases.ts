import type { z } from "@hono/zod-openapi";
import { type Filter, ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import { requireActor, requireInstallationAdmin } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { personInput, personPatch } from "./contracts.ts";
import type { PersonDoc } from "./documents.ts";

/**
 * Registers a person. Referents may do it too, so they can designate a colleague their organisation
 * has appointed; the event carries no contact data because notifiers fan events out to other channels.
 *
 * A known address is a 409 only for admins, who may see people anyway. A referent gets the same 201 as
 * for a new address, so they cannot probe who is registered: the answer echoes what they sent under the
 * existing record's id (to designate the colleague), and the stored person is neither changed nor shown.
 */
export async function createPerson({ ctx, input }: { ctx: Ctx; input: z.output<typeof personInput> }) {
  const actor = requireActor(ctx);
  const isAdmin = actor.isInstallationAdmin || actor.agreementAdminOf.length > 0;
  if (!isAdmin && actor.referentFor.length === 0) {
    throw new AppError("forbidden", { requiredRole: "admin_or_referent" });
  }
  const now = ctx.now();
  const doc: PersonDoc = {
    _id: new ObjectId(),
    ...input,
    isInstallationAdmin: false,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.c.people.insertOne(doc);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    if (isAdmin) throw new AppError("conflict", { field: "email" });
    const existing = await ctx.c.people.findOne({ email: doc.email }, { projection: { _id: 1 } });
    if (!existing) throw error;
    return { ...doc, _id: existing._id };
  }
  await recordChange(ctx, {
    action: "person.created",
    entity: "person",
    entityId: doc._id,
    agreementId: null,
    before: null,
    after: doc,
    event: { type: "person.created", payload: { personId: doc._id.toHexString() } },
  });
  return doc;
}

/** The acting person's record. */
export async function getMe({ ctx }: { ctx: Ctx }): Promise<PersonDoc> {
  const actor = requireActor(ctx);
  const doc = await ctx.c.people.findOne({ _id: actor.personId });
  if (!doc) throw new AppError("unauthenticated");
  return doc;
}

/**
 * Lets a person correct their own name and language (the e-mail is the login, changed by an admin).
 * Revision-guarded so the audited before/after are this change's own, and so a correction racing the
 * person's erasure (which bumps the revision) is re-read and refused instead of restoring the name.
 */
export async function updateMe({ ctx, input }: { ctx: Ctx; input: z.output<typeof personPatch> }) {
  const changed = await changeGuarded(
    ctx.c.people,
    () => getMe({ ctx }),
    (before) => {
      if (before.erasedAt) throw new AppError("unauthenticated");
      return { $set: { ...input, updatedAt: ctx.now() } };
    },
  );
  if (!changed) throw new AppError("unauthenticated");
  const { before, after } = changed;
  await recordChange(ctx, {
    action: "person.updated",
    entity: "person",
    entityId: after._id,
    agreementId: null,
    before,
    after,
    event: {
      type: "person.updated",
      payload: { personId: after._id.toHexString(), changed: Object.keys(input) },
    },
  });
  return after;
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
    const designation = agreementIds.length
      ? await ctx.c.designations.findOne(
          {
            personId: input.id,
            agreementId: { $in: agreementIds },
            $or: [{ to: null }, { to: { $gte: today } }],
          },
          { projection: { _id: 1 } },
        )
      : null;
    if (!designation) throw new AppError("forbidden");
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
