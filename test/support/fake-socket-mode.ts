import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";

/** What the app sent back over the socket: Socket Mode acknowledgements (`{ envelope_id, payload }`). */
export type SocketModeAck = { envelope_id: string; payload?: Record<string, any> };

const PATH = "/socket-mode";
const WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const OPCODE = { continuation: 0x0, text: 0x1, close: 0x8, ping: 0x9, pong: 0xa } as const;

/**
 * Slack's Socket Mode endpoint on the Web API stand-in's own HTTP server: the WebSocket that
 * `apps.connections.open` points to. A minimal RFC 6455 server (handshake, masked client frames,
 * ping → pong, close handshake; no extensions) that greets with `hello` as Slack does, pushes
 * envelopes and records the app's acknowledgements. Hand-written because the tree has no WebSocket
 * server package: @slack/socket-mode 3 connects with undici's client.
 */
export function attachSocketMode(server: Server, httpUrl: string) {
  const sockets = new Set<Duplex>();
  const acks: SocketModeAck[] = [];

  server.on("upgrade", (request: IncomingMessage, socket: Duplex) => {
    const key = request.headers["sec-websocket-key"];
    if (!request.url?.startsWith(PATH) || typeof key !== "string") {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    const accept = createHash("sha1").update(`${key}${WEBSOCKET_GUID}`).digest("base64");
    socket.write(
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => sockets.delete(socket));
    readFrames(socket, (opcode, payload) => {
      if (opcode === OPCODE.text) acks.push(JSON.parse(payload.toString("utf8")));
      else if (opcode === OPCODE.ping) socket.write(frame(OPCODE.pong, payload));
      else if (opcode === OPCODE.close) {
        socket.end(frame(OPCODE.close, payload.subarray(0, 2)));
        sockets.delete(socket);
      }
    });
    sendJson(socket, {
      type: "hello",
      num_connections: sockets.size,
      connection_info: { app_id: "A0001" },
      debug_info: { host: "stand-in", approximate_connection_time: 18060 },
    });
  });

  return {
    /** What `apps.connections.open` answers. */
    url: `${httpUrl.replace(/^http/, "ws")}${PATH}`,
    acks,
    /** How many apps are connected right now. */
    connections: () => sockets.size,
    /** Pushes an envelope (`slash_commands`, `interactive`, `events_api`) to every connected app; returns its id. */
    send(type: string, payload: Record<string, unknown>): string {
      const envelopeId = randomUUID();
      for (const socket of sockets) {
        sendJson(socket, { envelope_id: envelopeId, type, payload, accepts_response_payload: true });
      }
      return envelopeId;
    },
    /** Waits until the app has acknowledged the envelope, and returns the acknowledgement. */
    waitForAck(envelopeId: string, timeoutMs = 10_000): Promise<SocketModeAck> {
      return poll(() => acks.find((ack) => ack.envelope_id === envelopeId), timeoutMs, envelopeId);
    },
    /** Cuts every connection (the stand-in is shutting down). */
    destroyAll() {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
  };
}

export type FakeSocketMode = ReturnType<typeof attachSocketMode>;

async function poll<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`fake Socket Mode: no ack for ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function sendJson(socket: Duplex, message: unknown) {
  socket.write(frame(OPCODE.text, Buffer.from(JSON.stringify(message), "utf8")));
}

/** One unfragmented, unmasked server frame. */
function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 0x10000 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 0x10000) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** Parses the client's masked frames as they stream in, joining fragments into whole messages. */
function readFrames(socket: Duplex, onMessage: (opcode: number, payload: Buffer) => void) {
  let buffered = Buffer.alloc(0);
  let fragments: Buffer[] = [];
  let fragmentedOpcode = 0;
  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (buffered.length < 2) return;
      const [first, second] = [buffered.readUInt8(0), buffered.readUInt8(1)];
      const fin = (first & 0x80) !== 0;
      const opcode = first & 0x0f;
      const masked = (second & 0x80) !== 0;
      let length = second & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      const maskOffset = offset;
      if (masked) offset += 4;
      if (buffered.length < offset + length) return;
      const payload = Buffer.from(buffered.subarray(offset, offset + length));
      if (masked) {
        const mask = buffered.subarray(maskOffset, maskOffset + 4);
        for (let i = 0; i < payload.length; i++)
          payload.writeUInt8(payload.readUInt8(i) ^ mask.readUInt8(i % 4), i);
      }
      buffered = buffered.subarray(offset + length);
      // Control frames (close, ping, pong) are never fragmented and may arrive between fragments.
      if (opcode >= OPCODE.close) onMessage(opcode, payload);
      else if (!fin) {
        if (opcode !== OPCODE.continuation) fragmentedOpcode = opcode;
        fragments.push(payload);
      } else if (opcode === OPCODE.continuation) {
        onMessage(fragmentedOpcode, Buffer.concat([...fragments, payload]));
        fragments = [];
      } else onMessage(opcode, payload);
    }
  });
}
