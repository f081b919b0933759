import type { ServerResponse } from 'node:http';

/**
 * Whether this process is shutting down, and which event streams it is serving. `/ready` answers 503
 * while draining, so a load balancer stops sending new requests before the listener closes.
 */
export class DrainState {
  private drainingSince: number | undefined;
  private readonly streams = new Set<ServerResponse>();

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
}
