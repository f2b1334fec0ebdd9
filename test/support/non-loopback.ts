import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { networkInterfaces } from "node:os";

/** An IPv4 address of this machine that is not loopback, usable as a client's source address. */
export type NonLoopbackSource = {
  address: string;
  /** GET http://address:port/path from that address: the server sees it as the socket's peer. */
  get(port: number, path: string): Promise<{ status: number; body: string }>;
  close(): void;
};

// RFC 2544 benchmarking range: never routed, so an address made here cannot clash with a real network.
const MADE_HOST_SIDE = "198.18.0.1";
const MADE_PEER_SIDE = "198.18.0.2";

/** The machine's own non-loopback interface address, if it has one (e.g. eth0's). */
function existingAddress(): string | null {
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) if (entry.family === "IPv4" && !entry.internal) return entry.address;
  }
  return null;
}

/**
 * Makes a non-loopback address on a fresh network namespace's veth pair (needs root): the host side
 * keeps 198.18.0.1, a local address that is not loopback. Returns null (with why) when it cannot.
 */
function madeAddress(): { address: string; remove: () => void } | { reason: string } {
  const ns = `tavoli-t${randomBytes(3).toString("hex")}`;
  const hostSide = `${ns}-h`.slice(0, 15);
  const run = (...args: string[]) => execFileSync("ip", args, { stdio: "pipe" });
  try {
    run("netns", "add", ns);
    run("link", "add", hostSide, "type", "veth", "peer", "name", "peer0", "netns", ns);
    run("addr", "add", `${MADE_HOST_SIDE}/30`, "dev", hostSide);
    run("link", "set", hostSide, "up");
    run("-n", ns, "addr", "add", `${MADE_PEER_SIDE}/30`, "dev", "peer0");
    run("-n", ns, "link", "set", "peer0", "up");
  } catch (error) {
    try {
      run("netns", "delete", ns);
    } catch {}
    return { reason: `cannot create a network namespace (${(error as Error).message.split("\n")[0]})` };
  }
  return {
    address: MADE_HOST_SIDE,
    // Deleting the namespace deletes the veth pair with it.
    remove: () => run("netns", "delete", ns),
  };
}

/** One GET on its own connection, sent from `address` to `address:port` (the server must listen on 0.0.0.0). */
function getFrom(address: string, port: number, path: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: address, port, path, localAddress: address, agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * A client source address that is not loopback: the machine's own interface address, else one made on a
 * veth pair in a new network namespace. `{ skip }` says why when neither is possible.
 */
export function nonLoopbackSource(options: { make?: boolean } = {}): NonLoopbackSource | { skip: string } {
  const existing = options.make ? null : existingAddress();
  if (existing) return { address: existing, get: (port, path) => getFrom(existing, port, path), close() {} };
  const made = madeAddress();
  if ("reason" in made) return { skip: `no non-loopback address on this machine and ${made.reason}` };
  return {
    address: made.address,
    get: (port, path) => getFrom(made.address, port, path),
    close: made.remove,
  };
}
