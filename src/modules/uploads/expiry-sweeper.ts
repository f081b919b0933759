import type { Logger } from 'pino';
import type { UploadService } from './service.ts';

/** How often abandoned uploads are looked for; they expire after a day, so hourly is plenty. */
const SWEEP_INTERVAL_MS = 3600_000;

/**
 * Periodically removes the bytes of uploads nobody finished (see UploadService.expireAbandoned).
 * It runs in the API process because that is where tus keeps its files in embedded mode; with
 * several API replicas each sweeps, and the claim on every upload row keeps them from colliding.
 */
export function startExpirySweeper(uploads: UploadService, logger: Logger): { stop(): void } {
  const sweep = async () => {
    try {
      const expired = await uploads.expireAbandoned();
      if (expired > 0) logger.info({ expired }, 'removed abandoned uploads');
    } catch (error) {
      logger.error({ err: error }, 'sweeping abandoned uploads failed; will retry');
    }
  };
  const timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  // A sweep must never keep a process alive that is otherwise done.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
