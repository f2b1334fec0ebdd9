/** The bot's scopes; the manifest (slack/manifest.yaml) lists the same. */
export const BOT_SCOPES = ["commands", "chat:write", "im:write", "users:read", "users:read.email"] as const;
