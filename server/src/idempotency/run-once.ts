import type { Ctx } from "../shared/context.ts";
import { claimKey, type KeyedRequest, releaseClaim, storeResponse } from "./claim.ts";
import type { StoredResponse } from "./documents.ts";
import { REPLAYED_HEADER } from "./key.ts";

/**
 * Runs a keyed request at most once per (person, key) and answers its repeats with the stored
 * result, marked `Idempotent-Replayed: true`. A 5xx (or a throw) is not stored: the claim is released
 * and a retry runs again. The HTTP middleware and the push action route both go through here.
 */
export async function respondOnce(
  ctx: Ctx,
  request: KeyedRequest,
  run: () => Promise<Response>,
): Promise<Response> {
  const outcome = await claimKey(ctx, request);
  if (outcome.kind === "replay") return replay(outcome.response);
  let stored = false;
  try {
    const response = await run();
    if (response.status < 500) {
      await storeResponse(ctx, outcome.claim, await snapshot(response));
      stored = true;
    }
    return response;
  } finally {
    // Best effort: with the database down the release fails too, and the lease frees the key later.
    if (!stored) await releaseClaim(ctx, outcome.claim).catch(() => {});
  }
}

async function snapshot(response: Response): Promise<StoredResponse> {
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    body: await response.clone().text(),
  };
}

function replay(stored: StoredResponse): Response {
  const headers = new Headers({ [REPLAYED_HEADER]: "true" });
  if (stored.contentType) headers.set("content-type", stored.contentType);
  return new Response(stored.status === 204 ? null : stored.body, { status: stored.status, headers });
}
