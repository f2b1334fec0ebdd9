import { newRouter } from "../http/env.ts";

/** Routes of the rsvps feature (filled in by the feature's use cases). */
export function rsvpRoutes() {
  const router = newRouter();
  return router;
}
