import type { Db } from "mongodb";
import type { Config } from "../config.ts";
import type { EventBus } from "../shared/events.ts";

// Placeholder until the demo seeding lands.
export async function seedDemoIfEmpty(_deps: { db: Db; bus: EventBus; config: Config }): Promise<{ loginUrl: string | null }> {
  return { loginUrl: null };
}
