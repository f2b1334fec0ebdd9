// The action-items feature's public surface for clients (the Slack bot's `/tavoli azioni`).
export { ACTION_ITEM_STATUSES } from "./contracts.ts";
export type { PresentedActionItem } from "./present.ts";
export { listMyActionItems } from "./queries.ts";
export { completeActionItem, setActionItemStatus } from "./set-status.ts";
