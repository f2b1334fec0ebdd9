import { Hono } from "hono";
import type { AppEnv } from "../http/env.ts";

// Placeholder until the feature lands.
export function authPages() {
  return new Hono<AppEnv>();
}
