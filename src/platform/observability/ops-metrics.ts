import { Gauge, type Registry } from 'prom-client';
import type { EdgeAccessLog } from '../edge/edge-stats.ts';
import type { JobQueue } from '../jobs/job-queue.ts';

/** Queue depth and age per queue (every process reports the same shared queues: aggregate with max). */
export function installQueueMetrics(registry: Registry, jobs: JobQueue): void {
  let last: ReturnType<JobQueue['counts']> | undefined;
  // Both gauges are collected on one scrape; one read of the counts serves them.
  const counts = () => {
    last ??= jobs.counts().finally(() => setTimeout(() => (last = undefined), 500).unref());
    return last;
  };
  new Gauge({
    name: 'streamhub_queue_jobs',
    help: 'Jobs per queue by state (waiting includes delayed and backing off; failed = dead letters)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of await counts().catch(() => [])) {
        for (const state of ['waiting', 'active', 'completed', 'failed'] as const)
          this.set({ queue: queue.queue, state }, queue[state]);
      }
    },
  });
  new Gauge({
    name: 'streamhub_queue_oldest_waiting_seconds',
    help: 'Age of the oldest job waiting in each queue',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of await counts().catch(() => [])) this.set({ queue: queue.queue }, queue.oldestWaitingSeconds);
    },
  });
}

/** The media edge cache's requests and bytes by cache status, from its access log (EDGE_ACCESS_LOG). */
export function installEdgeMetrics(registry: Registry, log: EdgeAccessLog): void {
  let last: ReturnType<EdgeAccessLog['read']> | undefined;
  const totals = () => {
    last ??= log.read().finally(() => setTimeout(() => (last = undefined), 500).unref());
    return last;
  };
  new Gauge({
    name: 'streamhub_edge_requests',
    help: 'Media requests the edge cache answered, by cache status (HIT, MISS, EXPIRED, ...), since its log began',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      for (const [status, count] of Object.entries((await totals()).requests)) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'streamhub_edge_bytes',
    help: 'Media bytes the edge cache sent, by cache status (HIT bytes never reached the origin)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      for (const [status, bytes] of Object.entries((await totals()).bytes)) this.set({ status }, bytes);
    },
  });
}
