/** What can be brought to a table (DOMAIN vocabulary: contributo). */
export const CONTRIBUTION_KINDS = ["documento", "buona_pratica", "dataset", "soluzione", "commento"] as const;

export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** Where a contribution was logged from: the API (PWA, integrations) or the Slack bot. */
export const CONTRIBUTION_SOURCES = ["api", "slack"] as const;

export type ContributionSource = (typeof CONTRIBUTION_SOURCES)[number];

/**
 * The licences reusable material may carry (CAD art. 69; the national guidelines on open data): the
 * Creative Commons ones, Italy's IODL 2.0, the EU public licence for software, or `riservato` (not for
 * reuse). No licence stated is null.
 */
export const CONTRIBUTION_LICENCES = [
  "CC-BY-4.0",
  "CC-BY-SA-4.0",
  "CC0-1.0",
  "IODL-2.0",
  "EUPL-1.2",
  "riservato",
] as const;

export type ContributionLicence = (typeof CONTRIBUTION_LICENCES)[number];

/** Every kind but a comment points at the material itself. */
export const needsUrl = (kind: ContributionKind) => kind !== "commento";
