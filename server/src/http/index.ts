// The web layer's public surface: what a client mounting its own routes on the app needs.
export { CONTENT_SECURITY_POLICY } from "./content-security.ts";
export type { AppEnv, Lang } from "./env.ts";
export { staticFile } from "./static-file.ts";
