/**
 * A chat load client process for bench/live.ts: opens CHAT_CLIENTS WebSockets to the chat room at
 * CHAT_URLS (comma-separated, round robin), tells its parent (IPC) when all are in the room, then
 * records every message frame: the delivery latency (now minus the send time in the body "<seq>
 * <sentAt>") and, per socket, which sequence numbers arrived (duplicates counted). On { type:
 * 'finish' } it answers { type: 'result' } and exits. A process of its own, so the clients' work does
 * not share an event loop with the servers or the sender.
 */
import WebSocket from 'ws';

const urls = (process.env.CHAT_URLS ?? '').split(',').filter(Boolean);
const count = Number(process.env.CHAT_CLIENTS ?? 0);
const total = Number(process.env.CHAT_TOTAL ?? 0);
const send = (message: object) => process.send?.(message);

/** Delivery latencies as a histogram of whole milliseconds (the last bucket holds anything slower). */
const HISTOGRAM_MS = 120_000;
const histogram = new Uint32Array(HISTOGRAM_MS + 1);
const seen: Uint8Array[] = [];
let duplicates = 0;
/** Frames received after joining (a batch frame carries several events). */
let frames = 0;
let outOfRange = 0;
const sockets: WebSocket[] = [];
let ready = 0;
/** Connections that failed before joining and were opened again (reported with the result). */
let retries = 0;
let finishing = false;

const MESSAGE = '{"type":"message"';
const BODY = '"body":"';

/** Opens socket `index`; one that fails before it is in the room (a refused connection under load) tries again. */
function open(index: number, mine: Uint8Array): void {
  const socket = new WebSocket(urls[index % urls.length]!);
  sockets[index] = socket;
  let joined = false;
  socket.on('message', (data) => {
    const text = data.toString();
    if (!joined) {
      if (text.startsWith('{"type":"ready"')) {
        joined = true;
        ready += 1;
        if (ready === count) send({ type: 'ready' });
      }
      return;
    }
    // A frame is one event or a batch of them; every message's body is "<seq> <sentAt>", read
    // without parsing the whole frame (the bench sends nothing else with a body).
    const now = Date.now();
    frames += 1;
    for (let at = text.indexOf(MESSAGE); at >= 0; at = text.indexOf(MESSAGE, at + 1)) {
      const start = text.indexOf(BODY, at) + BODY.length;
      const [seq, sentAt] = text.slice(start, text.indexOf('"', start)).split(' ').map(Number) as [number, number];
      histogram[Math.min(HISTOGRAM_MS, Math.max(0, now - sentAt))]! += 1;
      if (!(seq >= 0 && seq < total)) outOfRange += 1;
      else if (mine[seq]) duplicates += 1;
      else mine[seq] = 1;
    }
  });
  socket.on('error', (error) => {
    if (joined) send({ type: 'error', message: String(error) });
  });
  socket.on('close', () => {
    if (!joined && !finishing) {
      retries += 1;
      setTimeout(() => open(index, mine), 200 + Math.random() * 800);
    }
  });
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
  send({ type: 'result', latencies, delivered: deliveredCount(), duplicates, outOfRange, frames, retries });
  for (const socket of sockets) socket.terminate();
  setTimeout(() => process.exit(0), 200);
});
process.on('disconnect', () => process.exit(0));
