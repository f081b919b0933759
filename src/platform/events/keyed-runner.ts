/** What a run asks for: nothing (the item is finished) or another run after a delay. */
export type RunOutcome = { retryInMs: number } | undefined;

/**
 * Runs items at most `concurrency` at a time, in arrival order except that an item never starts
 * while an earlier item of the same key is running or waiting for its retry. A retrying item keeps
 * its key but not a slot, so one failing key does not hold back the others.
 */
export class KeyedRunner<T extends { key: string }> {
  private readonly queue: T[] = [];
  private readonly due: T[] = [];
  private readonly busyKeys = new Set<string>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: Array<() => void> = [];
  private active = 0;
  private waitingRetries = 0;
  private stopped = false;

  constructor(
    private readonly concurrency: number,
    private readonly run: (item: T) => Promise<RunOutcome>,
    private readonly onSettled: () => void = () => undefined,
  ) {}

  /** Items queued, running or waiting for a retry. */
  get size(): number {
    return this.queue.length + this.due.length + this.active + this.waitingRetries;
  }

  push(item: T): void {
    if (this.stopped) return;
    this.queue.push(item);
    this.pump();
  }

  /** Drops items that have not started (and pending retries), then waits for running ones. */
  stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    this.queue.length = 0;
    this.due.length = 0;
    this.waitingRetries = 0;
    return this.whenIdle();
  }

  whenIdle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (!this.stopped && this.active < this.concurrency) {
      const retry = this.due.shift();
      if (retry) {
        this.start(retry);
        continue;
      }
      const index = this.queue.findIndex((item) => !this.busyKeys.has(item.key));
      if (index < 0) break;
      const [item] = this.queue.splice(index, 1);
      if (!item) break;
      this.busyKeys.add(item.key);
      this.start(item);
    }
  }

  private start(item: T): void {
    this.active += 1;
    this.run(item)
      .catch((): RunOutcome => undefined)
      .then((outcome) => {
        this.active -= 1;
        if (outcome && !this.stopped) {
          this.waitingRetries += 1;
          const timer = setTimeout(() => {
            this.retryTimers.delete(timer);
            this.waitingRetries -= 1;
            this.due.push(item);
            this.pump();
          }, outcome.retryInMs);
          this.retryTimers.add(timer);
        } else {
          this.busyKeys.delete(item.key);
        }
        this.pump();
        this.onSettled();
        if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
  }
}
