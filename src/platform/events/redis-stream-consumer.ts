import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import type { EventHandler, ResolvedSubscribeOptions } from './event-bus.ts';
import type { EventStore } from './event-store.ts';
import { KeyedRunner, type RunOutcome } from './keyed-runner.ts';
import { PartitionLeases } from './partition-leases.ts';
import { decodeEntry, fnv1a, parseReadReply, type StreamKeys } from './redis-streams.ts';
import { Signal } from './signal.ts';
import { handleHeldEntry, type EntryHandlingContext, type HeldEntry } from './stream-entry-handling.ts';
import { PendingEntries } from './stream-pending-entries.ts';
import { waitAtMost } from './wait.ts';

export interface StreamConsumerSettings {
  redisUrl: string;
  /** How long one XREADGROUP blocks waiting for entries. */
  blockMs: number;
  /** Entries read but not finished that one instance holds at most; reading pauses above it. */
  maxBufferedEvents: number;
  /** A pending entry idle this long belongs to a dead reader and is reclaimed (XAUTOCLAIM). */
  claimIdleMs: number;
  /** How long a partition stays an instance's without renewal. */
  partitionLeaseMs: number;
  /** Membership heartbeat, lease renewal, rebalancing and reclaiming run this often. */
  maintainIntervalMs: number;
  maxBackoffMs: number;
  shutdownGraceMs: number;
}

interface PartitionState {
  /** Its pending entries of previous owners have been taken over: reading new entries may begin. */
  recovered: boolean;
  /** Being handed to another instance: no new reads; released once its held entries are finished. */
  draining: boolean;
}

/**
 * One consumer (a Redis consumer group) in this process. Partitions are leased to one instance of the
 * consumer at a time, shared out evenly among the live instances, so a key's events are read by one
 * instance and handled in stream order; within the instance a KeyedRunner runs different keys side
 * by side. Entries are acknowledged after their outcome is recorded in the database.
 */
export class StreamConsumer {
  private readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly owned = new Map<number, PartitionState>();
  private readonly held = new Map<string, HeldEntry>();
  private readonly runner: KeyedRunner<HeldEntry>;
  private readonly signal = new Signal();
  private readonly topics: Set<string>;
  private reader: Redis | undefined;
  private readerClientId: string | undefined;
  private readInFlight = new Set<number>();
  private readLoop: Promise<void> | undefined;
  private maintainTimer: NodeJS.Timeout | undefined;
  private maintaining: Promise<void> | undefined;
  private lastReclaimAt = 0;
  private groups: Promise<void> | undefined;
  private stopping = false;
  private readonly pending: PendingEntries;
  private readonly leases: PartitionLeases;
  private readonly handling: EntryHandlingContext;

  constructor(
    private readonly commands: Redis,
    private readonly keys: StreamKeys,
    private readonly store: EventStore,
    private readonly db: Kysely<DB>,
    readonly name: string,
    topics: string[],
    private readonly handler: EventHandler<unknown>,
    private readonly options: ResolvedSubscribeOptions,
    private readonly settings: StreamConsumerSettings,
    private readonly logger: Logger | undefined,
  ) {
    this.topics = new Set(topics);
    this.runner = new KeyedRunner(
      options.concurrency,
      (item) => this.process(item),
      () => this.signal.notify(),
    );
    this.pending = new PendingEntries(commands, keys, name, this.instanceId, logger);
    this.leases = new PartitionLeases(commands, keys, name, this.instanceId);
    this.handling = {
      commands,
      keys,
      store,
      db,
      name,
      instanceId: this.instanceId,
      topics: this.topics,
      handler,
      options,
      maxBackoffMs: settings.maxBackoffMs,
      logger,
      finish: (item) => this.finish(item),
    };
  }

  /**
   * Creates the consumer group on every partition, at the stream's end (`$`): a new consumer gets
   * the events relayed from then on. The relay waits for this, so no event of ours slips past.
   */
  ensureGroups(): Promise<void> {
    this.groups ??= (async () => {
      for (let partition = 0; partition < this.keys.partitions; partition++) {
        try {
          await this.commands.call('XGROUP', 'CREATE', this.keys.stream(partition), this.name, '$', 'MKSTREAM');
        } catch (error) {
          if (!String((error as Error).message).startsWith('BUSYGROUP')) throw error;
        }
      }
    })().catch((error: unknown) => {
      this.groups = undefined;
      throw error;
    });
    return this.groups;
  }

