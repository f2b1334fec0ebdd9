import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import type { AuditDoc } from "./documents.ts";

/**
 * The audit entries about the person, for their GDPR export, and nothing about anyone else: entries keep
 * their before/after only when they describe the person's own record (person, reminder preferences);
 * entries about their designations (`designationIds`, listed in full in the export) keep the designation
 * id; entries about other records the person touched (e.g. a colleague they registered) keep only what
 * and when. Actors' names are never included.
 */
export async function exportAuditEntriesOf(ctx: Ctx, personId: ObjectId, designationIds: ObjectId[]) {
  const entries = await ctx.c.audit
    .find({
      $or: [
        { actorId: personId },
        { entity: "person", entityId: personId },
        { entityId: { $in: designationIds } },
      ],
    })
    .sort({ at: 1, _id: 1 })
    .toArray();
  const myDesignation = new Set(designationIds.map((id) => id.toHexString()));
  const aboutMyRecord = (entry: AuditDoc) =>
    (entry.entity === "person" || entry.entity === "reminderPreferences") && entry.entityId.equals(personId);
  const aboutMe = (entry: AuditDoc) =>
    aboutMyRecord(entry) || myDesignation.has(entry.entityId.toHexString());
  return entries.map((entry) => ({
    at: entry.at.toISOString(),
    action: entry.action,
    entity: entry.entity,
    entityId: aboutMe(entry) ? entry.entityId.toHexString() : null,
    byMe: entry.actorId?.equals(personId) ?? false,
    ...(aboutMyRecord(entry) ? { before: entry.before, after: entry.after } : {}),
  }));
}

/** Erasure (DOMAIN rule 11): the entries about one of the person's records keep the fact of each change, not the values. */
export async function eraseValuesFromAudit(ctx: Ctx, entity: string, entityId: ObjectId): Promise<void> {
  await ctx.c.audit.updateMany({ entity, entityId }, { $set: { before: null, after: { erased: true } } });
}

/** Erasure (DOMAIN rule 11): the changes the person made stay audited, under `erasedName`. */
export async function eraseActorNameFromAudit(
  ctx: Ctx,
  personId: ObjectId,
  erasedName: string,
): Promise<void> {
  await ctx.c.audit.updateMany({ actorId: personId }, { $set: { actorName: erasedName } });
}
