// Web Push's public surface: the dispatcher sends reminders with these, people/ exports and erases with them.
export type { PushSubscriptionDoc } from "./documents.ts";
export {
  MAX_PAYLOAD_BYTES,
  type PushAction,
  type PushPayload,
  type PushReminder,
  topicFor,
} from "./payload.ts";
export { erasePushSubscriptionsOf, exportPushSubscriptionsOf } from "./personal-data.ts";
export { pushSubscriptionsOf } from "./queries.ts";
export { type PushDeps, type PushOutcome, sendPush } from "./send.ts";
export { loadVapidKeys, type VapidKeys } from "./vapid.ts";
