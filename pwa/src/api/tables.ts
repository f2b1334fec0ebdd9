import { api } from "./client.ts";
import type { Designation, Session } from "./types.ts";

/** A table I sit on, and the organisation I act for there. */
export type MyTable = {
  tableId: string;
  name: string;
  organisationId: string;
  organisationName: string | null;
};

/**
 * My tables: the ones my organisations designated me on (still in force) and, for coordinators, the ones
 * they run (acting for their first organisation, if any).
 */
export async function loadMyTables(session: Session): Promise<MyTable[]> {
  const today = new Date().toISOString().slice(0, 10);
  const seats = new Map<string, { organisationId: string; organisationName: string | null }>();
  for (const organisationId of session.roles.referentFor) {
    const { items } = await api<{ items: Designation[] }>(
      "GET",
      `/organisations/${organisationId}/designations?limit=100`,
    );
    for (const d of items) {
      if (d.personId === session.person.id && (d.to === null || d.to >= today) && !seats.has(d.tableId))
        seats.set(d.tableId, { organisationId: d.organisationId, organisationName: d.organisationName });
    }
  }
  const tables: MyTable[] = [];
  for (const [tableId, seat] of seats) {
    const table = await api<{ name: string }>("GET", `/tables/${tableId}`);
    tables.push({ tableId, name: table.name, ...seat });
  }
  return tables.sort((a, b) => a.name.localeCompare(b.name));
}