  start(): void {
    const reader = new Redis(this.settings.redisUrl, { maxRetriesPerRequest: null });
    reader.on('error', (err: Error) =>
      this.logger?.warn({ err: err.message, consumer: this.name }, 'event reader redis connection problem'),
    );
    // CLIENT UNBLOCK needs the blocked connection's id, which changes when it reconnects.
    reader.on('ready', () => {
      reader.call('CLIENT', 'ID').then(
        (id) => {
          this.readerClientId = String(id);
        },
        () => undefined,
      );
    });
    this.reader = reader;
    this.scheduleMaintain(0);
    this.readLoop = this.read(reader);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.maintainTimer);
    await this.maintaining;
    this.signal.notify();
    if (this.readLoop) {
      const deadline = Date.now() + this.settings.blockMs + 2000;
      while (!(await waitAtMost(this.readLoop, 50)) && Date.now() < deadline) await this.unblockReader();
    }
    const drained = await waitAtMost(this.runner.stop(), this.settings.shutdownGraceMs);
    if (!drained)
      this.logger?.warn(
        { consumer: this.name },
        'event handlers still running at shutdown; their events will be redelivered',
      );
    try {
      await this.handBack();
      for (const partition of this.owned.keys()) await this.leases.release(partition);
      await this.leases.leave();
    } catch (error) {
      this.logger?.warn(
        { err: error, consumer: this.name },
        'releasing event partitions failed; they are taken over when their leases expire',
      );
    }
    this.owned.clear();
    const reader = this.reader;
    if (reader && !(await waitAtMost(reader.quit(), 1000))) reader.disconnect();
  }

  // ---- reading ----------------------------------------------------------------------------------

  private async read(reader: Redis): Promise<void> {
    while (!this.stopping) {
      const readable = [...this.owned]
        .filter(([, state]) => state.recovered && !state.draining)
        .map(([partition]) => partition);
      const room = this.settings.maxBufferedEvents - this.held.size;
      if (readable.length === 0 || room <= 0) {
        await this.signal.wait(this.settings.blockMs);
        continue;
      }
      let reply: unknown;
      this.readInFlight = new Set(readable);
      try {
        reply = await reader.call(
          'XREADGROUP',
          'GROUP',
          this.name,
          this.instanceId,
          'COUNT',
          room,
          'BLOCK',
          this.settings.blockMs,
          'STREAMS',
          ...readable.map((partition) => this.keys.stream(partition)),
          ...readable.map(() => '>'),
        );
      } catch (error) {
        if (this.stopping) break;
        this.logger?.warn({ err: error, consumer: this.name }, 'reading events failed; retrying');
        await this.signal.wait(1000);
        continue;
      } finally {
        this.readInFlight = new Set();
      }
      // Entries read while stopping stay pending and are handed to the next reader.
      if (this.stopping) break;
      for (const { stream, entries } of parseReadReply(reply)) {
        const partition = readable.find((candidate) => this.keys.stream(candidate) === stream);
        if (partition !== undefined) this.hold(partition, entries, new Map());
      }
    }
  }

  private async unblockReader(): Promise<void> {
    if (this.readerClientId === undefined) return;
    await this.commands.call('CLIENT', 'UNBLOCK', this.readerClientId).catch(() => undefined);
  }

  /** Queues entries not held yet; `counts` gives the delivery count of reclaimed ones (fresh reads: 1). */
  private hold(partition: number, rawEntries: unknown[], counts: Map<string, number>): void {
    for (const raw of rawEntries) {
      const decoded = decodeEntry(raw);
      if (!decoded) continue;
      const id = `${partition}/${decoded.streamId}`;
      if (this.held.has(id)) continue;
      const item: HeldEntry = {
        partition,
        streamId: decoded.streamId,
        key: decoded.entry?.event.key ?? `#${id}`,
        entry: decoded.entry,
        attempt: counts.get(decoded.streamId) ?? 1,
        bump: false,
        settled: false,
      };
      this.held.set(id, item);
      this.runner.push(item);
    }
  }

  private forget(item: HeldEntry): void {
    this.held.delete(`${item.partition}/${item.streamId}`);
    this.signal.notify();
  }

  // ---- handling ---------------------------------------------------------------------------------

  private async process(item: HeldEntry): Promise<RunOutcome> {
    // A partition we no longer hold belongs to another instance now, which takes over its entries.
    if (this.stopping || !this.owned.has(item.partition)) {
      this.forget(item);
      return undefined;
    }
    return handleHeldEntry(this.handling, item);
  }

  private async finish(item: HeldEntry): Promise<void> {
    await this.commands.xack(this.keys.stream(item.partition), this.name, item.streamId);
    this.forget(item);
  }

  // ---- partitions: membership, leases, rebalancing, reclaiming ----------------------------------

  private scheduleMaintain(delayMs: number): void {
    if (this.stopping) return;
    this.maintainTimer = setTimeout(() => {
      this.maintaining = this.maintain()
        .catch((error: unknown) =>
          this.logger?.warn({ err: error, consumer: this.name }, 'maintaining event partitions failed'),
        )
        .finally(() => {
          this.maintaining = undefined;
          this.scheduleMaintain(this.settings.maintainIntervalMs);
        });
    }, delayMs);
  }

  private async maintain(): Promise<void> {
    await this.ensureGroups();
    const leaseMs = this.settings.partitionLeaseMs;
    const live = await this.leases.heartbeat(leaseMs);
    const target = Math.ceil(this.keys.partitions / Math.max(live, 1));

    for (const partition of [...this.owned.keys()]) {
      if (!(await this.leases.renew(partition, leaseMs))) {
        this.owned.delete(partition);
        this.logger?.warn(
          { consumer: this.name, partition },
          'lost an event partition lease; another instance takes it over',
        );
      }
    }
    await this.refreshHeld();

    // Hand surplus partitions over (a newcomer arrived), or take drained ones back (an instance left).
    const active = () => [...this.owned.values()].filter((state) => !state.draining).length;
    for (const state of this.owned.values()) {
      if (active() > target && !state.draining) state.draining = true;
      else if (active() < target && state.draining) state.draining = false;
    }
    for (const [partition, state] of [...this.owned]) {
      if (state.draining && !this.holds(partition) && !this.readInFlight.has(partition)) {
        await this.leases.release(partition);
        this.owned.delete(partition);
      }
    }
    const offset = fnv1a(this.instanceId) % this.keys.partitions;
    for (let step = 0; step < this.keys.partitions && active() < target; step++) {
      const partition = (offset + step) % this.keys.partitions;
      if (this.owned.has(partition)) continue;
      if (await this.leases.take(partition, leaseMs)) this.owned.set(partition, { recovered: false, draining: false });
    }

    let readable = false;
    for (const [partition, state] of this.owned) {
      if (state.recovered) continue;
      state.recovered = await this.recover(partition);
      readable ||= state.recovered;
    }
    if (Date.now() - this.lastReclaimAt >= this.settings.claimIdleMs / 2) {
      this.lastReclaimAt = Date.now();
      for (const [partition, state] of this.owned) if (state.recovered) await this.reclaim(partition);
    }
    if (readable) {
      this.signal.notify();
      await this.unblockReader();
    }
  }

  private holds(partition: number): boolean {
    for (const item of this.held.values()) if (item.partition === partition) return true;
    return false;
  }

  /** Resets the idle time of entries we hold (without counting a delivery), so no reclaimer takes them. */
  private async refreshHeld(): Promise<void> {
    for (const partition of this.owned.keys()) {
      await this.pending.setIdle(
        partition,
        [...this.held.values()].filter((item) => item.partition === partition).map((item) => item.streamId),
      );
    }
  }

  /**
   * A partition just acquired: takes over the pending entries of its previous readers once they are
   * idle (a gracefully stopped reader handed them back idle; a dead one's go idle as it stopped
   * refreshing them). New entries are read only when none of another reader remain, so a key's
   * earlier events are not overtaken by its later ones.
   */
  private async recover(partition: number): Promise<boolean> {
    await this.reclaim(partition);
    return !(await this.pending.othersHavePending(partition));
  }

  /** Entries pending longer than claimIdleMs (their reader stopped) become ours, in stream order. */
  private async reclaim(partition: number): Promise<void> {
    const claimed = await this.pending.claimIdle(partition, this.settings.claimIdleMs);
    const fresh = claimed.filter((raw) => Array.isArray(raw) && !this.held.has(`${partition}/${String(raw[0])}`));
    if (fresh.length === 0) {
      await this.pending.removeIdleReaders(partition, this.settings.claimIdleMs * 4);
      return;
    }
    const { entries, counts } = await this.pending.inOrderWithCounts(partition, fresh, this.held.size);
    this.logger?.info(
      { consumer: this.name, stream: this.keys.stream(partition), count: fresh.length },
      'took over pending events of a stopped reader',
    );
    this.hold(partition, entries, counts);
  }

  /** At shutdown: unfinished entries are marked long idle (not counted as a delivery) for the next owner to take at once. */
  private async handBack(): Promise<void> {
    const byPartition = new Map<number, string[]>();
    for (const item of this.held.values()) {
      // Entries of a partition we lost are the new owner's already; claiming them back would steal them.
      if (this.owned.has(item.partition))
        byPartition.set(item.partition, [...(byPartition.get(item.partition) ?? []), item.streamId]);
    }
    for (const [partition, ids] of byPartition)
      await this.pending.setIdle(partition, ids, this.settings.claimIdleMs * 10);
    this.held.clear();
  }
}
