import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import {
  errorMessage,
  resolveSubscribeOptions,
  retryDelayMs,
  type DomainEvent,
  type EventBus,
  type EventHandler,
  type ResolvedSubscribeOptions,
  type SubscribeOptions,
} from './event-bus.ts';
import type { ClaimedDelivery, DeliveryRun, EventStore } from './event-store.ts';
import { OutboxBus } from './outbox-bus.ts';
import { Poller } from './poller.ts';
import { waitAtMost } from './wait.ts';

export interface OutboxDispatcherOptions {
  /** Owned by the caller: close() leaves it open. */
  database: Database;
  logger?: Logger;
  /** Delay between polls while events keep coming (default 50 ms). */
  pollIntervalMs?: number;
  /** An idle outbox or consumer backs off to polling this often (default 1000 ms). */
  maxPollIntervalMs?: number;
  /** Outbox rows moved to deliveries per relay transaction (default 500). */
  relayBatchSize?: number;
  /** How long a claimed delivery stays ours without a heartbeat (default 30 s). */
  leaseMs?: number;
  /** How often a running handler's lease is extended (default leaseMs / 3). */
  heartbeatIntervalMs?: number;
  /** Default base of the retry backoff (default 1000 ms); subscribe() may override it. */
  backoffMs?: number;
  /** The backoff never exceeds this (default 60 s). */
  maxBackoffMs?: number;
  /** How long close() waits for running handlers (default 10 s). */
  shutdownGraceMs?: number;
}

interface Settings {
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  relayBatchSize: number;
  leaseMs: number;
  heartbeatIntervalMs: number;
  backoffMs: number;
  maxBackoffMs: number;
  shutdownGraceMs: number;
}

const STALLED_ERROR = 'stalled: every run ended without an outcome (the dispatcher stopped mid-event)';

/** Runs one consumer's deliveries: claims the due ones while it has free slots, runs and records them. */
class DeliveryConsumer {
  registered = false;
  private readonly running = new Set<Promise<void>>();
  private readonly heartbeats = new Set<NodeJS.Timeout>();
  private readonly poller: Poller;

  constructor(
    private readonly store: EventStore,
    readonly name: string,
    readonly topics: string[],
    private readonly handler: EventHandler<unknown>,
    private readonly options: ResolvedSubscribeOptions,
    private readonly workerId: string,
    private readonly settings: Settings,
    private readonly logger: Logger | undefined,
  ) {
    this.poller = new Poller(() => this.claimAndStart(), {
      minIntervalMs: settings.pollIntervalMs,
      maxIntervalMs: settings.maxPollIntervalMs,
      onError: (error) => logger?.warn({ err: error, consumer: name }, 'claiming event deliveries failed; backing off'),
    });
  }

  wake(): void {
    this.poller.wake();
  }

  async stop(): Promise<void> {
    await this.poller.stop();
    const drained = await waitAtMost(Promise.all(this.running), this.settings.shutdownGraceMs);
    if (!drained)
      this.logger?.warn(
        { consumer: this.name },
        'event handlers still running at shutdown; their events will be redelivered',
      );
    for (const heartbeat of this.heartbeats) clearInterval(heartbeat);
  }

  private async claimAndStart() {
    if (!this.registered) return 'wait' as const;
    const free = this.options.concurrency - this.running.size;
    if (free <= 0) return 'wait' as const;
    const claimed = await this.store.claimDeliveries(this.name, this.workerId, free, this.settings.leaseMs);
    for (const delivery of claimed) {
      const run = this.execute(delivery).finally(() => {
        this.running.delete(run);
        this.poller.wake();
      });
      this.running.add(run);
    }
    // A full claim fills every slot (a finishing handler wakes us); a short one means nothing else is due.
    return claimed.length === free ? ('wait' as const) : ('idle' as const);
  }

  private async execute({ event, attempt, processed }: ClaimedDelivery): Promise<void> {
    const run: DeliveryRun = { consumer: this.name, eventId: event.id, workerId: this.workerId, attempt };
    try {
      if (processed) {
        await this.store.dropDelivery(run);
        return;
      }
      if (attempt > this.options.maxAttempts) {
        await this.store.deadLetterDelivery(run, STALLED_ERROR);
        return;
      }
      const outcome = await this.runHandler(run, event);
      if (outcome.ok) {
        await this.store.completeDelivery(run);
      } else if (attempt >= this.options.maxAttempts) {
        this.logger?.error(
          { consumer: this.name, eventId: event.id, topic: event.topic, attempt, error: outcome.error },
          'event dead-lettered',
        );
        await this.store.deadLetterDelivery(run, outcome.error);
      } else {
        this.logger?.warn(
          { consumer: this.name, eventId: event.id, topic: event.topic, attempt, error: outcome.error },
          'event handler failed; will retry',
        );
        const delayMs = retryDelayMs(this.options.backoffMs, attempt, this.settings.maxBackoffMs);
        await this.store.retryDelivery(run, outcome.error, delayMs);
        this.poller.wakeIn(delayMs);
      }
    } catch (error) {
      // The lease then runs out and the delivery is claimed again.
      this.logger?.error({ err: error, consumer: this.name, eventId: event.id }, 'recording an event outcome failed');
    }
  }

