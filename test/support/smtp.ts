import { type AddressInfo, connect, createServer, type Socket } from "node:net";
import { SMTPServer } from "smtp-server";

/** A message as received over SMTP, with its body decoded from quoted-printable. */
export type ReceivedMail = { from: string; to: string[]; raw: string; body: string };

/** Undoes quoted-printable: soft line breaks and =XX escapes (enough to read links back out of a mail). */
function decodeQuotedPrintable(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/**
 * A real SMTP server on a loopback port that keeps what it receives, so the production nodemailer transport
 * runs unchanged. `next()` waits for the next message not yet taken.
 */
export async function startFakeSmtp(options: { acceptDelayMs?: number } = {}) {
  const received: ReceivedMail[] = [];
  /** Recipients refused with 550 at RCPT TO, as a server refuses an address that does not exist. */
  const refused = new Set<string>();
  const waiters: Array<(mail: ReceivedMail) => void> = [];
  let taken = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address.toLowerCase())) return callback();
      const error = Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("latin1");
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          body: decodeQuotedPrintable(raw),
        };
        // A mail server that takes a while to accept, as a remote one does (leaves sends in flight).
        setTimeout(() => {
          received.push(mail);
          waiters.shift()?.(mail);
          callback();
        }, options.acceptDelayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** From now on, refuses mail to this address for good (550). */
    refuse: (address: string) => refused.add(address.toLowerCase()),
    /** Resolves with the next message not yet taken (waiting for it if needed; fails after `ms`). */
    next(ms = 5000): Promise<ReceivedMail> {
      const ready = received[taken];
      if (ready) {
        taken += 1;
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no mail received")), ms);
        waiters.push((mail) => {
          clearTimeout(timer);
          taken += 1;
          resolve(mail);
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeSmtp = Awaited<ReturnType<typeof startFakeSmtp>>;

/**
 * A TCP gate in front of an SMTP server, so a test can take the mail server down and bring it back:
 * while `open` is false every connection is cut at once, as by a mail server that is down.
 */
export async function startSmtpGate(target: FakeSmtp) {
  const { port: targetPort } = new URL(target.url);
  const state = { open: true };
  const sockets = new Set<Socket>();
  const gate = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    if (!state.open) return socket.destroy();
    const upstream = connect(Number(targetPort), "127.0.0.1");
    upstream.on("error", () => socket.destroy());
    socket.on("close", () => upstream.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => gate.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `smtp://127.0.0.1:${(gate.address() as AddressInfo).port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        gate.close(() => resolve());
      }),
  };
}
