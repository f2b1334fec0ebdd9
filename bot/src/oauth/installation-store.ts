import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { SlackCollections } from "../store.ts";

const keyOf = (isEnterprise: boolean | undefined, enterpriseId?: string, teamId?: string) =>
  (isEnterprise ? enterpriseId : teamId) ?? "";

/**
 * Installations of the app (one per workspace, or per Enterprise Grid org) kept in MongoDB, so every
 * server instance authorizes every workspace. Keyed by team or enterprise id: lookups are by `_id`.
 */
export function mongoInstallationStore(store: SlackCollections, now: () => Date): InstallationStore {
  return {
    async storeInstallation(installation: Installation<"v1" | "v2", boolean>) {
      const id = keyOf(installation.isEnterpriseInstall, installation.enterprise?.id, installation.team?.id);
      if (!id) throw new Error("Slack installation without team or enterprise id");
      await store.installations.replaceOne(
        { _id: id },
        { installation, installedAt: now() },
        { upsert: true },
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const id = keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId);
      const found = await store.installations.findOne({ _id: id });
      if (!found) throw new Error(`No Slack installation for ${id}`);
      return found.installation as never;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.installations.deleteOne({
        _id: keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId),
      });
    },
  };
}
