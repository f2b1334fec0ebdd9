// Idempotency-Key's public surface: the app mounts the middleware, creating routes read the creation key.
export { expiredIdempotencyRecordsPruner } from "./claim.ts";
export { creationKeyOf } from "./creation-key.ts";
export { insertOnce } from "./insert-once.ts";
export { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from "./key.ts";
export { idempotency } from "./middleware.ts";
export { documentIdempotencyKey } from "./openapi.ts";
export { eraseIdempotencyRecordsOf } from "./personal-data.ts";
export { respondOnce } from "./run-once.ts";
