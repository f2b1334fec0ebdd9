import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { actionSecret } from "./secret.ts";
import { ACTION_ANSWERS, type ActionAnswer, signActionToken } from "./token.ts";

/** One button of a push notification: the service worker posts `token` to /api/v1/rsvp-actions. */
export type RsvpAction = { action: ActionAnswer; title: string; token: string };

const TITLES = {
  it: { presenza: "Partecipo", remoto: "Da remoto" },
  en: { presenza: "Attending", remoto: "Remotely" },
} as const;

/**
 * The answer buttons of a reminder for one person: one fresh token per answer, each valid for this
 * person, this sitting and this answer only, until `until` (the RSVP deadline).
 */
export async function rsvpActionsFor(
  ctx: Ctx,
  input: { personId: ObjectId; meetingId: ObjectId; until: Date; lang: "it" | "en" },
): Promise<RsvpAction[]> {
  const secret = await actionSecret(ctx);
  return ACTION_ANSWERS.map((answer) => ({
    action: answer,
    title: TITLES[input.lang][answer],
    token: signActionToken(secret, {
      personId: input.personId,
      meetingId: input.meetingId,
      answer,
      expiresAt: input.until,
    }),
  }));
}
