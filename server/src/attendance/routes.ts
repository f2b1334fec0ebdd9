import { newRouter } from "../http/env.ts";

/** Routes of the attendance feature (filled in by the feature's use cases). */
export function attendanceRoutes() {
  const router = newRouter();
  return router;
}
