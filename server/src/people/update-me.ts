import type { z } from "@hono/zod-openapi";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { recordChange } from "../shared/record.ts";
import type { personPatch } from "./contracts.ts";
import { getMe } from "./queries.ts";

/**
 * Lets a person correct their own name and language (the e-mail is the login, changed by an admin).
 * Revision-guarded so the audited before/after are this change's own, and so a correction racing the
 * person's erasure (which bumps the revision) is re-read and refused instead of restoring the name.
 */
export async function updateMe({ ctx, input }: { ctx: Ctx; input: z.output<typeof personPatch> }) {
  const changed = await changeGuarded(
    ctx.c.people,
    () => getMe({ ctx }),
    (before) => {
      if (before.erasedAt) throw new AppError("unauthenticated");
      return { $set: { ...input, updatedAt: ctx.now() } };
    },
  );
  if (!changed) throw new AppError("unauthenticated");
  const { before, after } = changed;
  await recordChange(ctx, {
    action: "person.updated",
    entity: "person",
    entityId: after._id,
    agreementId: null,
    before,
    after,
    event: {
      type: "person.updated",
      payload: { personId: after._id.toHexString(), changed: Object.keys(input) },
    },
  });
  return after;
}
