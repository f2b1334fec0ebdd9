import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { attachSocketMode } from "./fake-socket-mode.ts";

/** One Web API call as Slack would have received it: the method, its decoded arguments and the token. */
export type SlackCall = { method: string; args: Record<string, any>; token: string | null };
/** A message the app sent to a `response_url` (slash command and interaction replies). */
export type ResponseUrlPost = { id: string; body: Record<string, any> };
export type FakeSlackUser = {
  id: string;
  teamId?: string;
  email?: string;
  emailConfirmed?: boolean;
  locale?: string;
  name?: string;
};
type Failure = (
  | { kind: "ratelimited"; retryAfterSeconds: number }
  | { kind: "error"; error: string }
  | { kind: "http"; status: number }
) & {
  /** Only calls whose arguments match fail (default: the next call of the method). */
  when?: (args: Record<string, any>) => boolean;
};

const BOT_USER_ID = "UTAVOLIBOT";

/**
 * A local stand-in for the Slack Web API that the real `@slack/web-api` client talks to (its
 * `slackApiUrl` option): it decodes form or JSON bodies as Slack does, records every call, answers with
 * Slack's shapes, and can be told to answer the next call of a method with HTTP 429 + Retry-After, with
 * an `{ ok: false, error }` such as `invalid_auth`, or with another HTTP status (a 503 outage). It also serves `response_url`s and Socket Mode's
 * WebSocket.
 */
export async function startFakeSlack() {
  const calls: SlackCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const users = new Map<string, FakeSlackUser>();
  const failures = new Map<string, Failure[]>();
  let tsCounter = 0;
  let viewCounter = 0;

  function answer(call: SlackCall): Record<string, unknown> {
    const { method, args } = call;
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: BOT_USER_ID, bot_id: "BTAVOLI", team_id: "T0001", team: "Demo", url: "" };
      case "chat.postMessage": {
        tsCounter += 1;
        const ts = `1800000000.${String(tsCounter).padStart(6, "0")}`;
        return { ok: true, channel: args.channel, ts, message: { text: args.text, blocks: args.blocks, ts } };
      }
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `1800000000.${String(++tsCounter).padStart(6, "0")}` };
      case "chat.getPermalink":
        return {
          ok: true,
          channel: args.channel,
          permalink: `https://demo.slack.com/archives/${args.channel}/p${String(args.message_ts).replace(".", "")}`,
        };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users).replace(/^U/, "")}` } };
      case "views.open":
      case "views.update":
      case "views.push":
      case "views.publish":
        viewCounter += 1;
        return { ok: true, view: { id: `V${viewCounter}`, ...(args.view ?? {}) } };
      case "users.info": {
        const user = users.get(String(args.user));
        return user ? { ok: true, user: userJson(user) } : { ok: false, error: "user_not_found" };
      }
      case "users.lookupByEmail": {
        const email = String(args.email).toLowerCase();
        const user = [...users.values()].find((u) => u.email?.toLowerCase() === email);
        return user ? { ok: true, user: userJson(user) } : { ok: false, error: "users_not_found" };
      }
      case "apps.connections.open":
        return { ok: true, url: socketMode.url };
      case "oauth.v2.access":
        return {
          ok: true,
          app_id: "A0001",
          authed_user: { id: "U0INSTALLER" },
          scope: "commands,chat:write,users:read,users:read.email,im:write",
          token_type: "bot",
          access_token: `xoxb-installed-${String(args.code)}`,
          bot_user_id: BOT_USER_ID,
          team: { id: `T-${String(args.code)}`, name: "Ente installatore" },
          enterprise: null,
          is_enterprise_install: false,
        };
      default:
        return { ok: true };
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const raw = await readBody(request);
    const url = new URL(request.url ?? "/", "http://stand-in");
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith("/response/")) {
      responses.push({ id: url.pathname.slice("/response/".length), body: JSON.parse(raw || "{}") });
      return send(200, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const call: SlackCall = { method, args: decodeArgs(raw, request.headers["content-type"]), token: null };
    const auth = request.headers.authorization;
    call.token = auth?.startsWith("Bearer ") ? auth.slice(7) : (call.args.token ?? null);
    calls.push(call);
    const pending = failures.get(method) ?? [];
    const index = pending.findIndex((f) => !f.when || f.when(call.args));
    const failure = index >= 0 ? pending.splice(index, 1)[0] : undefined;
    if (failure?.kind === "ratelimited") {
      return send(
        429,
        { ok: false, error: "ratelimited" },
        { "retry-after": String(failure.retryAfterSeconds) },
      );
    }
    if (failure?.kind === "error") return send(200, { ok: false, error: failure.error });
    if (failure?.kind === "http") return send(failure.status, { ok: false, error: "http_error" });
    return send(200, answer(call));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const socketMode = attachSocketMode(server, url);
  let responseCounter = 0;

  return {
    url,
    /** What `SLACK_API_URL` is set to. */
    apiUrl: `${url}/api/`,
    calls,
    responses,
    /** Socket Mode: the WebSocket `apps.connections.open` points to (envelopes out, acknowledgements in). */
    socketMode,
    /** A fresh `response_url` for a slash command or interaction payload. */
    responseUrl: () => `${url}/response/r${++responseCounter}`,
    addUser(user: FakeSlackUser) {
      users.set(user.id, user);
    },
    /** The next call(s) of `method` fail this way, in order. */
    failNext(method: string, ...next: Failure[]) {
      failures.set(method, [...(failures.get(method) ?? []), ...next]);
    },
    /** Calls of one method, optionally filtered. */
    callsOf(method: string, where: (args: Record<string, any>) => boolean = () => true) {
      return calls.filter((call) => call.method === method && where(call.args));
    },
    /**
     * The first call of `method` matching `where`, which must have been received already: for what the
     * dispatcher posts, after `drain()` (nothing to wait for then).
     */
    callOf(method: string, where: (args: Record<string, any>) => boolean = () => true) {
      const found = calls.find((call) => call.method === method && where(call.args));
      if (!found) throw new Error(`fake Slack: no ${method} matching ${where}`);
      return found;
    },
    /** Waits (polling) until a call of `method` matching `where` has been received, and returns it. */
    async waitForCall(
      method: string,
      where: (args: Record<string, any>) => boolean = () => true,
      timeoutMs = 10_000,
    ) {
      return waitFor(
        () => calls.find((call) => call.method === method && where(call.args)),
        timeoutMs,
        method,
      );
    },
    /** Waits until something was posted to the given response_url. */
    async waitForResponse(responseUrl: string, timeoutMs = 10_000) {
      const id = responseUrl.slice(responseUrl.lastIndexOf("/") + 1);
      return waitFor(() => responses.find((r) => r.id === id), timeoutMs, responseUrl);
    },
    close: () =>
      new Promise<void>((resolve) => {
        socketMode.destroyAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;

async function waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`fake Slack: nothing matching ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function userJson(user: FakeSlackUser) {
  return {
    id: user.id,
    team_id: user.teamId ?? "T0001",
    name: user.name ?? user.id.toLowerCase(),
    real_name: user.name ?? user.id,
    locale: user.locale ?? "it-IT",
    is_email_confirmed: user.emailConfirmed ?? true,
    profile: { email: user.email, real_name: user.name ?? user.id },
  };
}

/** Web API arguments arrive form-encoded (objects as JSON strings) or as JSON, as with Slack. */
function decodeArgs(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.includes("application/json")) return raw ? JSON.parse(raw) : {};
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}
