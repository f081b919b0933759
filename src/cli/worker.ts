import type { Config } from '../config.ts';
import { createPlatform } from '../platform/platform.ts';
import { createServices } from '../modules/services.ts';
import { startWorkers } from '../workers.ts';

/** Runs job workers without the HTTP API (scale-out mode); stops cleanly on SIGINT/SIGTERM. */
export async function runWorkerCommand(config: Config): Promise<number> {
  const platform = await createPlatform(config);
  const shutdown = async (signal: string) => {
    platform.logger.info({ signal }, 'worker shutting down');
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  startWorkers(platform, createServices(platform));
  platform.logger.info('StreamHub worker is up');
  return -1;
}
