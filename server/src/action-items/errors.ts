import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the action-items feature refuses with (merged into shared/errors.ts's one catalogue). */
export const actionItemErrors = {
  action_item_transition_invalid: {
    status: 409,
    it: "L'azione non può passare a questo stato: un'azione aperta si completa o si annulla, una completata si può solo riaprire, una annullata resta tale.",
    en: "The action item cannot move to this status: an open item is completed or cancelled, a completed one can only be reopened, a cancelled one stays so.",
  },
} as const satisfies Record<string, ErrorEntry>;
