// Push action tokens' public surface: the push reminder channel mints them, the app mounts the route.
export { type RsvpAction, rsvpActionsFor } from "./actions.ts";
export { rsvpActionRoutes } from "./routes.ts";
