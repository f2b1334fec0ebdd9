import type { ApiErrorBody, Session } from "./types.ts";

/** A refusal by the server, with its stable code and its (Italian or English) message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request never reached the server (offline, DNS, connection cut): the outbox takes it. */
export class NetworkError extends Error {}

let csrfToken: string | null = null;
let lang: "it" | "en" = "it";

/** Remembers the session's CSRF token: cookie-authenticated writes must echo it in X-CSRF-Token. */
export function useSession(session: Session | null): void {
  csrfToken = session?.csrfToken ?? null;
}

/** Sets the language the server words its messages in. */
export function setApiLanguage(value: "it" | "en"): void {
  lang = value;
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type RequestOptions = {
  body?: unknown;
  /** A write's key; a replay of the same write reuses it so the server answers the first result. */
  idempotencyKey?: string;
  /** multipart bodies (attachments) are sent as they are. */
  form?: FormData;
};

/**
 * Calls /api/v1: JSON in and out, the session cookie, CSRF and Idempotency-Key on every write. A write
 * refused for its CSRF token (the app started offline and has none yet) fetches the session's and is sent
 * once more, with the same key.
 */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const key = WRITES.has(method) ? (options.idempotencyKey ?? crypto.randomUUID()) : undefined;
  try {
    return await call<T>(method, path, { ...options, idempotencyKey: key });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "csrf_failed") throw error;
    await loadSession();
    return call<T>(method, path, { ...options, idempotencyKey: key });
  }
}

async function call<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": lang };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (WRITES.has(method)) {
    if (csrfToken) headers["x-csrf-token"] = csrfToken;
    headers["idempotency-key"] = options.idempotencyKey ?? crypto.randomUUID();
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body, credentials: "same-origin" });
  } catch (error) {
    throw new NetworkError(String(error));
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (data as ApiErrorBody | null)?.error;
    throw new ApiError(response.status, error?.code ?? "http_error", error?.message ?? response.statusText);
  }
  return data as T;
}

/** The signed-in session (with its CSRF token), or null when nobody is signed in. */
export async function loadSession(): Promise<Session | null> {
  try {
    const session = await api<Session>("GET", "/auth/session");
    useSession(session);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
