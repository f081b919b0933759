import type { ServerResponse } from 'node:http';

/**
 * Whether this process is shutting down, which event streams it is serving and which route handlers are
 * still running. `/ready` answers 503 while draining, so a load balancer stops sending new requests
 * before the listener closes.
 */
export class DrainState {
  private drainingSince: number | undefined;
  private readonly streams = new Set<ServerResponse>();
  private readonly handlers = new Set<Promise<unknown>>();

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  begin(): void {
    this.drainingSince ??= Date.now();
  }

  /** A long-lived response (an event stream) that the drain ends instead of waiting for. */
  trackStream(response: ServerResponse): void {
    this.streams.add(response);
    response.once('close', () => this.streams.delete(response));
  }

  endStreams(): void {
    for (const stream of this.streams) stream.end();
  }

  /**
   * A route handler's work. The listener's close waits only for open connections, and a client that hung
   * up leaves its handler running with none: the handler's database and Redis calls must still find
   * them open.
   */
  trackHandler(work: Promise<unknown>): void {
    this.handlers.add(work);
    const forget = () => this.handlers.delete(work);
    work.then(forget, forget);
  }

  /** Resolves once every tracked handler has settled, or with false when `timeoutMs` passes first. */
  async handlersSettled(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      while (this.handlers.size > 0) {
        const settled = await Promise.race([Promise.allSettled([...this.handlers]).then(() => true), timedOut]);
        if (!settled) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
