import { MongoError, MongoNetworkError, MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import { toAppError } from "./errors.ts";

// The driver's real error classes, as it throws them; which answer each one becomes.
describe("database errors at the edge", () => {
  it("answers 503 with Retry-After for an unreachable database, also when it caused another error", () => {
    const network = new MongoNetworkError("connection interrupted due to server monitor timeout");
    const wrapped = new MongoError("bulk write failed");
    wrapped.cause = network;
    const labelled = new MongoServerError({ errmsg: "not primary", code: 10107 });
    labelled.addErrorLabel("RetryableWriteError");
    for (const error of [network, wrapped, labelled]) {
      const appError = toAppError(error);
      expect([appError.code, appError.status, appError.details]).toEqual([
        "database_unavailable",
        503,
        { retryAfterSeconds: 5 },
      ]);
    }
  });

  it("keeps a duplicate key a conflict and anything unknown an internal error", () => {
    expect(toAppError(new MongoServerError({ errmsg: "E11000", code: 11000 })).code).toBe("conflict");
    expect(toAppError(new MongoServerError({ errmsg: "bad", code: 2 })).code).toBe("internal");
  });
});
