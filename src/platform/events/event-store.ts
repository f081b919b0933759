import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { isEventId, type DeadLetter, type DomainEvent, type ListDeadLettersOptions } from './event-bus.ts';

/**
 * One relay at a time, across processes: two relays interleaving their batches could hand a key's
 * later event on before its earlier one. Any constant works as long as every process uses it.
 */
const RELAY_LOCK_ID = 7_310_560;

/** Database time, not this process's clock, so dispatchers on different hosts agree on leases. */
function msFromNow(ms: number) {
  return sql<Date>`now() + make_interval(secs => ${ms / 1000})`;
}

/** One run of one delivery by one dispatcher; every write about the run is fenced on it. */
export interface DeliveryRun {
  consumer: string;
  eventId: string;
  workerId: string;
  attempt: number;
}

export interface ClaimedDelivery {
  event: DomainEvent;
  /** This run's number, 1 for the first. */
  attempt: number;
  /** The consumer already recorded it (a redelivery): skip the handler. */
  processed: boolean;
}

/** An outbox row as the Redis relay hands it on, payload kept as the JSON text it is stored as. */
export interface RelayRow {
  id: string;
  topic: string;
  key: string;
  payloadJson: string;
  createdAt: Date;
}

interface DeadLetterRow {
  id: string;
  consumer: string;
  event_id: string;
  topic: string;
  partition_key: string;
  payload: unknown;
  event_created_at: Date;
  error: string;
  attempts: number;
  failed_at: Date;
  replayed_at: Date | null;
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    consumer: row.consumer,
    eventId: row.event_id,
    topic: row.topic,
    key: row.partition_key,
    payload: row.payload,
    eventCreatedAt: row.event_created_at,
    error: row.error,
    attempts: row.attempts,
    failedAt: row.failed_at,
    replayedAt: row.replayed_at,
  };
}

