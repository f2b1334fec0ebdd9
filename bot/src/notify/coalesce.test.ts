import { describe, expect, it } from "vitest";
import { coalesced } from "./coalesce.ts";

/** A run that ends when the test says so, and the order things happened in. */
function controlledRuns() {
  const log: string[] = [];
  const ends: Array<(error?: Error) => void> = [];
  const run = (key: string) => {
    const n = ends.length + 1;
    log.push(`start ${key}#${n}`);
    return new Promise<void>((resolve, reject) => {
      ends.push((error) => {
        log.push(`end ${key}#${n}`);
        if (error) reject(error);
        else resolve();
      });
    });
  };
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return { log, ends, run, tick };
}

describe("coalesced refreshes", () => {
  it("answers the calls made during a run with one run started after it, never with the running one", async () => {
    const { log, ends, run, tick } = controlledRuns();
    const refresh = coalesced(run);
    const first = refresh("m1");
    const second = refresh("m1");
    const third = refresh("m1");
    expect(second).toBe(third);
    await tick();
    expect(log).toEqual(["start m1#1"]);
    ends[0]?.();
    await first;
    await tick();
    expect(log).toEqual(["start m1#1", "end m1#1", "start m1#2"]);
    ends[1]?.();
    await Promise.all([second, third]);
    // Nothing running: the next call starts at once.
    const fourth = refresh("m1");
    await tick();
    expect(log.at(-1)).toBe("start m1#3");
    ends[2]?.();
    await fourth;
  });

  it("keeps sittings apart and lets every caller of a failed run fail", async () => {
    const { log, ends, run, tick } = controlledRuns();
    const refresh = coalesced(run);
    const a = refresh("m1");
    const b = refresh("m2");
    await tick();
    expect(log).toEqual(["start m1#1", "start m2#2"]);
    ends[0]?.(new Error("slack down"));
    ends[1]?.();
    await expect(a).rejects.toThrow("slack down");
    await b;
    const again = refresh("m1");
    await tick();
    ends[2]?.();
    await again;
    expect(log.at(-2)).toBe("start m1#3");
  });
});
