import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The real product process (server/src/main.ts) on a free loopback port, with what it has printed so far. */
export type Product = { process: ChildProcess; url: string; output: () => string };

/**
 * Starts `server/src/main.ts` with `env` on top of this process's environment and resolves once its
 * output contains `until` (by default the line announcing the API).
 */
export async function startProduct(env: Record<string, string>, until = "[tavoli] API su"): Promise<Product> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(until)) resolve();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("exit", (code) => reject(new Error(`the product exited (${code}): ${out}`)));
  });
  return { process: child, url: `http://127.0.0.1:${port}`, output: () => out };
}
