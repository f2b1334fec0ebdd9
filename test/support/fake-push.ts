import { createECDH, type ECDH, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Agent, createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { selfSignedCertificate } from "./self-signed.ts";
import { decrypt, verifyVapid } from "./web-push-protocol.ts";

/** What a browser's `PushSubscription.toJSON()` gives, as the PWA posts it. */
export type BrowserSubscription = {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
};

/** One request the stand-in received, with what it answered and, when it could, the decrypted message. */
export type ReceivedPush = {
  endpoint: string;
  status: number;
  /** Why it was refused (401, 403, 400…), or null. */
  refusal: string | null;
  ttl: string | null;
  urgency: string | null;
  topic: string | null;
  /** The verified VAPID claims and key. */
  vapid: { aud: string; exp: number; sub: string; k: string } | null;
  /** The decrypted payload as the service worker would read it. */
  plaintext: string | null;
  /** Size of the encrypted body in bytes. */
  bodyBytes: number;
};

type Subscriber = { ecdh: ECDH; auth: Buffer; applicationServerKey: string | null };
type Failure = { status: 404 | 410 | 413 | 429 | 500 | 503; retryAfter?: string };

/** RFC 8030 §7.2: a push service must accept at least 4,096 bytes of payload, and may refuse more. */
const MAX_BODY_BYTES = 4096;

/**
 * A browser push service on a loopback https port, speaking the real protocol: it takes Web Push
 * requests (RFC 8030), checks their VAPID authorization (RFC 8292: ES256 JWT signed by `k`, `aud` this
 * origin, `exp` ahead by at most a day, `sub` given, `k` the key the browser subscribed with) and
 * decrypts their aes128gcm body (RFC 8291/8188) with the subscription's private key and auth secret,
 * as the browser would. `web-push` talks to it unchanged through `agent`, which trusts its certificate.
 */
export async function startFakePush() {
  const { key, cert } = selfSignedCertificate("fake push service");
  const subscribers = new Map<string, Subscriber>();
  const failures = new Map<string, Failure>();
  const received: ReceivedPush[] = [];
  const waiters = new Set<{ match: (push: ReceivedPush) => boolean; done: (push: ReceivedPush) => void }>();

  const server = createServer({ key, cert }, async (request, response) => {
    const body = await readBody(request);
    const endpoint = `${origin}${request.url ?? ""}`;
    const push = handle(request, body, endpoint);
    received.push(push);
    answer(response, push, failures.get(endpoint));
    for (const waiter of waiters) if (waiter.match(push)) waiter.done(push);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Keep-alive like https.globalAgent, which production uses: one TLS handshake per connection, not per push.
  const agent = new Agent({ ca: cert, keepAlive: true });

  /** Checks and decrypts one request; fills in `status` 201 unless something is wrong with it. */
  function handle(request: IncomingMessage, body: Buffer, endpoint: string): ReceivedPush {
    const push: ReceivedPush = {
      endpoint,
      status: 201,
      refusal: null,
      ttl: header(request, "ttl"),
      urgency: header(request, "urgency"),
      topic: header(request, "topic"),
      vapid: null,
      plaintext: null,
      bodyBytes: body.length,
    };
    const refuse = (status: number, refusal: string) => Object.assign(push, { status, refusal });
    const subscriber = subscribers.get(endpoint);
    if (request.method !== "POST" || !subscriber) return refuse(404, "no such subscription");
    const vapid = verifyVapid(header(request, "authorization"), origin);
    if (typeof vapid === "string") return refuse(401, vapid);
    push.vapid = vapid;
    if (subscriber.applicationServerKey && vapid.k !== subscriber.applicationServerKey)
      return refuse(403, "k is not the key the browser subscribed with");
    if (push.ttl === null || !/^\d+$/.test(push.ttl)) return refuse(400, "TTL missing or not a number");
    if (push.urgency !== null && !["very-low", "low", "normal", "high"].includes(push.urgency))
      return refuse(400, "bad Urgency");
    if (push.topic !== null && !/^[A-Za-z0-9_-]{1,32}$/.test(push.topic)) return refuse(400, "bad Topic");
    if (body.length > MAX_BODY_BYTES) return refuse(413, "payload too large");
    if (header(request, "content-encoding") !== "aes128gcm") return refuse(400, "not aes128gcm");
    try {
      push.plaintext = decrypt(body, subscriber);
    } catch (error) {
      return refuse(400, `cannot decrypt: ${(error as Error).message}`);
    }
    return push;
  }

  return {
    origin,
    /** The https agent `sendPush` needs to trust this service's certificate. */
    agent,
    received,
    /**
     * A new subscription, made as a browser makes one: a P-256 key pair and 16 random auth bytes, the
     * private half kept here to decrypt. With `applicationServerKey`, only that VAPID key may push to it.
     */
    subscribe(applicationServerKey?: string): BrowserSubscription {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const endpoint = `${origin}/push/${randomBytes(12).toString("base64url")}`;
      subscribers.set(endpoint, { ecdh, auth, applicationServerKey: applicationServerKey ?? null });
      return {
        endpoint,
        expirationTime: null,
        keys: { p256dh: ecdh.getPublicKey("base64url"), auth: auth.toString("base64url") },
      };
    },
    /** From now on, answers this endpoint with `status` (429 and 5xx with the `Retry-After` given). */
    failWith(endpoint: string, failure: Failure) {
      failures.set(endpoint, failure);
    },
    /** Resolves with the first received request that matches, already there or still to come. */
    waitFor(match: (push: ReceivedPush) => boolean, timeoutMs = 5000): Promise<ReceivedPush> {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          done: (push: ReceivedPush) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(push);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching push among ${received.length} received`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakePush = Awaited<ReturnType<typeof startFakePush>>;

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answer(response: ServerResponse, push: ReceivedPush, failure: Failure | undefined) {
  if (push.status === 201 && failure) {
    push.status = failure.status;
    response.writeHead(failure.status, failure.retryAfter ? { "retry-after": failure.retryAfter } : {});
  } else if (push.status === 201) {
    response.writeHead(201, { location: `/message/${randomBytes(8).toString("hex")}` });
  } else {
    response.writeHead(push.status, { "content-type": "text/plain" });
  }
  response.end(push.refusal ?? "");
}
