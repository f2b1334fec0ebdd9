/** What can be brought to a table (DOMAIN vocabulary: contributo). */
export const CONTRIBUTION_KINDS = ["documento", "buona_pratica", "dataset", "soluzione", "commento"] as const;

export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** Where a contribution was logged from: the API (PWA, integrations) or the Slack bot. */
export const CONTRIBUTION_SOURCES = ["api", "slack"] as const;

export type ContributionSource = (typeof CONTRIBUTION_SOURCES)[number];

/** Every kind but a comment points at the material itself. */
export const needsUrl = (kind: ContributionKind) => kind !== "commento";
