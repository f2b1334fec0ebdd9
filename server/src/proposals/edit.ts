import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { recordProposal } from "./audit.ts";
import type { ProposalDoc } from "./documents.ts";
import { loadProposal, requireVisible } from "./queries.ts";
import { checkContent, requireProposalOrganiser } from "./rules.ts";

export type EditProposalInput = { id: ObjectId; title?: string; text?: string; confidential?: boolean };

/** The organisers change a draft's words or confidentiality; once approved it is frozen. Emits `proposal.edited`. */
export async function editProposal({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: EditProposalInput;
}): Promise<ProposalDoc> {
  const first = await loadProposal(ctx, input.id);
  await requireVisible(ctx, first.doc, first.table);
  requireProposalOrganiser(ctx, first.table);
  const changed = await changeGuarded(
    ctx.c.proposals,
    async () => (await loadProposal(ctx, input.id)).doc,
    (current) => {
      if (current.status !== "bozza")
        throw new AppError("proposal_not_draft", { id: input.id.toHexString(), status: current.status });
      const content = checkContent({ title: input.title ?? current.title, text: input.text ?? current.text });
      return {
        $set: { ...content, confidential: input.confidential ?? current.confidential, updatedAt: ctx.now() },
      };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "proposal", id: input.id.toHexString() });
  const { before, after } = changed;
  await recordProposal(ctx, {
    type: "proposal.edited",
    before: { title: before.title, text: before.text, confidential: before.confidential },
    after,
    extra: {},
  });
  return after;
}
