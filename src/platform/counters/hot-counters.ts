/** Not-yet-flushed deltas of one counter, by id (e.g. video id -> +3). */
export type CounterDeltas = Map<string, number>;

/**
 * Hot counters (likes, views): increments are buffered here, cheap and contention-free, and a
 * flusher moves them to the database in batches (CounterFlusher). Adapters: in-process (embedded)
 * and Redis hashes (shared by every API replica and the workers).
 */
export interface HotCounters {
  /** Adds `delta` to the id's pending delta and resolves with the pending delta after the addition. */
  increment(name: string, id: string, delta: number): Promise<number>;
  /** The not-yet-flushed delta, so a response can show stored + pending. */
  pending(name: string, id: string): Promise<number>;
  pendingMany(name: string, ids: readonly string[]): Promise<CounterDeltas>;
  /** Takes every pending delta of the counter atomically: an increment racing it lands in the next drain. */
  drain(name: string): Promise<CounterDeltas>;
  /** Puts drained deltas back (a failed flush), adding them to whatever arrived meanwhile. */
  restore(name: string, deltas: CounterDeltas): Promise<void>;
}
