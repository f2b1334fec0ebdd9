// The minutes feature's public surface for clients.
export { getMinutesStatus } from "./status.ts";
