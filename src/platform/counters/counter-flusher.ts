import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import type { CounterDeltas, HotCounters } from './hot-counters.ts';

/** Where one hot counter's deltas go in the database. */
export interface CounterProjection {
  counter: string;
  /** Writes every delta in one transaction; throwing means nothing was written (the deltas go back). */
  apply(db: Kysely<DB>, deltas: CounterDeltas): Promise<void>;
}

export interface CounterFlusherOptions {
  counters: HotCounters;
  db: Kysely<DB>;
  projections: CounterProjection[];
  intervalMs: number;
  logger: Logger;
}

/** How many ids each counter wrote in one flush. */
export type FlushSummary = Record<string, number>;

/**
 * Moves buffered counter deltas into the database: drain (atomic), apply (one batched statement per
 * counter), and on failure restore the drained deltas so the next flush retries them. Flushes run one
 * after another, so a flush asked for after an increment always includes it.
 */
export class CounterFlusher {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: CounterFlusherOptions) {}

  flush(): Promise<FlushSummary> {
    const run = this.queue.then(() => this.flushAll());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Flushes every `intervalMs` until stopped. Idempotent. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  /** Stops the timer and flushes what is left, so a clean shutdown loses nothing. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.timer);
    await this.flush().catch((error: unknown) =>
      this.options.logger.error({ err: error }, 'final counter flush failed'),
    );
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      void this.flush()
        .catch((error: unknown) =>
          this.options.logger.warn({ err: error }, 'counter flush failed; deltas kept for the next one'),
        )
        .finally(() => {
          if (this.running) this.schedule();
        });
    }, this.options.intervalMs);
    // A pending flush must not keep a finished process alive; shutdown calls stop() for the last one.
    this.timer.unref();
  }

  private async flushAll(): Promise<FlushSummary> {
    const summary: FlushSummary = {};
    let firstError: unknown;
    for (const projection of this.options.projections) {
      try {
        summary[projection.counter] = await this.flushOne(projection);
      } catch (error) {
        firstError ??= error;
      }
    }
    if (firstError) throw firstError;
    return summary;
  }

  private async flushOne({ counter, apply }: CounterProjection): Promise<number> {
    const { counters, db, logger } = this.options;
    const deltas = await counters.drain(counter);
    if (deltas.size === 0) return 0;
    try {
      await apply(db, deltas);
      return deltas.size;
    } catch (error) {
      try {
        await counters.restore(counter, deltas);
      } catch (restoreError) {
        // Only reachable when the buffer itself (Redis) is down too; say exactly what was lost.
        logger.error(
          { err: restoreError, counter, deltas: Object.fromEntries(deltas) },
          'could not put counter deltas back; they are lost',
        );
      }
      throw error;
    }
  }
}
