import { defineEvents, hexId, z } from "../shared/event-schema.ts";

/** Asked for through `POST /auth/login-links`; the login mail is sent from it (login-mail.ts). */
export const LOGIN_LINK_REQUESTED = "person.login_link_requested";

/** The events the auth feature records (merged into the catalogue, `server/src/events.ts`). */
export const authEvents = defineEvents({
  /** Nothing but the person's id: the link's token is issued at delivery and exists only in the mail. */
  [LOGIN_LINK_REQUESTED]: z.strictObject({ personId: hexId() }),
});
