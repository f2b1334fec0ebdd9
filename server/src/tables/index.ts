// The tables feature's public surface for clients.
export type { TableDoc } from "../db/collections.ts";
export { matchTableName, tablesOrganisedByMe } from "./organised.ts";
