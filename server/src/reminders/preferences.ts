import type { Collection, Filter } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { ReminderPreferencesDoc } from "./documents.ts";
import { mergePreferences, samePreferences } from "./rules.ts";

export { describeLeadMinutes } from "./describe.ts";

/** How, when and whether a person wants to be reminded of the sittings they are convened to. */
export type ReminderPreferences = {
  /** Minutes before a sitting, furthest first, unique, 5 to 10080, at most four. */
  leadMinutes: number[];
  channels: { email: boolean; slack: boolean; push: boolean };
  /** "Non disturbare": no reminders at all while true. */
  paused: boolean;
};

/**
 * What applies while a person has stored nothing (DOMAIN rule 11, privacy by default): a day and an
 * hour before, by e-mail and Slack; push stays off until the person turns it on.
 */
export const DEFAULT_REMINDER_PREFERENCES: ReminderPreferences = Object.freeze({
  leadMinutes: Object.freeze([1440, 60]) as number[],
  channels: Object.freeze({ email: true, slack: true, push: false }),
  paused: false,
});

/** A fresh copy of the defaults, safe to hand out. */
const defaults = (): ReminderPreferences => ({
  leadMinutes: [...DEFAULT_REMINDER_PREFERENCES.leadMinutes],
  channels: { ...DEFAULT_REMINDER_PREFERENCES.channels },
  paused: DEFAULT_REMINDER_PREFERENCES.paused,
});

const fromDoc = (doc: ReminderPreferencesDoc): ReminderPreferences => ({
  leadMinutes: [...doc.leadMinutes],
  channels: { email: doc.channels.email, slack: doc.channels.slack, push: doc.channels.push },
  paused: doc.paused,
});

/** The acting person's reminder preferences, or the defaults when they have stored none. */
export async function getReminderPreferences({
  ctx,
}: {
  ctx: Ctx;
  input?: Record<string, never>;
}): Promise<ReminderPreferences> {
  const actor = requireActor(ctx);
  const stored = await ctx.c.reminderPreferences.findOne({ _id: actor.personId });
  return stored ? fromDoc(stored) : defaults();
}

/** Of this many changes racing for one person's preferences, each gets a turn before anyone is told to retry. */
const MAX_ATTEMPTS = 20;

type Stored = ReminderPreferencesDoc & { revision?: number };

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
  input: Partial<ReminderPreferences>;
}): Promise<ReminderPreferences> {
  const personId = requireActor(ctx).personId;
  const collection = ctx.c.reminderPreferences as Collection<Stored>;
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
async function writeIfUnchanged(collection: Collection<Stored>, stored: Stored | null, doc: Stored) {
  if (!stored) {
    try {
      await collection.insertOne({ ...doc, revision: 1 });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
  const revision = stored.revision ?? 0;
  const guard = (revision === 0 ? { revision: { $in: [null, 0] } } : { revision }) as Filter<Stored>;
  const written = await collection.replaceOne(
    { _id: stored._id, ...guard },
    { ...doc, revision: revision + 1 },
  );
  return written.modifiedCount === 1;
}
