/** The bot's scopes; the manifest (bot/slack-manifest.json) lists the same. */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "im:write",
  "users:read",
  "users:read.email",
] as const;
