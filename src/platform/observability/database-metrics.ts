import { Counter, Gauge, type Registry } from 'prom-client';
import type { Database } from '../db/database.ts';

/** Pool usage of the primary and, with replicas, each replica's state and where routed reads went. */
export function installDatabaseMetrics(registry: Registry, database: Database): void {
  const { poolStats, replicas } = database;
  if (poolStats) {
    new Gauge({
      name: 'streamhub_db_pool_connections',
      help: 'Primary pool connections by state (total, idle, waiting = queries queued for a connection)',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const stats = poolStats();
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
  }
  if (!replicas) return;
  new Gauge({
    name: 'streamhub_db_replica_up',
    help: '1 when the replica answered its last check',
    labelNames: ['replica'] as const,
    registers: [registry],
    collect() {
      for (const state of replicas.states) this.set({ replica: state.name }, state.up ? 1 : 0);
    },
  });
  new Gauge({
    name: 'streamhub_db_replica_lag_seconds',
    help: 'How far the replica is behind the primary (from the primary WAL positions it has not replayed)',
    labelNames: ['replica'] as const,
    registers: [registry],
    collect() {
      for (const state of replicas.states) this.set({ replica: state.name }, state.lagMs / 1000);
    },
  });
  let reported = { replica: 0, primary: 0 };
  new Counter({
    name: 'streamhub_db_routed_reads_total',
    help: 'Reads of stale-tolerant requests, by where they were answered (replica, or primary as fallback)',
    labelNames: ['target'] as const,
    registers: [registry],
    collect() {
      for (const target of ['replica', 'primary'] as const)
        this.inc({ target }, replicas.reads[target] - reported[target]);
      reported = { ...replicas.reads };
    },
  });
}
