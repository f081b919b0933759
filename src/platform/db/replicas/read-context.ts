import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Set around a request that tolerates slightly stale data (public pages, lists, search, feeds,
 * dashboards): its plain reads may go to a replica. `minLsn` is read-your-writes: the caller wrote
 * recently, so only a replica that has replayed past that WAL position may answer.
 */
export interface ReplicaReadContext {
  minLsn?: bigint;
}

const storage = new AsyncLocalStorage<ReplicaReadContext>();

export function runWithReplicaReads<T>(context: ReplicaReadContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentReplicaReadContext(): ReplicaReadContext | undefined {
  return storage.getStore();
}
