import type { Filter } from "mongodb";
import type { MembershipDoc } from "../memberships/documents.ts";
import type { IsoDate } from "../shared/dates.ts";
import type { TableDoc } from "./documents.ts";

/**
 * The rule "an organisation sits on a table on a day", written once as a MongoDB filter and as an
 * in-memory predicate over the same membership documents; sits-on-table.property.test.ts shows the two
 * select the same memberships. memberships/queries.ts loads them with the filter (seatingMemberships,
 * tableMemberIds, organisationSitsOnTable).
 */
type Seating = Pick<TableDoc, "agreementId" | "access">;
type Seat = Pick<MembershipDoc, "agreementId" | "operativeFrom" | "withdrawal" | "founding">;

/**
 * Memberships in force on a day: operative (operativeFrom ≤ day) and not yet withdrawn (a withdrawal takes
 * effect on effectiveOn; until then the organisation is still a member, DOMAIN rule 2).
 */
export function membershipInForce(on: IsoDate) {
  return {
    operativeFrom: { $lte: on },
    $or: [{ withdrawal: null }, { "withdrawal.effectiveOn": { $gt: on } }],
  };
}

/** The in-memory twin of membershipInForce(). */
export function isMembershipInForce(
  m: Pick<MembershipDoc, "operativeFrom" | "withdrawal">,
  on: IsoDate,
): boolean {
  return m.operativeFrom <= on && (m.withdrawal === null || m.withdrawal.effectiveOn > on);
}

/** Memberships that seat their organisation on the table that day: in force, and founding for founders-only tables (DOMAIN rule 1). */
export function seatsOnTableFilter(table: Seating, on: IsoDate): Filter<MembershipDoc> {
  return {
    agreementId: table.agreementId,
    ...membershipInForce(on),
    ...(table.access === "founders" ? { founding: true } : {}),
  };
}

/** The in-memory twin of seatsOnTableFilter(). */
export function seatsOnTable(m: Seat, table: Seating, on: IsoDate): boolean {
  return (
    m.agreementId.equals(table.agreementId) &&
    isMembershipInForce(m, on) &&
    (table.access !== "founders" || m.founding === true)
  );
}
