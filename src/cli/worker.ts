import type { Config } from '../config.ts';
import { createPlatform } from '../platform/platform.ts';
import { startOps } from '../platform/ops/heartbeat.ts';
import { stopTracing } from '../platform/observability/trace-api.ts';
import { installGracefulShutdown } from '../platform/lifecycle/graceful-shutdown.ts';
import { createServices } from '../modules/services.ts';
import { startWorkers } from '../workers.ts';

/** Runs job workers without the HTTP API (scale-out mode); stops cleanly on SIGINT/SIGTERM. */
export async function runWorkerCommand(config: Config): Promise<number> {
  const platform = await createPlatform(config);
  const ops = startOps(platform, 'worker');
  const workers = startWorkers(platform, createServices(platform));
  // Running jobs hand back (or finish) and the counters flush before the database and Redis close.
  installGracefulShutdown({
    logger: platform.logger,
    timeoutMs: config.shutdown.timeoutMs,
    steps: [
      { name: 'workers', run: () => workers.stop() },
      { name: 'ops', run: () => ops.stop() },
      { name: 'platform', run: () => platform.close() },
      { name: 'tracing', run: stopTracing },
    ],
  });
  platform.logger.info('StreamHub worker is up');
  return -1;
}
