import { newRouter } from "../http/env.ts";

/** Routes of the calendar feature (filled in by the feature's use cases). */
export function calendarRoutes() {
  const router = newRouter();
  return router;
}
