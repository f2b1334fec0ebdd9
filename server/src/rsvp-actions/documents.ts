import type { Db } from "mongodb";

/** The key action tokens are signed with, one per installation under a fixed `_id` (see secret.ts). */
export type RsvpActionSecretDoc = { _id: "rsvp-actions"; secret: string; createdAt: Date };

/** Typed handles on the collections the rsvp-actions feature owns; the only place their names are spelled. */
export function rsvpActionCollections(db: Db) {
  return {
    rsvpActionSecrets: db.collection<RsvpActionSecretDoc>("rsvpActionSecrets"),
  };
}
