import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { requireActingFor } from "../shared/policy.ts";
import { recordProposal } from "./audit.ts";
import type { AdoptionAct, AdoptionRecord, ProposalDoc } from "./documents.ts";
import { loadProposal, requireVisible } from "./queries.ts";
import { checkAct } from "./rules.ts";

export type RecordAdoptionInput = {
  id: ObjectId;
  organisationId: ObjectId;
  state: "adottata" | "non_adottata";
  act: AdoptionAct | null;
  reason: string | null;
};

/**
 * An addressed organisation records, for itself only (DOMAIN rule 4: its referents, or an installation
 * admin; an agreement admin may not answer for a member), whether it adopted the proposal and by which
 * act, or why not. Proposals are non-binding (rule 7), so the answer can be corrected: the one it
 * replaces moves to the adoption's history. Emits `proposal.adoption_recorded` (state only).
 */
export async function recordAdoption({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: RecordAdoptionInput;
}): Promise<ProposalDoc> {
  const { doc, table } = await loadProposal(ctx, input.id);
  await requireVisible(ctx, doc, table);
  const actor = requireActingFor(ctx, input.organisationId);
  const answer = checkAnswer(ctx, input);
  const key = input.organisationId.toHexString();
  const changed = await changeGuarded(
    ctx.c.proposals,
    async () => (await loadProposal(ctx, input.id)).doc,
    (current) => {
      const adoption = current.adoptions.find((a) => a.organisationId.equals(input.organisationId));
      if (current.status !== "indirizzata" || !adoption)
        throw new AppError("proposal_not_addressed_to_organisation", {
          id: input.id.toHexString(),
          organisationId: key,
        });
      const now = ctx.now();
      const { organisationId: _, history, ...previous } = adoption;
      const record: AdoptionRecord = { ...answer, recordedAt: now, recordedById: actor.personId };
      const earlier = previous.state === "in_valutazione" ? history : [...history, previous];
      const adoptions = current.adoptions.map((a) =>
        a === adoption ? { organisationId: a.organisationId, ...record, history: earlier } : a,
      );
      return { $set: { adoptions, updatedAt: now } };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "proposal", id: input.id.toHexString() });
  const { before, after } = changed;
  const was = before.adoptions.find((a) => a.organisationId.equals(input.organisationId));
  await recordProposal(ctx, {
    type: "proposal.adoption_recorded",
    before: { organisationId: key, state: was?.state, act: was?.act, reason: was?.reason },
    after,
    extra: { organisationId: key, state: answer.state, corrected: was?.state !== "in_valutazione" },
  });
  return after;
}

/** An adoption names its act (date not in the future); a refusal keeps only its optional reason. */
function checkAnswer(ctx: Ctx, input: RecordAdoptionInput) {
  if (input.state === "adottata") {
    if (!input.act) throw new AppError("adoption_act_required");
    return { state: input.state, act: checkAct(ctx, input.act), reason: null };
  }
  if (input.state !== "non_adottata")
    throw new AppError("validation_failed", [{ path: "state", message: "adottata | non_adottata" }]);
  return { state: input.state, act: null, reason: input.reason?.trim() || null };
}
