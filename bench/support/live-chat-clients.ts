/**
 * A chat load client process for bench/live.ts: opens CHAT_CLIENTS WebSockets to the chat room at
 * CHAT_URLS (comma-separated, round robin), tells its parent (IPC) when all are in the room, then
 * records every message frame: the delivery latency (now minus the send time in the body "<seq>
 * <sentAt>") and, per socket, which sequence numbers arrived (duplicates counted). On { type:
 * 'finish' } it answers { type: 'result' } and exits. A process of its own, so the clients' work does
 * not share an event loop with the servers or the sender. The sockets are LeanWebSocket's (a
 * receive-only client, see lean-websocket.ts), or `ws` clients with BENCH_CHAT_CLIENT=ws.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { LeanWebSocket } from './lean-websocket.ts';

const urls = (process.env.CHAT_URLS ?? '').split(',').filter(Boolean);
const count = Number(process.env.CHAT_CLIENTS ?? 0);
const total = Number(process.env.CHAT_TOTAL ?? 0);
const send = (message: object) => process.send?.(message);
const useWs = process.env.BENCH_CHAT_CLIENT === 'ws';

/** One load socket, whichever client holds it: its messages as Buffers, and its end (with an error, if any). */
function connectSocket(
  url: string,
  onMessage: (data: Buffer) => void,
  onEnd: (error?: string) => void,
): { terminate(): void } {
  if (!useWs) return new LeanWebSocket(url, { onMessage, onClose: (reason) => onEnd(reason) });
  const socket = new WebSocket(url);
  let error: string | undefined;
  socket.on('message', (data) => onMessage(data as Buffer));
  socket.on('error', (cause) => (error = String(cause)));
  socket.on('close', () => onEnd(error));
  return socket;
}

/** Delivery latencies as a histogram of whole milliseconds (the last bucket holds anything slower). */
const HISTOGRAM_MS = 120_000;
const histogram = new Uint32Array(HISTOGRAM_MS + 1);
const seen: Uint8Array[] = [];
let duplicates = 0;
/** Frames received after joining (a batch frame carries several events). */
let frames = 0;
let outOfRange = 0;
const sockets: Array<{ terminate(): void }> = [];
let ready = 0;
/** Connections that failed before joining and were opened again (reported with the result). */
let retries = 0;
let finishing = false;
/** Started when every socket is in the room: a late read here would count as delivery latency. */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });

/** Only message events have a body (joins, presence and the rest do not): one search per message. */
const BODY = Buffer.from('"body":"');
const SPACE = 0x20;
const QUOTE = 0x22;
/** Where numberAt stopped reading (after its end byte): kept here so reading a number allocates nothing. */
let numberEnd = 0;

/** The decimal number at `from` in `bytes` up to `end` (a byte), or -1 if anything else is there. */
function numberAt(bytes: Buffer, from: number, end: number): number {
  let value = 0;
  let at = from;
  for (; at < bytes.length && bytes[at] !== end; at += 1) {
    const digit = bytes[at]! - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  numberEnd = at + 1;
  return at === from || at === bytes.length ? -1 : value;
}

/** Opens socket `index`; one that fails before it is in the room (a refused connection under load) tries again. */
function open(index: number, mine: Uint8Array): void {
  let joined = false;
  const onMessage = (bytes: Buffer) => {
    if (!joined) {
      if (bytes.toString().startsWith('{"type":"ready"')) {
        joined = true;
        ready += 1;
        if (ready === count) {
          loopDelay.enable();
          send({ type: 'ready' });
        }
      }
      return;
    }
    // The time of receipt is taken first; then a frame (one event or a batch of them) is scanned as
    // bytes for each message's body "<seq> <sentAt>", without decoding or parsing the JSON (the bench
    // sends nothing else with a body): 2,500 sockets a process read each frame, and a slow parse here
    // would delay the next sockets' reads and count as delivery latency.
    const now = Date.now();
    frames += 1;
    for (let at = bytes.indexOf(BODY); at >= 0; at = bytes.indexOf(BODY, numberEnd)) {
      const seq = numberAt(bytes, at + BODY.length, SPACE);
      const sentAt = seq < 0 ? -1 : numberAt(bytes, numberEnd, QUOTE);
      if (seq < 0 || sentAt < 0 || seq >= total) {
        outOfRange += 1;
        numberEnd = at + BODY.length;
        continue;
      }
      histogram[Math.min(HISTOGRAM_MS, Math.max(0, now - sentAt))]! += 1;
      if (mine[seq]) duplicates += 1;
      else mine[seq] = 1;
    }
  };
  const onEnd = (error?: string) => {
    if (finishing) return;
    if (joined) {
      if (error) send({ type: 'error', message: error });
      return;
    }
    retries += 1;
    setTimeout(() => open(index, mine), 200 + Math.random() * 800);
  };
  sockets[index] = connectSocket(urls[index % urls.length]!, onMessage, onEnd);
}

for (let index = 0; index < count; index += 1) {
  const mine = new Uint8Array(total);
  seen.push(mine);
  open(index, mine);
}

const deliveredCount = () => {
  let delivered = 0;
  for (const mine of seen) for (const value of mine) delivered += value;
  return delivered;
};

process.on('message', (message: { type?: string }) => {
  if (message?.type === 'progress') send({ type: 'progress', delivered: deliveredCount() });
  if (message?.type !== 'finish') return;
  finishing = true;
  // Sparse [ms, count] pairs: a few hundred entries instead of millions of samples.
  const latencies: Array<[number, number]> = [];
  histogram.forEach((count, ms) => count && latencies.push([ms, count]));
  loopDelay.disable();
  const delay = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  send({
    type: 'result',
    latencies,
    delivered: deliveredCount(),
    duplicates,
    outOfRange,
    frames,
    retries,
    loopDelay: delay,
  });
  for (const socket of sockets) socket.terminate();
  setTimeout(() => process.exit(0), 200);
});
process.on('disconnect', () => process.exit(0));
