import type { Db, ObjectId } from "mongodb";
import type { IsoDate } from "../shared/dates.ts";

export type ServiceStatus = "attivo" | "in_attivazione" | "dismesso";

/** What the provider commits to (Piemonte: "catalogo dei servizi e degli SLA"); one target per service. */
export type ServiceLevels = {
  /** Availability target, percent of the period (e.g. 99.5). */
  availabilityPercent: number;
  /** Hours from an issue report's raising to its first triage step. */
  responseHours: number;
  /** Hours from an issue report's raising to `risolta`. */
  resolutionHours: number;
};

/** One availability measurement for a period, recorded by the provider or the agreement's admins. */
export type AvailabilityDoc = {
  _id: ObjectId;
  from: IsoDate;
  to: IsoDate;
  measuredPercent: number;
  recordedAt: Date;
  recordedById: ObjectId;
};

/** A shared service (servizio condiviso) of an agreement: who provides it, who subscribes, at what levels. */
export type ServiceDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  agreementId: ObjectId;
  /** The table that follows it, if any (a table of the same agreement). */
  tableId: ObjectId | null;
  name: string;
  description: string;
  /** A member organisation of the agreement, e.g. its società in house. */
  providerId: ObjectId;
  status: ServiceStatus;
  levels: ServiceLevels;
  subscribers: { organisationId: ObjectId; since: Date }[];
  availability: AvailabilityDoc[];
  createdAt: Date;
  updatedAt: Date;
  /** `<personId>:<Idempotency-Key>` when created with one (unique where set): a repeat finds this one. */
  idempotencyKey?: string;
};

/** Typed handles on the collections the services feature owns; the only place their names are spelled. */
export function serviceCollections(db: Db) {
  return {
    sharedServices: db.collection<ServiceDoc>("sharedServices"),
  };
}
