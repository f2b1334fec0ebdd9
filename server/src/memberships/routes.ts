import { newRouter } from "../http/env.ts";

// Placeholder until the feature lands.
export function membershipRoutes() {
  return newRouter();
}
