/**
 * When a chat room's coalesced events go out (chat-hub.ts, docs/LIVE.md "Chat delivery ticks"): how
 * long a busy room's tick is, where in it each instance sends, and how a large room's frame is written
 * without holding the process.
 */

/**
 * The longest a busy room's events wait to go out to its sockets (a quiet room's go at once). 80 ms,
 * not 100: at 5,000 sockets on the 2-core bench machine the delivery p99 was 111–134 ms against
 * 129–156 ms, for a quarter more frames (docs/BENCHMARKS.md, pass 7).
 */
export const DEFAULT_TICK_MS = 80;
/**
 * Within that bound a room's tick is this many times its last frame's fan-out time, so a room whose
 * fan-out is cheap (few sockets, an idle machine) waits less, and a costly one's fan-out takes about a
 * quarter of the process's time until the bound caps it. A 100-socket room fans out in well under a
 * millisecond and sends every MIN_TICK_MS; 2,500 sockets take 20–30 ms on the 2-core bench machine
 * (docs/BENCHMARKS.md), so they reach the bound, and their fan-out takes up to a third of the time.
 */
const FANOUT_SHARE = 4;
const MIN_TICK_MS = 20;
/**
 * A fan-out hands the event loop back after about this long (checked every FANOUT_CHECK_EVERY
 * members) and goes on in the next turn: a 2,500-socket room's frame takes 20–30 ms to write, and
 * written in one go it held everything else on the process for that long (a sender's message, its
 * database write's answer, the pub/sub hop each waited behind it). Sliced, they wait a few ms.
 */
const FANOUT_SLICE_MS = 4;
const FANOUT_CHECK_EVERY = 64;

/** This instance's turn among those holding a room's sockets. */
export interface TickTurn {
  /** Where in each tick this instance sends, as a share of the tick (0 ≤ phase < 1). */
  phase: number;
  /** Instances holding the room's sockets, this one included. */
  holders: number;
}

/**
 * Spreads a room's busy ticks over the instances that hold its sockets (`reports`: each instance's
 * socket count): with n of them, the i-th by instance id sends at i/n of each tick. Every instance
 * gets each event at the same moment, so unstaggered they all wrote their frames at once; on one host
 * (scripts/cluster.sh, the bench) their fan-outs and the sockets' reads then fought for the same cores.
 */
export function tickTurn(reports: Iterable<[instance: string, report: { count: number }]>, self: string): TickTurn {
  const holding = [...reports].filter(([, report]) => report.count > 0).map(([instance]) => instance);
  if (!holding.includes(self)) holding.push(self);
  holding.sort();
  return { phase: holding.indexOf(self) / holding.length, holders: holding.length };
}

/**
 * FANOUT_SHARE times the room's last fan-out, within [MIN_TICK_MS, maxTickMs]. A room held by several
 * instances rounds it up to the bound halved k times, so their ticks keep one length and their turns
 * stay apart.
 */
export function tickLength(maxTickMs: number, lastFanoutMs: number, holders: number): number {
  const wanted = Math.min(maxTickMs, Math.max(MIN_TICK_MS, FANOUT_SHARE * lastFanoutMs));
  if (holders <= 1) return wanted;
  let tick = maxTickMs;
  while (tick / 2 >= wanted && tick / 2 >= MIN_TICK_MS) tick /= 2;
  return tick;
}

/**
 * How long a room's waiting events wait. Quiet (nothing sent for a tick): not at all. Busy: a tick
 * after the last frame, or in a room held by several instances this one's next turn at least half a
 * tick after it (in step, exactly a tick later), and never more than a tick from now.
 */
export function flushDelay(now: number, lastFlushAt: number, tick: number, turn: TickTurn): number {
  if (now - lastFlushAt >= tick) return 0;
  const busyAt =
    turn.holders > 1
      ? Math.min(nextSlot(Math.max(now, lastFlushAt + tick / 2), tick, turn.phase), now + tick)
      : lastFlushAt + tick;
  return Math.max(0, busyAt - now);
}

/** The first time at or after `from` that is `phase` of the way into a tick (ticks counted from the epoch). */
function nextSlot(from: number, tick: number, phase: number): number {
  const offset = phase * tick;
  return Math.ceil((from - offset) / tick) * tick + offset;
}

/**
 * Calls `deliver` for each member, FANOUT_SLICE_MS at a time, going on after the I/O that arrived
 * meanwhile (setImmediate); `done` gets the time spent delivering, without the waits between slices.
 */
export function fanOutInSlices<T>(
  members: readonly T[],
  deliver: (member: T) => void,
  done: (busyMs: number) => void,
  from = 0,
  busyMs = 0,
): void {
  const started = performance.now();
  let next = from;
  while (next < members.length) {
    deliver(members[next]!);
    next += 1;
    if (next % FANOUT_CHECK_EVERY === 0 && performance.now() - started >= FANOUT_SLICE_MS) break;
  }
  const spentMs = busyMs + performance.now() - started;
  if (next < members.length) setImmediate(() => fanOutInSlices(members, deliver, done, next, spentMs));
  else done(spentMs);
}
