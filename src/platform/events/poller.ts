/**
 * What a poll found: `now` (a full batch: poll again at once), `soon` (some work: poll at the short
 * interval), `idle` (nothing: back off, doubling up to the long interval) or `wait` (no point polling
 * until someone calls wake(), e.g. every handler slot is busy).
 */
export type PollResult = 'now' | 'soon' | 'idle' | 'wait';

export interface PollerOptions {
  minIntervalMs: number;
  maxIntervalMs: number;
  onError(error: unknown): void;
}

/**
 * Runs `work` repeatedly, one run at a time, backing off while it finds nothing. wake() and wakeIn()
 * bring the next run forward; a single timer always holds the earliest due run.
 */
export class Poller {
  private timer: NodeJS.Timeout | undefined;
  private dueAt = 0;
  private delayMs: number;
  private running: Promise<void> | undefined;
  private rerun = false;
  private stopped = false;

  constructor(
    private readonly work: () => Promise<PollResult>,
    private readonly options: PollerOptions,
  ) {
    this.delayMs = options.minIntervalMs;
  }

  /** Polls now and resets the idle backoff: new work may have arrived. */
  wake(): void {
    this.delayMs = this.options.minIntervalMs;
    if (this.running) this.rerun = true;
    else this.schedule(0);
  }

  /** Polls within `ms` at the latest (a retry becomes due then). */
  wakeIn(ms: number): void {
    this.schedule(ms);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    const at = Date.now() + ms;
    if (this.timer && this.dueAt <= at) return;
    clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, ms);
  }

  private run(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    let next: number | undefined;
    this.running = this.work()
      .then((result) => {
        const { minIntervalMs, maxIntervalMs } = this.options;
        if (result === 'now') {
          this.delayMs = minIntervalMs;
          next = 0;
        } else if (result === 'soon') {
          this.delayMs = minIntervalMs;
          next = minIntervalMs;
        } else if (result === 'idle') {
          next = this.delayMs;
          this.delayMs = Math.min(this.delayMs * 2, maxIntervalMs);
        }
      })
      .catch((error: unknown) => {
        this.options.onError(error);
        this.delayMs = this.options.maxIntervalMs;
        next = this.delayMs;
      })
      .finally(() => {
        this.running = undefined;
        if (this.rerun) {
          this.rerun = false;
          this.schedule(0);
        } else if (next !== undefined) {
          this.schedule(next);
        }
      });
  }
}
