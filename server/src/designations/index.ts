// The designations feature's public surface for clients.
export { mySeats, type Seat } from "./my-seats.ts";
