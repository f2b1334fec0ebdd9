import type { Db, ObjectId } from "mongodb";
import { type Collections, collections } from "./collections.ts";
import type { EventBus } from "./events.ts";

/** Who is acting, with the scopes their roles give them (ids as hex strings for cheap membership tests). */
export type Actor = {
  personId: ObjectId;
  name: string;
  isInstallationAdmin: boolean;
  agreementAdminOf: string[];
  coordinatorOf: string[];
  /** Organisations for which the person holds a designation in force today. */
  referentFor: string[];
};

/** What every use case receives: the acting person, the database and the event bus. */
export type Ctx = {
  db: Db;
  c: Collections;
  actor: Actor | null;
  bus: EventBus;
  now: () => Date;
};

/** Builds a use-case context; `now` is injectable so date rules can be exercised without waiting. */
export function createCtx(deps: { db: Db; bus: EventBus; actor?: Actor | null; now?: () => Date }): Ctx {
  return {
    db: deps.db,
    c: collections(deps.db),
    actor: deps.actor ?? null,
    bus: deps.bus,
    now: deps.now ?? (() => new Date()),
  };
}
