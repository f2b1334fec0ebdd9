import { createPrivateKey, sign } from "node:crypto";
import { request } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { type FakePush, startFakePush } from "./support/fake-push.ts";

describe("the push service stand-in checks VAPID as a push service does", () => {
  let push: FakePush;
  beforeAll(async () => {
    push = await startFakePush();
  });
  afterAll(() => push.close());

  /** Posts what web-push would, with the Authorization header swapped for `authorization`. */
  async function postWith(authorization: (browser: ReturnType<FakePush["subscribe"]>) => string) {
    const keys = webpush.generateVAPIDKeys();
    const browser = push.subscribe();
    const details = webpush.generateRequestDetails(browser, "ciao", {
      vapidDetails: { subject: "mailto:a@example.it", ...keys },
      TTL: 60,
    });
    const { Authorization: _, ...headers } = details.headers as Record<string, string>;
    const response = await fetchVia(
      push,
      browser.endpoint,
      {
        ...headers,
        authorization: authorization(browser),
      },
      details.body as Buffer,
    );
    const received = await push.waitFor((p) => p.endpoint === browser.endpoint);
    return { status: response, refusal: received.refusal, keys };
  }

  const jwt = (keys: { publicKey: string; privateKey: string }, aud: string, exp: number) =>
    webpush.getVapidHeaders(aud, "mailto:a@example.it", keys.publicKey, keys.privateKey, "aes128gcm", exp)
      .Authorization;
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  it("takes a well-signed request", async () => {
    const keys = webpush.generateVAPIDKeys();
    const result = await postWith(() => jwt(keys, push.origin, inAnHour()));
    expect([result.status, result.refusal]).toEqual([201, null]);
  });

  it("refuses a JWT signed by another key than k, for another origin, or expired", async () => {
    const signer = webpush.generateVAPIDKeys();
    const other = webpush.generateVAPIDKeys();
    const forged = await postWith(() =>
      jwt(signer, push.origin, inAnHour()).replace(signer.publicKey, other.publicKey),
    );
    expect([forged.status, forged.refusal]).toEqual([401, "JWT signature does not verify with k"]);
    const elsewhere = await postWith(() => jwt(signer, "https://push.example.com", inAnHour()));
    expect([elsewhere.status, elsewhere.refusal]).toEqual([
      401,
      `aud https://push.example.com is not ${push.origin}`,
    ]);
    const expired = await postWith(() => jwt(signer, push.origin, Math.floor(Date.now() / 1000) - 10));
    expect([expired.status, expired.refusal]).toEqual([401, "JWT expired"]);
    const none = await postWith(() => "WebPush nothing");
    expect([none.status, none.refusal]).toEqual([401, "no vapid authorization"]);
  });

  it("refuses a JWT meant to live more than a day, or without a contact", async () => {
    const keys = webpush.generateVAPIDKeys();
    const now = Math.floor(Date.now() / 1000);
    const tooLong = await postWith(() =>
      signedJwt(keys, { aud: push.origin, exp: now + 25 * 3600, sub: "mailto:a@b.it" }),
    );
    expect([tooLong.status, tooLong.refusal]).toEqual([401, "exp more than 24 hours ahead"]);
    const anonymous = await postWith(() => signedJwt(keys, { aud: push.origin, exp: now + 3600 }));
    expect([anonymous.status, anonymous.refusal]).toEqual([401, "no sub contact"]);
  });
});

/** `vapid t=…, k=…` with claims web-push would refuse to sign, signed ES256 by `keys` all the same. */
function signedJwt(keys: { publicKey: string; privateKey: string }, claims: Record<string, unknown>): string {
  const point = Buffer.from(keys.publicKey, "base64url");
  const key = createPrivateKey({
    key: {
      kty: "EC",
      crv: "P-256",
      d: keys.privateKey,
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ typ: "JWT", alg: "ES256" })}.${part(claims)}`;
  const signature = sign("sha256", Buffer.from(unsigned), { key, dsaEncoding: "ieee-p1363" });
  return `vapid t=${unsigned}.${signature.toString("base64url")}, k=${keys.publicKey}`;
}

/** One https POST through the stand-in's trusting agent; resolves with the status. */
async function fetchVia(push: FakePush, url: string, headers: Record<string, string>, body: Buffer) {
  return new Promise<number>((resolve, reject) => {
    const req = request(url, { method: "POST", headers, agent: push.agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}
