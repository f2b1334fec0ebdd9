// The dispatch feature's public surface: the durable dispatcher and how a subscriber is written.
export {
  createDispatcher,
  DISPATCH_DEFAULTS,
  type Dispatcher,
  type DispatcherOptions,
} from "./dispatcher.ts";
export { ensureDispatchIndexes } from "./indexes.ts";
export { finishedDeliveriesPruner } from "./prune.ts";
export {
  type DispatchSubscriber,
  defineSubscriber,
  PermanentFailure,
  type Subscriber,
} from "./subscriber.ts";
export { serverSubscribers } from "./subscribers.ts";
