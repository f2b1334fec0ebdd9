// The proposals feature's public surface: the Slack bot's notice when a proposal is addressed, the demo seeding.
export { draftProposal } from "./draft.ts";
export { proposalAddressedNotice } from "./notice.ts";
export { recordAdoption } from "./record-adoption.ts";
export { addressProposal, approveProposal } from "./transition.ts";
