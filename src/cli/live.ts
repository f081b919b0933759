import type { Config } from '../config.ts';
import { createPlatform } from '../platform/platform.ts';
import { createServices } from '../modules/services.ts';

/**
 * `streamhub live`: the RTMP ingest as its own process (scale mode). It packages streams into object
 * storage and records them; API processes serve the HLS and the chat. Runs until SIGINT/SIGTERM.
 */
export async function runLiveCommand(config: Config): Promise<number> {
  const platform = await createPlatform(config);
  const services = createServices(platform);
  const ingest = services.live.createIngest();
  const shutdown = async (signal: string) => {
    platform.logger.info({ signal }, 'live ingest shutting down: ending its streams');
    await ingest.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await ingest.start(config.host);
  return -1;
}
