import { randomBytes } from "node:crypto";
import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { signActionToken, verifyActionToken } from "./token.ts";

const secret = randomBytes(32);
const grant = {
  personId: new ObjectId(),
  meetingId: new ObjectId(),
  answer: "remoto" as const,
  expiresAt: new Date("2026-03-24T09:00:00Z"),
};
const before = new Date("2026-03-23T09:00:00Z");
const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe("push action tokens", () => {
  it("are short, carry the grant, and differ each time they are made", () => {
    const token = signActionToken(secret, grant);
    expect(token).toMatch(/^[A-Za-z0-9_-]{70}$/);
    expect(verifyActionToken(secret, token, before)).toMatchObject(grant);
    expect(signActionToken(secret, grant)).not.toBe(token);
  });

  it("are refused when forged, altered, truncated or signed with another key (401)", () => {
    const token = signActionToken(secret, grant);
    const bytes = Buffer.from(token, "base64url");
    for (let i = 0; i < bytes.length; i++) {
      const altered = Buffer.from(bytes);
      altered[i] = (altered[i] ?? 0) ^ 1;
      expect(
        code(() => verifyActionToken(secret, altered.toString("base64url"), before)),
        `byte ${i}`,
      ).toBe("invalid_action_token");
    }
    for (const bad of [token.slice(0, -2), `${token}AA`, "", "non è un token", token.replace(/./, "+")])
      expect(code(() => verifyActionToken(secret, bad, before))).toBe("invalid_action_token");
    expect(code(() => verifyActionToken(randomBytes(32), token, before))).toBe("invalid_action_token");
  });

  it("expire at the deadline (410), and a forged expired one is still just forged", () => {
    const token = signActionToken(secret, grant);
    expect(code(() => verifyActionToken(secret, token, grant.expiresAt))).toBeNull();
    const after = new Date(grant.expiresAt.getTime() + 1000);
    expect(code(() => verifyActionToken(secret, token, after))).toBe("action_token_expired");
    expect(code(() => verifyActionToken(randomBytes(32), token, after))).toBe("invalid_action_token");
  });
});
