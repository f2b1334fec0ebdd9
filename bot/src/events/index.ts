import type { App } from "@slack/bolt";
import { forgetWorkspace } from "../../../server/src/chat/index.ts";
import type { BotDeps } from "../deps.ts";

/** Workspace lifecycle: an uninstall or revoked tokens forget the workspace's installation and links. */
export function registerEvents(app: App, deps: BotDeps): void {
  const forget = async (teamId: string | undefined) => {
    if (!teamId) return;
    await Promise.all([
      deps.store.installations.deleteOne({ _id: teamId }),
      deps.store.messages.deleteMany({ teamId }),
      forgetWorkspace({ ctx: deps.system(), input: { teamId } }),
    ]);
  };
  app.event("app_uninstalled", async ({ body }) => {
    await forget(body.team_id);
  });
  app.event("tokens_revoked", async ({ body, event }) => {
    if ((event.tokens.bot?.length ?? 0) > 0) await forget(body.team_id);
  });
}
