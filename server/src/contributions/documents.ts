import type { Db, ObjectId } from "mongodb";
import type { ContributionKind, ContributionLicence, ContributionSource } from "./kinds.ts";

/** A document, good practice, dataset, reusable solution or comment an organisation brings to a table. */
export type ContributionDoc = {
  _id: ObjectId;
  tableId: ObjectId;
  agreementId: ObjectId;
  /** The organisation it is brought on behalf of (DOMAIN rule 4). */
  organisationId: ObjectId;
  meetingId: ObjectId | null;
  kind: ContributionKind;
  title: string;
  description: string;
  /** http(s) only; null only for a `commento`. */
  url: string | null;
  /** riservato: only for the table's members, never in event payloads (DOMAIN rule 10). */
  confidential: boolean;
  /** The licence it may be reused under; null (or absent, on older contributions) when none is stated. */
  licence?: ContributionLicence | null;
  source: ContributionSource;
  authorId: ObjectId;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  /** Soft withdrawal: the contribution stays in the history. */
  withdrawnAt: Date | null;
  /** `<authorId>:<Idempotency-Key>` when logged with one (unique where set): a repeat finds this one. */
  idempotencyKey?: string;
};

/** Typed handles on the collections the contributions feature owns; the only place their names are spelled. */
export function contributionCollections(db: Db) {
  return {
    contributions: db.collection<ContributionDoc>("contributions"),
  };
}
