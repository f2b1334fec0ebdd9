import type { IsoDate } from "../shared/dates.ts";
import type { MembershipDoc } from "./documents.ts";

/** A membership's status on a day: applications wait for operativeFrom; a withdrawal bites on effectiveOn. */
export function membershipStatus(m: MembershipDoc, on: IsoDate) {
  if (m.withdrawal && m.withdrawal.effectiveOn <= on) return "withdrawn" as const;
  if (m.operativeFrom > on) return "pending" as const;
  return m.withdrawal ? ("withdrawing" as const) : ("operative" as const);
}

/** Filter for memberships having a given status on a day (mirrors membershipStatus). */
export function statusFilter(status: ReturnType<typeof membershipStatus>, on: IsoDate) {
  const notWithdrawn = { $or: [{ withdrawal: null }, { "withdrawal.effectiveOn": { $gt: on } }] };
  switch (status) {
    case "withdrawn":
      return { "withdrawal.effectiveOn": { $lte: on } };
    case "pending":
      return { operativeFrom: { $gt: on }, ...notWithdrawn };
    case "withdrawing":
      return { operativeFrom: { $lte: on }, "withdrawal.effectiveOn": { $gt: on } };
    case "operative":
      return { operativeFrom: { $lte: on }, withdrawal: null };
  }
}

/** JSON view of a membership. */
export function presentMembership(m: MembershipDoc, organisationName: string, on: IsoDate) {
  return {
    id: m._id.toHexString(),
    agreementId: m.agreementId.toHexString(),
    organisationId: m.organisationId.toHexString(),
    organisationName,
    founding: m.founding,
    receivedOn: m.receivedOn,
    operativeFrom: m.operativeFrom,
    backdating: m.backdating ?? null,
    withdrawal: m.withdrawal,
    status: membershipStatus(m, on),
  };
}
