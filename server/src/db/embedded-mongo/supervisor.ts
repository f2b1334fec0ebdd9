import { type ChildProcess, spawn } from "node:child_process";

/** How to start the supervised process on a port (0 = any) and how it says it is ready. */
export type SupervisedCommand = {
  name: string;
  command: string;
  args: (port: number) => string[];
  /** Matches the line the process prints once it accepts connections; group 1 is the port. */
  ready: RegExp;
  startTimeoutMs?: number;
};

/** A running supervised process: restarted on the same port with backoff whenever it exits on its own. */
export type Supervised = {
  port: number;
  /** The current process id (tests kill it to prove the restart). */
  pid: () => number | undefined;
  /** Resolves on the next successful (re)start. */
  restarted: () => Promise<void>;
  stop: () => Promise<void>;
};

const BACKOFF_MS = [100, 250, 500, 1000, 2000, 5000];
/** A process that stayed up this long is healthy again: the next failure restarts it at once. */
const HEALTHY_AFTER_MS = 30_000;

function startOnce(spec: SupervisedCommand, port: number) {
  // stdin stays an open pipe: the process exits when it closes, i.e. when we die, even by SIGKILL.
  const child: ChildProcess = spawn(spec.command, spec.args(port), { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const ready = new Promise<number>((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${spec.name} did not start within ${spec.startTimeoutMs ?? 60_000} ms: ${stderr}`));
    }, spec.startTimeoutMs ?? 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = spec.ready.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${spec.name} exited (${signal ?? code}) before it was ready: ${stderr}`));
    });
    child.once("error", reject);
  });
  return { child, ready };
}

/**
 * Starts a process and keeps it running: when it exits without being asked, it is started again on the
 * same port (so clients reconnect to the same address) after a growing delay, and one line says so.
 */
export async function supervise(spec: SupervisedCommand, log = console.error): Promise<Supervised> {
  const first = startOnce(spec, 0);
  const port = await first.ready;
  let current = first.child;
  let stopping = false;
  let failures = 0;
  let upSince = Date.now();
  let waiters: Array<() => void> = [];

  const watch = (child: ChildProcess) => {
    child.once("exit", (code, signal) => {
      if (stopping) return;
      if (Date.now() - upSince > HEALTHY_AFTER_MS) failures = 0;
      const delay = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)] ?? 5000;
      failures += 1;
      log(`[tavoli] ${spec.name} terminato (${signal ?? code}): riavvio tra ${delay} ms / restarting`);
      setTimeout(restart, delay).unref();
    });
  };
  const restart = async () => {
    if (stopping) return;
    const next = startOnce(spec, port);
    current = next.child;
    watch(next.child);
    try {
      await next.ready;
      upSince = Date.now();
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    } catch (error) {
      log(`[tavoli] ${spec.name}: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    }
  };
  watch(first.child);

  return {
    port,
    pid: () => current.pid,
    restarted: () => new Promise<void>((resolve) => waiters.push(resolve)),
    stop: async () => {
      stopping = true;
      const child = current;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.stdin?.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
