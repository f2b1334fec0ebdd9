import type { MeetingDoc } from "../meetings/documents.ts";
import type { AttendanceDoc } from "./documents.ts";

/** Names of the people and organisations a list of rows mentions, by hex id. */
export type Names = { people: Map<string, string>; organisations: Map<string, string> };

/** One row of the register as the API shows it. */
export function presentAttendanceItem(row: AttendanceDoc, names: Names) {
  const organisationId = row.organisationId?.toHexString() ?? null;
  return {
    personId: row.personId.toHexString(),
    name: names.people.get(row.personId.toHexString()) ?? "",
    organisationId,
    organisationName: organisationId ? (names.organisations.get(organisationId) ?? "") : null,
    mode: row.mode,
    arrivedLate: row.arrivedLate,
    leftEarly: row.leftEarly,
    source: row.source,
    recordedAt: row.recordedAt.toISOString(),
  };
}

type Item = ReturnType<typeof presentAttendanceItem>;

/** The register's rows grouped by organisation (coordinators without one last), then by name. */
export function presentAttendanceItems(rows: AttendanceDoc[], names: Names): Item[] {
  const byName = (a: string, b: string) => a.localeCompare(b, "it");
  return rows
    .map((row) => presentAttendanceItem(row, names))
    .sort((a, b) => {
      if (a.organisationName !== b.organisationName) {
        if (a.organisationName === null) return 1;
        if (b.organisationName === null) return -1;
        return byName(a.organisationName, b.organisationName);
      }
      return byName(a.name, b.name);
    });
}

/** The register stored when it was closed, or null while it is open. */
export function presentRegister(register: MeetingDoc["register"]) {
  return (
    register && {
      closedAt: register.closedAt.toISOString(),
      closedBy: register.closedBy.toHexString(),
      attendees: register.attendees,
      quorum: register.quorum,
    }
  );
}
