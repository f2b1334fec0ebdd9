import type { Server } from "node:http";

/**
 * Counts the requests in flight on a Node HTTP server and stops it gracefully: no new connections,
 * in-flight requests answered (up to `timeoutMs`), idle keep-alive connections closed. Only then may
 * the caller close the database: closing it first turned in-flight writes into 500s (some applied).
 */
export function gracefulStopper(server: Server) {
  let inFlight = 0;
  let drained: (() => void) | null = null;
  server.on("request", (_request, response) => {
    inFlight += 1;
    response.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
  });
  return {
    inFlight: () => inFlight,
    stop: async (timeoutMs: number): Promise<{ unfinished: number }> => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, timeoutMs).unref();
        });
      }
      const unfinished = inFlight;
      server.closeAllConnections();
      await closed;
      return { unfinished };
    },
  };
}
