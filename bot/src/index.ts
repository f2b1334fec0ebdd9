/**
 * The Slack app (`@slack/bolt`) lands with the bot issue: a second client of the server's use cases,
 * reacting to the domain events in `domainEvents`. Nothing runs here yet.
 */
export const BOT_STATUS = "not yet built" as const;
