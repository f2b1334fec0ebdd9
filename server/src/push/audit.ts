import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { recordChange } from "../shared/record.ts";
import type { PushSubscriptionDoc } from "./documents.ts";
import { pushServiceOf } from "./present.ts";

/** What the audit keeps of a subscription: which device, through which service; never the keys nor the URL. */
function audited(doc: PushSubscriptionDoc) {
  return {
    subscriptionId: doc._id,
    pushService: pushServiceOf(doc),
    label: doc.label,
    userAgent: doc.userAgent,
  };
}

/**
 * One audit entry on the person whose devices changed: like their calendar feed, part of their own
 * record, so it is in their export and emptied by their erasure (entity `person`). Without a person
 * acting (a push service dropping a subscription), the entry is signed by the push service.
 */
export async function recordSubscriptionChange(
  ctx: Ctx,
  personId: ObjectId,
  action: `push_subscription.${"added" | "updated" | "moved" | "replaced" | "removed" | "gone"}`,
  change: { before: PushSubscriptionDoc | null; after: PushSubscriptionDoc | null; note?: object },
): Promise<void> {
  await recordChange(ctx, {
    action,
    entity: "person",
    entityId: personId,
    agreementId: null,
    before: change.before ? audited(change.before) : null,
    after: change.after ? audited(change.after) : (change.note ?? null),
    systemActorName: "Servizio push",
  });
}
