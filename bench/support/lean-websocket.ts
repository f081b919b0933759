/**
 * The receiving end of a WebSocket (RFC 6455) for the chat fan-out bench's load clients: the opening
 * handshake, then the server's frames read straight off the TCP stream and handed over as Buffers
 * that point into the bytes received (no copy, no event per frame beyond the callback). Pings are
 * answered and a close is echoed, as the protocol asks of every client.
 *
 * Why not `ws`: 5,000 of these sockets share the bench machine's 2 cores with the two API servers, and
 * each socket reads 10–15 frames a second. With `ws` the clients took more CPU than the servers (about
 * 14 µs a frame: a Writable stream per socket, UTF-8 validation, an event per message), so the load
 * generator's own queueing showed up as delivery latency. Real viewers' browsers are elsewhere.
 * `BENCH_CHAT_CLIENT=ws` measures with `ws` instead, for comparison.
 *
 * Not a general client: it sends only control frames, and refuses what a chat server never sends
 * (masked frames, frames over 4 GiB).
 */
import { createHash, randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const END_OF_HEAD = Buffer.from('\r\n\r\n');
const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface LeanWebSocketHandlers {
  /** A whole message (a frame, or fragments joined), text or binary, as the server sent it. */
  onMessage(payload: Buffer): void;
  /** The connection ended: closed by either side, refused, or broken by a protocol error. */
  onClose(reason: string): void;
}

export class LeanWebSocket {
  private readonly socket: Socket;
  private readonly expectedAccept: string;
  /** Bytes received but not yet used: the handshake's head, or the start of an incomplete frame. */
  private pending: Buffer | undefined;
  private upgraded = false;
  private fragments: Buffer[] = [];
  private closedWith: string | undefined;

  constructor(
    url: string,
    private readonly handlers: LeanWebSocketHandlers,
  ) {
    const { hostname, port, pathname, search } = new URL(url);
    const key = randomBytes(16).toString('base64');
    this.expectedAccept = createHash('sha1')
      .update(key + ACCEPT_GUID)
      .digest('base64');
    this.socket = connect(Number(port || 80), hostname, () => {
      this.socket.write(
        `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('error', (error) => this.fail(String(error)));
    this.socket.on('close', () => this.fail('connection closed'));
  }

  /** Drops the connection at once, without the closing handshake. */
  terminate(): void {
    this.fail('terminated');
  }

  private receive(chunk: Buffer): void {
    let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    if (!this.upgraded) {
      const end = data.indexOf(END_OF_HEAD);
      if (end < 0) {
        this.pending = data;
        return;
      }
      if (!this.acceptsUpgrade(data.toString('latin1', 0, end))) return;
      this.upgraded = true;
      data = data.subarray(end + END_OF_HEAD.length);
    }
    let at = 0;
    while (this.closedWith === undefined && data.length - at >= 2) {
      const first = data[at]!;
      const second = data[at + 1]!;
      if (second & 0x80) return this.fail('the server masked a frame');
      let length = second & 0x7f;
      let head = 2;
      if (length === 126) {
        if (data.length - at < 4) break;
        length = data.readUInt16BE(at + 2);
        head = 4;
      } else if (length === 127) {
        if (data.length - at < 10) break;
        if (data.readUInt32BE(at + 2) !== 0) return this.fail('a frame over 4 GiB');
        length = data.readUInt32BE(at + 6);
        head = 10;
      }
      if (data.length - at < head + length) break;
      this.frame((first & 0x80) !== 0, first & 0x0f, data.subarray(at + head, at + head + length));
      at += head + length;
    }
    if (at < data.length && this.closedWith === undefined) this.pending = data.subarray(at);
  }

  private acceptsUpgrade(head: string): boolean {
    const [status, ...lines] = head.split('\r\n');
    const accept = lines
      .find((line) => line.toLowerCase().startsWith('sec-websocket-accept:'))
      ?.slice('sec-websocket-accept:'.length)
      .trim();
    const refusal = !status?.startsWith('HTTP/1.1 101')
      ? `upgrade refused: ${status}`
      : accept !== this.expectedAccept
        ? 'wrong Sec-WebSocket-Accept'
        : undefined;
    if (refusal) this.fail(refusal);
    return refusal === undefined;
  }

  private frame(final: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case OPCODE.text:
      case OPCODE.binary:
      case OPCODE.continuation:
        if (opcode === OPCODE.continuation ? this.fragments.length === 0 : this.fragments.length > 0)
          return this.fail('a fragment out of order');
        if (final && this.fragments.length === 0) return this.handlers.onMessage(payload);
        this.fragments.push(Buffer.from(payload));
        if (final) {
          const whole = Buffer.concat(this.fragments);
          this.fragments = [];
          this.handlers.onMessage(whole);
        }
        return;
      case OPCODE.ping:
        return this.send(OPCODE.pong, payload);
      case OPCODE.close:
        // Echo the status code (the first two bytes), then end: the server closes the TCP connection.
        this.send(OPCODE.close, payload.subarray(0, 2));
        this.socket.end();
        return this.fail(`closed by the server (${payload.length >= 2 ? payload.readUInt16BE(0) : 'no code'})`);
      case OPCODE.pong:
        return;
      default:
        return this.fail(`unknown opcode ${opcode}`);
    }
  }

  /** A client's frame: masked (RFC 6455, 5.3); control frames only, so at most 125 bytes. */
  private send(opcode: number, payload: Buffer): void {
    const mask = randomBytes(4);
    const frame = Buffer.alloc(6 + payload.length);
    frame[0] = 0x80 | opcode;
    frame[1] = 0x80 | payload.length;
    mask.copy(frame, 2);
    for (let index = 0; index < payload.length; index += 1) frame[6 + index] = payload[index]! ^ mask[index % 4]!;
    this.socket.write(frame);
  }

  private fail(reason: string): void {
    if (this.closedWith !== undefined) return;
    this.closedWith = reason;
    if (reason !== 'connection closed' && !reason.startsWith('closed by the server')) this.socket.destroy();
    this.handlers.onClose(reason);
  }
}
