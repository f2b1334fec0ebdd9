import type { QuorumOutcome, QuorumRule } from "../meetings/documents.ts";

/**
 * The quorum a sitting reaches (pure). An organisation is represented when at least one attendance row
 * carries it and it sits on the table that day; attendance by audio-video counts (DOMAIN rule 5), so the
 * mode of attendance plays no part. Coordinators without an organisation (null) never count.
 */
export function computeQuorum(
  rule: QuorumRule,
  memberIds: readonly string[],
  attendeeOrganisationIds: readonly (string | null)[],
): QuorumOutcome {
  const members = new Set(memberIds);
  const represented = new Set(
    attendeeOrganisationIds.filter((id): id is string => id !== null && members.has(id)),
  );
  const required = requiredOrganisations(rule, members.size);
  return {
    rule,
    memberOrganisations: members.size,
    representedOrganisations: represented.size,
    required,
    reached: represented.size >= required,
  };
}

/** How many member organisations the rule requires out of `members`. */
export function requiredOrganisations(rule: QuorumRule, members: number): number {
  switch (rule.kind) {
    case "none":
      return 0;
    case "majority":
      return Math.floor(members / 2) + 1;
    case "fixed":
      return rule.organisations;
  }
}
