// The RSVP feature's public surface.

export { answerRsvp } from "./answer.ts";
export type { RsvpAnswer } from "./documents.ts";
export { exportRsvpsOf } from "./personal-data.ts";
