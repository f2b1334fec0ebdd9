import { createDecipheriv, createPublicKey, type ECDH, hkdfSync, verify } from "node:crypto";

/** RFC 8292 §2: the JWT's `exp` is at most 24 hours ahead. */
const MAX_EXP_SECONDS = 24 * 3600;

/**
 * RFC 8292 §3: `Authorization: vapid t=<JWT>, k=<public key>`. The JWT must be ES256, signed by `k`,
 * for this origin, not expired nor more than a day ahead, with a contact (`sub`). The claims, or why not.
 */
export function verifyVapid(authorization: string | null, origin: string) {
  const params = /^vapid\s+(.+)$/i.exec(authorization ?? "")?.[1];
  if (!params) return "no vapid authorization";
  const fields = Object.fromEntries(
    params.split(",").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  );
  const { t, k } = fields;
  if (!t || !k) return "vapid needs t and k";
  const [head = "", claims = "", signature = ""] = t.split(".");
  const json = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  let alg: unknown;
  let payload: { aud?: unknown; exp?: unknown; sub?: unknown };
  try {
    alg = json(head).alg;
    payload = json(claims);
  } catch {
    return "JWT is not JSON";
  }
  if (alg !== "ES256") return "JWT is not ES256";
  const point = Buffer.from(k, "base64url");
  if (point.length !== 65 || point[0] !== 4) return "k is not an uncompressed P-256 point";
  const publicKey = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  const signed = Buffer.from(`${head}.${claims}`);
  const valid = verify(
    "sha256",
    signed,
    { key: publicKey, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!valid) return "JWT signature does not verify with k";
  if (payload.aud !== origin) return `aud ${String(payload.aud)} is not ${origin}`;
  const now = Date.now() / 1000;
  if (typeof payload.exp !== "number" || payload.exp <= now) return "JWT expired";
  if (payload.exp > now + MAX_EXP_SECONDS) return "exp more than 24 hours ahead";
  if (typeof payload.sub !== "string" || !/^(mailto:|https:)/.test(payload.sub)) return "no sub contact";
  return { aud: payload.aud, exp: payload.exp, sub: payload.sub, k };
}

/**
 * RFC 8291 with RFC 8188: the header (salt, record size, the sender's ephemeral key as key id), the
 * shared secret of that key and the browser's, mixed with the auth secret into the content key and
 * nonce; one aes-128-gcm record whose plaintext ends in the 0x02 delimiter and zero padding.
 */
export function decrypt(body: Buffer, browser: { ecdh: ECDH; auth: Buffer }): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20] ?? 0;
  const senderKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error("key id is not a P-256 public key");
  if (record.length > recordSize) throw new Error("more than one record");
  const browserKey = browser.ecdh.getPublicKey();
  const shared = browser.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), browserKey, senderKey]);
  const ikm = Buffer.from(hkdfSync("sha256", shared, browser.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("no last-record delimiter");
  return padded.subarray(0, end).toString("utf8");
}
