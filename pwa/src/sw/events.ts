/** Service-worker events TypeScript's WebWorker lib does not declare (Background Sync, subscription change). */
export interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

export interface PushSubscriptionChangeEvent extends ExtendableEvent {
  readonly oldSubscription: PushSubscription | null;
  readonly newSubscription: PushSubscription | null;
}

declare global {
  interface ServiceWorkerGlobalScopeEventMap {
    sync: SyncEvent;
    pushsubscriptionchange: PushSubscriptionChangeEvent;
  }
}
