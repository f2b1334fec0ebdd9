import type { Db, ObjectId } from "mongodb";
import type { IsoDate } from "../shared/dates.ts";
import type { ActKind, AdoptionState, ProposalStatus } from "./states.ts";

/** The act an organisation adopted a proposal by, e.g. Delibera di Giunta n. 45/2026 of 12 March 2026. */
export type AdoptionAct = { kind: ActKind; number: string; date: IsoDate; url: string | null };

/** One answer of an organisation: what it decided, by which act or why not, who recorded it and when. */
export type AdoptionRecord = {
  state: AdoptionState;
  act: AdoptionAct | null;
  reason: string | null;
  recordedAt: Date;
  recordedById: ObjectId | null;
};

/**
 * An addressed organisation's adoption: its current answer and, in `history`, every earlier one (a
 * correction keeps what was recorded before it, oldest first). Starts `in_valutazione` when addressed.
 */
export type AdoptionDoc = AdoptionRecord & { organisationId: ObjectId; history: AdoptionRecord[] };

/** A table's non-binding recommendation (proposta) and each addressed organisation's adoption of it. */
export type ProposalDoc = {
  /** Bumped by each revision-guarded change (shared/guarded-change.ts); absent = 0. */
  revision?: number;
  _id: ObjectId;
  tableId: ObjectId;
  agreementId: ObjectId;
  /** The sitting whose minutes recorded the decision it comes from, and that decision's index (from 0). */
  meetingId: ObjectId | null;
  decisionIndex: number | null;
  title: string;
  text: string;
  /** riservato: only for the table's circle, never in event payloads or Slack (DOMAIN rule 10). */
  confidential: boolean;
  status: ProposalStatus;
  history: { at: Date; byId: ObjectId | null; from: ProposalStatus; to: ProposalStatus }[];
  /** The day (Rome) it was addressed; null before. */
  addressedOn: IsoDate | null;
  /** One per addressed organisation, in the order addressed. */
  adoptions: AdoptionDoc[];
  draftedById: ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
  /** `<drafterId>:<Idempotency-Key>` when drafted with one (unique where set): a repeat finds this one. */
  idempotencyKey?: string;
};

/** Typed handles on the collections the proposals feature owns; the only place their names are spelled. */
export function proposalCollections(db: Db) {
  return {
    proposals: db.collection<ProposalDoc>("proposals"),
  };
}
