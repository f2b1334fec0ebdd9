import type { Collection, Filter } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";
import { revisionGuard } from "../shared/guarded-change.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { ReminderPreferencesDoc } from "./documents.ts";
import { defaults, fromDoc, type ReminderPreferences, type ReminderPreferencesChange } from "./queries.ts";
import { mergePreferences, samePreferences } from "./rules.ts";

/** Of this many changes racing for one person's preferences, each gets a turn before anyone is told to retry. */
const MAX_ATTEMPTS = 20;

/**
 * Changes the acting person's reminder preferences (only their own: the actor is the person). Fields
 * left out keep their value; an invalid field refuses the whole change. A change that changes nothing is
 * not written nor audited. The merge is computed on the state read and written only if that state is
 * still there (the first one by an insert the `_id` refuses twice, later ones guarded by `revision`),
 * else recomputed: concurrent changes of different fields all stay, each audited with its own before.
 * Not changeGuarded: that one changes an existing document, and here the first change creates it.
 */
export async function setReminderPreferences({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ReminderPreferencesChange;
}): Promise<ReminderPreferences> {
  const personId = requireActor(ctx).personId;
  const collection = ctx.c.reminderPreferences;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = await collection.findOne({ _id: personId });
    const current = stored ? fromDoc(stored) : defaults();
    const next = mergePreferences(current, input);
    if (samePreferences(current, next)) return current;
    if (!(await writeIfUnchanged(collection, stored, { _id: personId, ...next, updatedAt: ctx.now() })))
      continue;
    await recordChange(ctx, {
      action: "reminder_preferences.changed",
      entity: "reminderPreferences",
      entityId: personId,
      agreementId: null,
      before: stored ? current : null,
      after: next,
      event: { type: "reminder_preferences.changed", payload: { personId: personId.toHexString() } },
    });
    return next;
  }
  throw new AppError("concurrent_change", { attempts: MAX_ATTEMPTS });
}

/** Writes `doc` over `stored` unless another change came first (false: read again). */
async function writeIfUnchanged(
  collection: Collection<ReminderPreferencesDoc>,
  stored: ReminderPreferencesDoc | null,
  doc: ReminderPreferencesDoc,
) {
  if (!stored) {
    try {
      await collection.insertOne({ ...doc, revision: 1 });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
  const written = await collection.replaceOne(
    { _id: stored._id, ...revisionGuard(stored.revision) } as Filter<ReminderPreferencesDoc>,
    { ...doc, revision: (stored.revision ?? 0) + 1 },
  );
  return written.modifiedCount === 1;
}
