import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { requireActor } from "../shared/policy.ts";
import type { ReminderPreferencesDoc } from "./documents.ts";
import { DEFAULT_LEAD_MINUTES } from "./lead-times.ts";
import type { QuietHours } from "./quiet-hours.ts";

/** How, when and whether a person wants to be reminded of the sittings they are convened to. */
export type ReminderPreferences = {
  /** Minutes before a sitting, furthest first, unique, 5 to 10080, at most four. */
  leadMinutes: number[];
  /** True once the person chose their lead times; false: each table's apply (`leadMinutes` is the product's). */
  ownLeadMinutes: boolean;
  channels: { email: boolean; slack: boolean; push: boolean };
  /** "Non disturbare": no reminders at all while true. */
  paused: boolean;
  /** Rome hours in which none goes out: each due then waits for their end (or comes before them). */
  quietHours: QuietHours | null;
};

/** A change: fields left out keep their value; `leadMinutes: null` goes back to the tables' lead times. */
export type ReminderPreferencesChange = Partial<
  Omit<ReminderPreferences, "leadMinutes" | "ownLeadMinutes">
> & {
  leadMinutes?: number[] | null;
};

/**
 * What applies while a person has stored nothing (DOMAIN rule 11, privacy by default): a day and an
 * hour before, by e-mail and Slack; push stays off until the person turns it on.
 */
export const DEFAULT_REMINDER_PREFERENCES: ReminderPreferences = Object.freeze({
  leadMinutes: DEFAULT_LEAD_MINUTES as number[],
  ownLeadMinutes: false,
  channels: Object.freeze({ email: true, slack: true, push: false }),
  paused: false,
  quietHours: null,
});

/** A fresh copy of the defaults, safe to hand out. */
export const defaults = (): ReminderPreferences => ({
  leadMinutes: [...DEFAULT_REMINDER_PREFERENCES.leadMinutes],
  ownLeadMinutes: false,
  channels: { ...DEFAULT_REMINDER_PREFERENCES.channels },
  paused: DEFAULT_REMINDER_PREFERENCES.paused,
  quietHours: null,
});

export const fromDoc = (doc: ReminderPreferencesDoc): ReminderPreferences => ({
  leadMinutes: [...doc.leadMinutes],
  // Stored before tables had lead times: the list was the person's.
  ownLeadMinutes: doc.ownLeadMinutes ?? true,
  channels: { email: doc.channels.email, slack: doc.channels.slack, push: doc.channels.push },
  paused: doc.paused,
  quietHours: doc.quietHours ? { ...doc.quietHours } : null,
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

/** The preferences of each of these people (the defaults for those who stored none), by hex id. */
export async function preferencesOf(
  ctx: Ctx,
  personIds: ObjectId[],
): Promise<Map<string, ReminderPreferences>> {
  const stored = personIds.length
    ? await ctx.c.reminderPreferences.find({ _id: { $in: personIds } }).toArray()
    : [];
  const byId = new Map(stored.map((doc) => [doc._id.toHexString(), fromDoc(doc)]));
  return new Map(personIds.map((id) => [id.toHexString(), byId.get(id.toHexString()) ?? defaults()]));
}
