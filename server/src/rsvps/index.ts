// The RSVP feature's public surface.
export type { RsvpAnswer } from "../db/collections.ts";
export { answerRsvp } from "./answer.ts";
