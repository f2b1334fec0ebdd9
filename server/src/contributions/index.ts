// The contributions feature's public surface.
export { CONTRIBUTION_KINDS, type ContributionKind } from "./kinds.ts";
export { logContribution } from "./log.ts";
export { eraseAuthorNameFromContributions, exportContributionsOf } from "./personal-data.ts";
