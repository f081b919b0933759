import type { Logger } from 'pino';

/** One stage of a shutdown, run after the previous one finished (or gave up). */
export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

export interface GracefulShutdownOptions {
  logger: Logger;
  steps: ShutdownStep[];
  /** The whole shutdown may take this long; then the process exits with 1 instead of hanging. */
  timeoutMs: number;
  exit?: (code: number) => void;
}

/**
 * Runs the steps in order on the first SIGTERM/SIGINT: the order is the point (stop taking requests,
 * finish the ones in flight, stop the workers, and only then close the pools and Redis they use).
 * A second signal exits at once; a step that throws is logged and the next one still runs.
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): { shutdown(signal: string): Promise<void> } {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let running: Promise<void> | undefined;

  const runSteps = async (signal: string): Promise<void> => {
    const { logger } = options;
    const startedAt = Date.now();
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: options.timeoutMs }, 'shutdown took too long; exiting now');
      exit(1);
    }, options.timeoutMs);
    deadline.unref();
    let failed = false;
    for (const [index, step] of options.steps.entries()) {
      const stepStartedAt = Date.now();
      try {
        await step.run();
        // The step number orders the lines even where a log reader sees them out of order or in one millisecond.
        logger.info(
          { step: step.name, stepNumber: index + 1, durationMs: Date.now() - stepStartedAt },
          'shutdown step done',
        );
      } catch (error) {
        failed = true;
        logger.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    clearTimeout(deadline);
    logger.info({ durationMs: Date.now() - startedAt }, 'shut down');
    exit(failed ? 1 : 0);
  };

  const shutdown = (signal: string): Promise<void> => {
    if (running) {
      options.logger.warn({ signal }, 'second signal: exiting without finishing the shutdown');
      exit(1);
      return running;
    }
    running = runSteps(signal);
    return running;
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return { shutdown };
}
