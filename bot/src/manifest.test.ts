import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SHORTCUT, SLASH_COMMAND } from "./ids.ts";
import { BOT_SCOPES } from "./oauth/scopes.ts";

const manifest = JSON.parse(readFileSync(new URL("../slack-manifest.json", import.meta.url), "utf8"));

describe("the Slack app manifest people paste into api.slack.com", () => {
  it("asks for exactly the scopes the install flow requests", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it("sends the slash command, interactivity and events to /slack/events", () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe(SLASH_COMMAND);
    // Mentions arrive as <@U…> so `/tavoli presenza … delega @collega` can be resolved.
    expect(command.should_escape).toBe(true);
    for (const url of [
      command.url,
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
    ]) {
      expect(new URL(url).pathname).toBe("/slack/events");
    }
    expect(new URL(manifest.oauth_config.redirect_urls[0]).pathname).toBe("/slack/oauth_redirect");
  });

  it("offers the message shortcut the bot listens to", () => {
    expect(manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id)).toEqual([
      SHORTCUT.contributionFromMessage,
    ]);
  });

  it("subscribes to the lifecycle events the bot handles", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_uninstalled", "tokens_revoked"]);
  });
});
