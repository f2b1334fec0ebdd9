import { defineEvents, hexId, z } from "../shared/event-schema.ts";
import { ADOPTION_STATES } from "./states.ts";

/**
 * Every proposal payload names ids and confidentiality; the title only when the proposal is not
 * confidential (DOMAIN rule 10), never the text: a confidential one has no `title` field at all.
 */
function proposal<S extends z.ZodRawShape>(extra: S) {
  const base = { proposalId: hexId(), tableId: hexId(), ...extra };
  return z.discriminatedUnion("confidential", [
    z.strictObject({ ...base, confidential: z.literal(true) }),
    z.strictObject({ ...base, confidential: z.literal(false), title: z.string() }),
  ]);
}

/** The events the proposals feature records (merged into the catalogue, `server/src/events.ts`). */
export const proposalEvents = defineEvents({
  "proposal.drafted": proposal({}),
  "proposal.edited": proposal({}),
  "proposal.approved": proposal({}),
  "proposal.withdrawn": proposal({}),
  /** The organisations it was addressed to: each one's referents are told (the Slack bot's notice). */
  "proposal.addressed": proposal({ organisationIds: z.array(hexId()) }),
  /** An organisation's answer (a correction too: `corrected`), without the act's text or the reason. */
  "proposal.adoption_recorded": proposal({
    organisationId: hexId(),
    state: z.enum(ADOPTION_STATES),
    corrected: z.boolean(),
  }),
});
