import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { onOutboxWrite, type DeadLetter, type ListDeadLettersOptions } from './event-bus.ts';
import { EventStore } from './event-store.ts';
import type { Poller } from './poller.ts';

interface RunnableConsumer {
  start(): void;
  stop(): Promise<void>;
}

/**
 * What both event buses share: consumers registered by name, an outbox relay woken by local writes,
 * the dead-letter and pruning reads of the store, and the start/close lifecycle. The subclasses differ
 * in where the relay sends events (delivery rows, or Redis Streams) and how consumers read them.
 */
export abstract class OutboxBus<C extends RunnableConsumer> {
  protected readonly store: EventStore;
  protected readonly consumers = new Map<string, C>();
  protected started = false;
  private closed = false;
  private stopHint: (() => void) | undefined;
  protected abstract readonly relay: Poller;

  constructor(db: Kysely<DB>) {
    this.store = new EventStore(db);
  }

  start(): void {
    this.assertOpen();
    if (this.started) return;
    this.started = true;
    this.stopHint = onOutboxWrite(() => this.relay.wake());
    for (const consumer of this.consumers.values()) consumer.start();
    this.relay.wake();
  }

  listDeadLetters(options: ListDeadLettersOptions): Promise<DeadLetter[]> {
    return this.store.listDeadLetters(options);
  }

  prune(olderThanMs: number): Promise<{ outbox: number; processed: number }> {
    return this.store.prune(olderThanMs);
  }

  /** Stops the relay and every consumer once; false when the bus was already closed. */
  protected async stopDispatching(): Promise<boolean> {
    if (this.closed) return false;
    this.closed = true;
    this.stopHint?.();
    await this.relay.stop();
    await Promise.all([...this.consumers.values()].map((consumer) => consumer.stop()));
    return true;
  }

  protected assertOpen(): void {
    if (this.closed) throw new Error('the event bus is closed');
  }
}
