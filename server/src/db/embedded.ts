import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { join } from "node:path";

/** A running embedded FerretDB (SQLite backend) and how to stop it. */
export type EmbeddedMongo = { uri: string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolveAccepts) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolveAccepts(true);
    });
    socket.once("error", () => resolveAccepts(false));
  });
}

/** Starts FerretDB on a free loopback port with its data in dataDir; resolves once it accepts connections. */
export async function startEmbeddedMongo(options: {
  binary: string;
  dataDir: string;
}): Promise<EmbeddedMongo> {
  if (!existsSync(options.binary)) {
    throw new Error(
      `FerretDB non trovato in ${options.binary}: eseguire "npm run db:build" o impostare MONGODB_URI. / FerretDB binary missing: run "npm run db:build" or set MONGODB_URI.`,
    );
  }
  mkdirSync(options.dataDir, { recursive: true });
  const port = await freePort();
  // A tiny shell watchdog owns FerretDB: when our process dies (even by SIGKILL) its stdin pipe closes,
  // `read` returns and FerretDB is stopped, so no orphan keeps the port and the SQLite files.
  const watchdog = '"$0" "$@" & pid=$!; read -r _; kill "$pid" 2>/dev/null; wait "$pid"';
  const child: ChildProcess = spawn(
    "/bin/sh",
    [
      "-c",
      watchdog,
      options.binary,
      "--handler=sqlite",
      `--sqlite-url=file:${join(options.dataDir, "/")}`,
      `--state-dir=${options.dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      "--debug-addr=-",
      "--telemetry=disable",
      "--log-level=error",
    ],
    { stdio: ["pipe", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
  const deadline = Date.now() + 20_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.stdin?.end();
      throw new Error(`FerretDB did not start on port ${port}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.stdin?.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
