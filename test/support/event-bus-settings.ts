/** Settings the event-bus tests and their child processes share (the partition count must match). */

export const FAST_EMBEDDED = {
  pollIntervalMs: 10,
  maxPollIntervalMs: 50,
  backoffMs: 20,
  leaseMs: 5000,
  shutdownGraceMs: 2000,
};
export const FAST_REDIS = {
  partitions: 4,
  pollIntervalMs: 10,
  maxPollIntervalMs: 50,
  backoffMs: 20,
  blockMs: 100,
  partitionLeaseMs: 1000,
  claimIdleMs: 1000,
  shutdownGraceMs: 2000,
};

export type BusKind = 'embedded' | 'redis';

/**
 * What a child process needs to play a worker: `exit` uses the bus (built by createEventBus with its
 * defaults), closes it and should then exit by itself; `hang` gets stuck in its handler until killed.
 */
export interface ChildConfig {
  mode: 'exit' | 'hang';
  bus: BusKind;
  databaseUrl?: string;
  redisUrl?: string;
  redisPrefix?: string;
  consumer: string;
  topic: string;
}