  private async runHandler(run: DeliveryRun, event: DomainEvent): Promise<{ ok: true } | { ok: false; error: string }> {
    let finished = false;
    const heartbeat = setInterval(() => {
      this.store.extendLease(run, this.settings.leaseMs).then(
        (held) => {
          if (!held && !finished)
            this.logger?.warn(
              { consumer: this.name, eventId: event.id },
              'event delivery lease lost; it may run twice',
            );
        },
        (error: unknown) =>
          this.logger?.warn({ err: error, consumer: this.name, eventId: event.id }, 'extending an event lease failed'),
      );
    }, this.settings.heartbeatIntervalMs);
    this.heartbeats.add(heartbeat);
    try {
      await this.handler(event);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    } finally {
      finished = true;
      clearInterval(heartbeat);
      this.heartbeats.delete(heartbeat);
    }
  }

  start(): void {
    this.poller.wake();
  }
}

/**
 * The embedded event bus. A relay moves outbox rows, in id order and one relay at a time across
 * processes, into `event_deliveries`: one row per registered consumer of the event's topic. Each
 * consumer claims its due deliveries with FOR UPDATE SKIP LOCKED, only the earliest pending one of a
 * key, so a key's events run in order while other keys go ahead. Works on PGlite and on PostgreSQL,
 * where several processes may dispatch from one database.
 */
export class OutboxDispatcher extends OutboxBus<DeliveryConsumer> implements EventBus {
  private readonly settings: Settings;
  private readonly logger: Logger | undefined;
  private readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  protected readonly relay: Poller;

  constructor(options: OutboxDispatcherOptions) {
    super(options.database.db);
    this.logger = options.logger;
    const leaseMs = options.leaseMs ?? 30_000;
    this.settings = {
      pollIntervalMs: options.pollIntervalMs ?? 50,
      maxPollIntervalMs: options.maxPollIntervalMs ?? 1000,
      relayBatchSize: options.relayBatchSize ?? 500,
      leaseMs,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? Math.floor(leaseMs / 3),
      backoffMs: options.backoffMs ?? 1000,
      maxBackoffMs: options.maxBackoffMs ?? 60_000,
      shutdownGraceMs: options.shutdownGraceMs ?? 10_000,
    };
    this.relay = new Poller(() => this.relayOnce(), {
      minIntervalMs: this.settings.pollIntervalMs,
      maxIntervalMs: this.settings.maxPollIntervalMs,
      onError: (error) => this.logger?.warn({ err: error }, 'relaying the event outbox failed; backing off'),
    });
  }

  subscribe<P>(consumer: string, topics: string[], handler: EventHandler<P>, options?: SubscribeOptions): void {
    this.assertOpen();
    const resolved = resolveSubscribeOptions(consumer, topics, options, this.settings.backoffMs);
    if (this.consumers.has(consumer)) throw new Error(`consumer ${consumer} is already subscribed`);
    const deliveryConsumer = new DeliveryConsumer(
      this.store,
      consumer,
      [...new Set(topics)].sort(),
      handler as EventHandler<unknown>,
      resolved,
      this.workerId,
      this.settings,
      this.logger,
    );
    this.consumers.set(consumer, deliveryConsumer);
    if (this.started) {
      deliveryConsumer.start();
      this.relay.wake();
    }
  }

  async replayDeadLetter(id: string): Promise<boolean> {
    let consumer: string | undefined;
    const replayed = await this.store.replayDeadLetter(id, async (trx, letter) => {
      consumer = letter.consumer;
      await this.store.insertDelivery(trx, letter.consumer, letter.eventId, letter.key);
    });
    if (replayed && consumer) this.consumers.get(consumer)?.wake();
    return replayed;
  }

  async close(): Promise<void> {
    if (!(await this.stopDispatching())) return;
  }

  /**
   * Registers this process's consumers first: the relay fans events out to registered consumers
   * only, so an event published right after start() must not be relayed before its consumer exists.
   */
  private async relayOnce() {
    for (const consumer of this.consumers.values()) {
      if (consumer.registered) continue;
      await this.store.registerConsumer(consumer.name, consumer.topics);
      consumer.registered = true;
      consumer.wake();
    }
    const { relayed, consumers } = await this.store.relayToDeliveries(this.settings.relayBatchSize);
    for (const name of consumers) this.consumers.get(name)?.wake();
    if (relayed === this.settings.relayBatchSize) return 'now' as const;
    return relayed > 0 ? ('soon' as const) : ('idle' as const);
  }
}
