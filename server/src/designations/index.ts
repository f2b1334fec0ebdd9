// The designations feature's public surface for clients.
export { mySeats, type Seat } from "./my-seats.ts";
export { eraseDesignationsOf, exportDesignationsOf } from "./personal-data.ts";
