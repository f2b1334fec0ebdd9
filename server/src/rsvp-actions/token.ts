import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ObjectId } from "mongodb";
import { AppError } from "../shared/errors.ts";

/** The answers a push notification offers; the others need the app (a delegate must be chosen). */
export const ACTION_ANSWERS = ["presenza", "remoto"] as const;
export type ActionAnswer = (typeof ACTION_ANSWERS)[number];

/** What a token grants: this person may give this answer to this sitting until `expiresAt`. */
export type ActionGrant = {
  personId: ObjectId;
  meetingId: ObjectId;
  answer: ActionAnswer;
  expiresAt: Date;
  /** Random per token: two notifications' "Partecipo" are two tokens, each usable once. */
  nonce: string;
};

const VERSION = 1;
const NONCE_BYTES = 6;
const MAC_BYTES = 16;
// version, meeting, person, answer, expiry (seconds), nonce | MAC
const SIGNED_BYTES = 1 + 12 + 12 + 1 + 4 + NONCE_BYTES;
const TOKEN_BYTES = SIGNED_BYTES + MAC_BYTES;
const DOMAIN = Buffer.from("tavoli rsvp action\0");

const mac = (secret: Buffer, signed: Buffer) =>
  createHmac("sha256", secret).update(DOMAIN).update(signed).digest().subarray(0, MAC_BYTES);

/**
 * A short signed token (52 bytes, 70 base64url characters, so two fit a push payload easily): the
 * grant in binary and a 128-bit HMAC-SHA256 tag. Signed rather than stored, so sending a reminder writes
 * nothing and no token table needs sweeping or erasing; spending one is recorded by the idempotency
 * claim the route takes on its nonce.
 */
export function signActionToken(secret: Buffer, grant: Omit<ActionGrant, "nonce">): string {
  const signed = Buffer.alloc(SIGNED_BYTES);
  signed.writeUInt8(VERSION, 0);
  Buffer.from(grant.meetingId.id).copy(signed, 1);
  Buffer.from(grant.personId.id).copy(signed, 13);
  signed.writeUInt8(ACTION_ANSWERS.indexOf(grant.answer), 25);
  signed.writeUInt32BE(Math.floor(grant.expiresAt.getTime() / 1000), 26);
  randomBytes(NONCE_BYTES).copy(signed, 30);
  return Buffer.concat([signed, mac(secret, signed)]).toString("base64url");
}

/**
 * The grant of a genuine token: 401 `invalid_action_token` for anything not signed with this
 * installation's key (checked in constant time, before anything else is believed), 410
 * `action_token_expired` once its deadline has passed.
 */
export function verifyActionToken(secret: Buffer, token: string, now: Date): ActionGrant {
  const bytes = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, "base64url") : Buffer.alloc(0);
  if (bytes.length !== TOKEN_BYTES) throw new AppError("invalid_action_token");
  const signed = bytes.subarray(0, SIGNED_BYTES);
  if (!timingSafeEqual(bytes.subarray(SIGNED_BYTES), mac(secret, signed)))
    throw new AppError("invalid_action_token");
  const answer = ACTION_ANSWERS[signed.readUInt8(25)];
  if (signed.readUInt8(0) !== VERSION || !answer) throw new AppError("invalid_action_token");
  const expiresAt = new Date(signed.readUInt32BE(26) * 1000);
  if (now > expiresAt) throw new AppError("action_token_expired", { expiredAt: expiresAt.toISOString() });
  return {
    meetingId: new ObjectId(signed.subarray(1, 13)),
    personId: new ObjectId(signed.subarray(13, 25)),
    answer,
    expiresAt,
    nonce: signed.subarray(30, 30 + NONCE_BYTES).toString("hex"),
  };
}
