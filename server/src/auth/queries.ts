import type { PersonDoc } from "../people/documents.ts";
import { getMe } from "../people/queries.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { requireActor } from "../shared/policy.ts";

/** Lists the acting person's tokens (never the secrets). */
export async function listApiTokens({ ctx }: { ctx: Ctx }) {
  const actor = requireActor(ctx);
  return ctx.c.apiTokens.find({ personId: actor.personId }).sort({ _id: 1 }).toArray();
}

/** The acting person's own record, for "who am I" views. */
export async function getOwnPerson({ ctx }: { ctx: Ctx }): Promise<{ person: PersonDoc; actor: Actor }> {
  const actor = requireActor(ctx);
  return { person: await getMe({ ctx }), actor };
}