async function tryRelayLock(trx: Transaction<DB>): Promise<boolean> {
  const result = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${RELAY_LOCK_ID}) as locked`.execute(
    trx,
  );
  return result.rows[0]?.locked === true;
}

/** The SQL of the event layer; one statement (or one short transaction) per state transition. */
export class EventStore {
  constructor(private readonly db: Kysely<DB>) {}

  // ---- embedded dispatcher -------------------------------------------------------------------

  /** Durable subscription: from now on the relay fans the consumer's topics out to it. */
  async registerConsumer(consumer: string, topics: string[]): Promise<void> {
    await sql`
      insert into event_consumers (consumer, topics) values (${consumer}, ${sql.val(topics)}::text[])
      on conflict (consumer) do update set topics = excluded.topics, updated_at = now()
      where event_consumers.topics is distinct from excluded.topics`.execute(this.db);
  }

  /**
   * Moves up to `limit` un-relayed outbox rows, in id order, into per-consumer deliveries. Returns
   * how many rows it relayed (0 also when another process holds the relay) and which consumers got work.
   */
  async relayToDeliveries(limit: number): Promise<{ relayed: number; consumers: string[] }> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await tryRelayLock(trx))) return { relayed: 0, consumers: [] };
      const result = await sql<{ relayed: number; consumers: string[] }>`
        with batch as materialized (
          select id, topic, partition_key from outbox_events
          where relayed_at is null
          order by id
          limit ${limit}
        ), fanned as (
          insert into event_deliveries (consumer, event_id, partition_key)
          select c.consumer, b.id, b.partition_key
          from batch b join event_consumers c on b.topic = any (c.topics)
          on conflict do nothing
          returning consumer
        ), relayed as (
          update outbox_events o set relayed_at = now() from batch b where o.id = b.id returning o.id
        )
        select (select count(*) from relayed)::int as relayed,
               array(select distinct consumer from fanned) as consumers`.execute(trx);
      const row = result.rows[0];
      return { relayed: Number(row?.relayed ?? 0), consumers: row?.consumers ?? [] };
    });
  }

  /**
   * Claims up to `limit` due deliveries of `consumer`, each the earliest pending one of its key (so a
   * key's next event waits while an earlier one runs, waits for its retry, or is not yet dead-lettered).
   * SKIP LOCKED lets dispatchers in several processes claim side by side.
   */
  async claimDeliveries(
    consumer: string,
    workerId: string,
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedDelivery[]> {
    const result = await sql<{
      event_id: string;
      topic: string;
      partition_key: string;
      payload: unknown;
      created_at: Date;
      attempts: number;
      processed: boolean;
    }>`
      with next as materialized (
        select d.consumer, d.event_id from event_deliveries d
        where d.consumer = ${consumer}
          and d.available_at <= now()
          and (d.locked_until is null or d.locked_until < now())
          and not exists (
            select 1 from event_deliveries earlier
            where earlier.consumer = d.consumer
              and earlier.partition_key = d.partition_key
              and earlier.event_id < d.event_id
          )
        order by d.event_id
        limit ${limit}
        for update of d skip locked
      )
      update event_deliveries d set
        attempts = d.attempts + 1,
        locked_by = ${workerId},
        locked_until = ${msFromNow(leaseMs)}
      from next join outbox_events o on o.id = next.event_id
      where d.consumer = next.consumer and d.event_id = next.event_id
      returning d.event_id::text as event_id, o.topic, d.partition_key, o.payload, o.created_at, d.attempts,
        exists (select 1 from processed_events p where p.consumer = d.consumer and p.event_id = d.event_id) as processed`.execute(
      this.db,
    );
    return result.rows
      .map((row) => ({
        event: {
          id: row.event_id,
          topic: row.topic,
          key: row.partition_key,
          payload: row.payload,
          createdAt: row.created_at,
        },
        attempt: row.attempts,
        processed: row.processed,
      }))
      .sort((a, b) => (BigInt(a.event.id) < BigInt(b.event.id) ? -1 : 1));
  }

  private updateRun(executor: Kysely<DB>, run: DeliveryRun) {
    return executor
      .updateTable('event_deliveries')
      .where('consumer', '=', run.consumer)
      .where('event_id', '=', run.eventId)
      .where('locked_by', '=', run.workerId)
      .where('attempts', '=', run.attempt);
  }

  /** False when the run no longer holds the delivery (its lease ran out and another run took it). */
  async extendLease(run: DeliveryRun, leaseMs: number): Promise<boolean> {
    const result = await this.updateRun(this.db, run)
      .set({ locked_until: msFromNow(leaseMs) })
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Success: the processed mark (kept even if the run lost its lease: the handler did run) and the delivery's end, atomically. */
  async completeDelivery(run: DeliveryRun): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('processed_events')
        .values({ consumer: run.consumer, event_id: run.eventId })
        .onConflict((conflict) => conflict.columns(['consumer', 'event_id']).doNothing())
        .execute();
      await trx
        .deleteFrom('event_deliveries')
        .where('consumer', '=', run.consumer)
        .where('event_id', '=', run.eventId)
        .where('locked_by', '=', run.workerId)
        .where('attempts', '=', run.attempt)
        .execute();
    });
  }

  /** A redelivery of an event the consumer already processed: just ends the delivery. */
  async dropDelivery(run: DeliveryRun): Promise<void> {
    await this.db
      .deleteFrom('event_deliveries')
      .where('consumer', '=', run.consumer)
      .where('event_id', '=', run.eventId)
      .where('locked_by', '=', run.workerId)
      .where('attempts', '=', run.attempt)
      .execute();
  }

  async retryDelivery(run: DeliveryRun, error: string, delayMs: number): Promise<void> {
    await this.updateRun(this.db, run)
      .set({ last_error: error, available_at: msFromNow(delayMs), locked_by: null, locked_until: null })
      .execute();
  }

  /** Gives up on the delivery: its dead letter and its end, in one statement. */
  async deadLetterDelivery(run: DeliveryRun, error: string): Promise<void> {
    await sql`
      with gone as (
        delete from event_deliveries
        where consumer = ${run.consumer} and event_id = ${run.eventId}
          and locked_by = ${run.workerId} and attempts = ${run.attempt}
        returning consumer, event_id, attempts
      )
      insert into event_dead_letters (consumer, event_id, topic, partition_key, payload, event_created_at, error, attempts)
      select gone.consumer, gone.event_id, o.topic, o.partition_key, o.payload, o.created_at, ${error}, gone.attempts
      from gone join outbox_events o on o.id = gone.event_id`.execute(this.db);
  }

  // ---- Redis relay ---------------------------------------------------------------------------

  /**
   * Hands up to `limit` un-relayed outbox rows, in id order, to `send`, then marks them relayed, in
   * one transaction under the relay lock. If `send` succeeded but the mark did not commit (a crash),
   * the rows are sent again next time: consumers dedupe them through processed_events.
   */
  async relayOutbox(limit: number, send: (rows: RelayRow[]) => Promise<void>): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await tryRelayLock(trx))) return 0;
      const result = await sql<{ id: string; topic: string; partition_key: string; payload: string; created_at: Date }>`
        select id::text as id, topic, partition_key, payload::text as payload, created_at
        from outbox_events where relayed_at is null
        -- The table's bigint, not the text alias of the select list.
        order by outbox_events.id limit ${limit}`.execute(trx);
      if (result.rows.length === 0) return 0;
      await send(
        result.rows.map((row) => ({
          id: row.id,
          topic: row.topic,
          key: row.partition_key,
          payloadJson: row.payload,
          createdAt: row.created_at,
        })),
      );
      const ids = result.rows.map((row) => row.id);
      await sql`update outbox_events set relayed_at = now() where id = any (${sql.val(ids)}::bigint[])`.execute(trx);
      return ids.length;
    });
  }

  async insertDeadLetter(consumer: string, event: DomainEvent, error: string, attempts: number): Promise<void> {
    await this.db
      .insertInto('event_dead_letters')
      .values({
        consumer,
        event_id: event.id,
        topic: event.topic,
        partition_key: event.key,
        payload: JSON.stringify(event.payload ?? null),
        event_created_at: event.createdAt,
        error,
        attempts,
      })
      .execute();
  }

  // ---- dead letters and replay (both adapters) -----------------------------------------------

  async listDeadLetters(options: ListDeadLettersOptions): Promise<DeadLetter[]> {
    let query = this.db
      .selectFrom('event_dead_letters')
      .select([
        sql<string>`id::text`.as('id'),
        'consumer',
        sql<string>`event_id::text`.as('event_id'),
        'topic',
        'partition_key',
        'payload',
        'event_created_at',
        'error',
        'attempts',
        'failed_at',
        'replayed_at',
      ]);
    if (options.consumer !== undefined) query = query.where('consumer', '=', options.consumer);
    if (!options.includeReplayed) query = query.where('replayed_at', 'is', null);
    const rows = await query
      .orderBy('failed_at', 'desc')
      .orderBy(sql`event_dead_letters.id`, 'desc')
      .limit(options.limit)
      .offset(options.offset ?? 0)
      .execute();
    return rows.map((row) => toDeadLetter(row as DeadLetterRow));
  }

  /**
   * Marks the dead letter replayed and runs `redeliver` in the same transaction (a failing redelivery
   * leaves it unreplayed). Also puts the event back in the outbox, already relayed, if it was pruned.
   */
  async replayDeadLetter(
    id: string,
    redeliver: (trx: Transaction<DB>, letter: DeadLetter) => Promise<void>,
  ): Promise<boolean> {
    if (!isEventId(id)) return false;
    return this.db.transaction().execute(async (trx) => {
      const result = await sql<DeadLetterRow>`
        update event_dead_letters set replayed_at = now()
        where id = ${id} and replayed_at is null
        returning id::text as id, consumer, event_id::text as event_id, topic, partition_key, payload, event_created_at,
          error, attempts, failed_at, replayed_at`.execute(trx);
      const row = result.rows[0];
      if (!row) return false;
      await sql`
        insert into outbox_events (id, topic, partition_key, payload, created_at, relayed_at)
        overriding system value
        select ${row.event_id}::bigint, ${row.topic}, ${row.partition_key}, d.payload, ${row.event_created_at}, now()
        from event_dead_letters d where d.id = ${id}
        on conflict (id) do nothing`.execute(trx);
      await redeliver(trx, toDeadLetter(row));
      return true;
    });
  }

  /** Embedded replay: a fresh delivery for the consumer (a pending one for the same event already covers it). */
  async insertDelivery(trx: Transaction<DB>, consumer: string, eventId: string, key: string): Promise<void> {
    await trx
      .insertInto('event_deliveries')
      .values({ consumer, event_id: eventId, partition_key: key })
      .onConflict((conflict) => conflict.columns(['consumer', 'event_id']).doNothing())
      .execute();
  }

  // ---- housekeeping --------------------------------------------------------------------------

  /**
   * Deletes relayed outbox rows and processed marks older than `olderThanMs` (outbox rows some
   * consumer still has to handle are kept). Keep the window well above the longest redelivery delay:
   * a duplicate arriving after its mark was pruned would be processed again.
   */
  async prune(olderThanMs: number): Promise<{ outbox: number; processed: number }> {
    const outbox = await sql`
      delete from outbox_events o
      where o.relayed_at < ${msFromNow(-olderThanMs)}
        and not exists (select 1 from event_deliveries d where d.event_id = o.id)`.execute(this.db);
    const processed = await this.db
      .deleteFrom('processed_events')
      .where('processed_at', '<', msFromNow(-olderThanMs))
      .executeTakeFirst();
    return { outbox: Number(outbox.numAffectedRows ?? 0n), processed: Number(processed.numDeletedRows) };
  }
}
