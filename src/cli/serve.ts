import type { Config } from '../config.ts';
import { buildApp } from '../app.ts';
import { createPlatform } from '../platform/platform.ts';
import { startOps } from '../platform/ops/heartbeat.ts';
import { stopTracing } from '../platform/observability/trace-api.ts';
import { installGracefulShutdown } from '../platform/lifecycle/graceful-shutdown.ts';
import { closeAppGracefully } from '../platform/lifecycle/http-drain.ts';
import { releaseWhenBusy } from '../platform/lifecycle/start-heap.ts';
import { createServices } from '../modules/services.ts';
import { startWorkers, type RunningWorkers } from '../workers.ts';

export interface ServeOptions {
  /** Lets V8's young generation grow again; called once the server is busy (start-heap.ts). */
  releaseYoungGeneration?: () => void;
}

/** Starts the API and keeps running until SIGINT/SIGTERM; returns -1 so main leaves the exit code alone. */
export async function runServeCommand(config: Config, options: ServeOptions = {}): Promise<number> {
  const platform = await createPlatform(config);
  const ops = startOps(platform, 'api');
  // One set of services for the API and the in-process workers: they share counters, stores and the AI layer.
  const services = createServices(platform);
  const app = await buildApp(platform, services);
  // Embedded mode runs the RTMP ingest here; scale mode runs `streamhub live` beside the API.
  const ingest = config.live.ingestInProcess ? services.live.createIngest() : undefined;
  let workers: RunningWorkers | undefined;
  // Stop taking requests and streams and finish those in flight, then stop the workers, and only then close
  // the pools and Redis that all of them use: a request or job never meets a closed database.
  installGracefulShutdown({
    logger: platform.logger,
    timeoutMs: config.shutdown.timeoutMs,
    steps: [
      { name: 'http', run: () => closeAppGracefully(app, platform.drain, config.shutdown) },
      { name: 'live ingest', run: async () => ingest?.close() },
      { name: 'workers', run: async () => workers?.stop() },
      { name: 'ops', run: () => ops.stop() },
      { name: 'platform', run: () => platform.close() },
      { name: 'tracing', run: stopTracing },
    ],
  });
  const address = await app.listen({ port: config.port, host: config.host });
  if (config.workersInProcess) workers = startWorkers(platform, services);
  await ingest?.start(config.host);
  platform.logger.info(
    { url: address, database: platform.database.kind, redis: Boolean(platform.redis) },
    'StreamHub is up',
  );
  if (options.releaseYoungGeneration) releaseWhenBusy(app.server, options.releaseYoungGeneration);
  return -1;
}
