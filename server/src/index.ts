// The server's top-level entry for its clients (the Slack bot, later the PWA's server helpers): the
// context builder, the error type and its catalogue, the event bus and the configuration's types.
// Each feature's use cases are reached through that feature's own surface, `server/src/<feature>/index.ts`,
// so a call names the feature it belongs to; `npm run lint` refuses any deeper import from the bot.
export type { Config, SlackConfig } from "./config.ts";
export type { DomainEvent, EventType, PayloadOf } from "./events.ts";
export { daysBefore, type Pruner } from "./housekeeping/index.ts";
export { type Actor, type Ctx, createCtx } from "./shared/context.ts";
export { AppError, errorCatalogue, isDuplicateKey } from "./shared/errors.ts";
export { EventBus, type StoredEvent } from "./shared/events.ts";
