import type { Config } from '../config.ts';
import { buildApp } from '../app.ts';
import { createPlatform } from '../platform/platform.ts';
import { createServices } from '../modules/services.ts';
import { startWorkers } from '../workers.ts';

/** Starts the API and keeps running until SIGINT/SIGTERM; returns -1 so main leaves the exit code alone. */
export async function runServeCommand(config: Config): Promise<number> {
  const platform = await createPlatform(config);
  // One set of services for the API and the in-process workers: they share counters, stores and the AI layer.
  const services = createServices(platform);
  const app = await buildApp(platform, services);
  // Embedded mode runs the RTMP ingest here; scale mode runs `streamhub live` beside the API.
  const ingest = config.live.ingestInProcess ? services.live.createIngest() : undefined;
  const shutdown = async (signal: string) => {
    platform.logger.info({ signal }, 'shutting down');
    await ingest?.close();
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const address = await app.listen({ port: config.port, host: config.host });
  if (config.workersInProcess) startWorkers(platform, services);
  await ingest?.start(config.host);
  platform.logger.info(
    { url: address, database: platform.database.kind, redis: Boolean(platform.redis) },
    'StreamHub is up',
  );
  return -1;
}
