// The tables feature's public surface for clients.
export type { TableDoc } from "./documents.ts";
export { matchTableName, tablesOrganisedByMe } from "./organised.ts";
export { eraseFromTableCoordinators } from "./personal-data.ts";
