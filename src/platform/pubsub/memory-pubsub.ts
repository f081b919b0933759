import { EventEmitter } from 'node:events';
import type { MessageListener, PubSub } from './pubsub.ts';

/** Embedded mode: API and workers share one process, so an EventEmitter is the whole bus. */
export class MemoryPubSub implements PubSub {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open progress stream: many are normal, not a leak.
    this.emitter.setMaxListeners(0);
  }

  async publish(channel: string, message: unknown): Promise<void> {
    // A round trip through JSON gives listeners the same copy semantics as the Redis adapter.
    const copy: unknown = JSON.parse(JSON.stringify(message));
    this.emitter.emit(channel, copy);
  }

  async subscribe(channel: string, listener: MessageListener): Promise<() => Promise<void>> {
    this.emitter.on(channel, listener);
    return async () => {
      this.emitter.off(channel, listener);
    };
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
