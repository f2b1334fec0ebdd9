declare const self: ServiceWorkerGlobalScope;

/**
 * The push service replaced (or dropped) this browser's subscription: subscribe again if needed and tell
 * the server, naming the old endpoint in `replaces`, so reminders keep coming without a visit.
 */
export async function renewSubscription(
  oldSubscription: PushSubscription | null,
  newSubscription: PushSubscription | null,
): Promise<void> {
  let subscription = newSubscription;
  if (!subscription) {
    const key = await fetch("/api/v1/push/vapid-public-key").then(
      (r) => r.json() as Promise<{ publicKey: string }>,
    );
    subscription = await self.registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: key.publicKey,
    });
  }
  const session = await fetch("/api/v1/auth/session", { credentials: "same-origin" });
  if (!session.ok) return;
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const json = subscription.toJSON();
  await fetch("/api/v1/people/me/push-subscriptions", {
    method: "POST",
    credentials: "same-origin",
    headers: {
      "content-type": "application/json",
      "x-csrf-token": csrfToken,
      "idempotency-key": crypto.randomUUID(),
    },
    body: JSON.stringify({
      endpoint: json.endpoint,
      expirationTime: json.expirationTime ?? null,
      keys: json.keys,
      userAgent: navigator.userAgent.slice(0, 300),
      ...(oldSubscription ? { replaces: oldSubscription.endpoint } : {}),
    }),
  });
}
