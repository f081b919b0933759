import { sql, type Kysely, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../platform/db/schema.ts';
import type { AnalyticsEventBuffer, BufferedEvent } from './event-buffer.ts';
import { dayStart, ensureDayPartition } from './partitions.ts';

const HOUR_MS = 3_600_000;
/** Rows per INSERT. Each column travels as one array parameter, so the statement has 16 parameters whatever the size. */
const INSERT_CHUNK = 5000;

export interface IngestFlusherOptions {
  buffer: AnalyticsEventBuffer;
  db: Kysely<DB>;
  logger: Logger;
  /** A batch is written when this many events wait... */
  batchSize?: number;
  /** ...or when the oldest waiting event is this old. */
  maxWaitMs?: number;
  /** Most events one pass takes from the buffer. */
  maxTake?: number;
}

/**
 * Moves buffered player events into the raw table in batches (100 events or 1 s, whichever first) and
 * marks the (video, hour) slices they touch as dirty for the rollup job, in the same transaction, so a
 * rollup never misses an inserted event. Runs on the worker side; see AnalyticsEventBuffer.
 */
export class IngestFlusher {
  private readonly knownPartitions = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;
  private readonly batchSize: number;
  private readonly maxWaitMs: number;
  private readonly maxTake: number;

  constructor(private readonly options: IngestFlusherOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.maxTake = options.maxTake ?? 10_000;
  }

  start(pollMs = 200): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      try {
        const size = await this.options.buffer.size();
        if (size >= this.batchSize || (size > 0 && (await this.options.buffer.oldestAgeMs()) >= this.maxWaitMs))
          await this.flush();
      } catch (error) {
        this.options.logger.warn({ err: error }, 'analytics ingest flush failed; retrying');
      }
      if (!this.stopped) this.timer = setTimeout(() => void tick(), pollMs);
    };
    this.timer = setTimeout(() => void tick(), pollMs);
  }

  /** Writes everything waiting now (tests, shutdown); resolves with the number of events written. */
  flush(): Promise<number> {
    // One flush at a time per process: a second caller waits for the running one, then goes again.
    const next = (this.running ?? Promise.resolve(0)).catch(() => 0).then(() => this.drain());
    this.running = next;
    return next;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.flush().catch((error: unknown) =>
      this.options.logger.warn({ err: error }, 'final analytics flush failed'),
    );
  }

  private async drain(): Promise<number> {
    let written = 0;
    for (;;) {
      const events = await this.options.buffer.take(this.maxTake);
      if (events.length === 0) return written;
      try {
        await this.write(events);
      } catch (error) {
        // Put them back so a passing database outage loses nothing; they go in the next pass.
        await this.options.buffer.push(events);
        throw error;
      }
      written += events.length;
      if (events.length < this.maxTake) return written;
    }
  }

  private async write(events: BufferedEvent[]): Promise<void> {
    for (const day of new Set(events.map((event) => dayStart(event.occurredAt)))) {
      if (this.knownPartitions.has(day)) continue;
      await ensureDayPartition(this.options.db, day);
      this.knownPartitions.add(day);
    }
    const dirty = new Map<string, { video_id: string; hour: Date }>();
    for (const event of events) {
      const hour = Math.floor(event.occurredAt / HOUR_MS) * HOUR_MS;
      dirty.set(`${event.videoId}/${hour}`, { video_id: event.videoId, hour: new Date(hour) });
    }
    await this.options.db.transaction().execute(async (trx) => {
      for (let start = 0; start < events.length; start += INSERT_CHUNK) {
        await insertEvents(trx, events.slice(start, start + INSERT_CHUNK));
      }
      await trx
        .insertInto('analytics_dirty_hours')
        .values([...dirty.values()])
        .onConflict((conflict) => conflict.columns(['video_id', 'hour']).doNothing())
        .execute();
    });
  }
}

/**
 * One INSERT … SELECT FROM unnest(array per column): a 16-parameter statement instead of 16 per row,
 * which parses and plans in the same time for 10 rows or 5,000 (the multi-row VALUES form does not).
 */
async function insertEvents(trx: Transaction<DB>, events: BufferedEvent[]): Promise<void> {
  const column = <T>(pick: (event: BufferedEvent) => T) => sql.val(events.map(pick));
  await sql`insert into analytics_events (occurred_at, received_at, video_id, channel_id, session_id, viewer_id, type,
      position_seconds, seconds_played, from_seconds, duration_ms, rendition, referrer, device, browser, country)
    select * from unnest(
      ${column((event) => new Date(event.occurredAt).toISOString())}::timestamptz[],
      ${column((event) => new Date(event.receivedAt).toISOString())}::timestamptz[],
      ${column((event) => event.videoId)}::uuid[],
      ${column((event) => event.channelId)}::uuid[],
      ${column((event) => event.sessionId)}::text[],
      ${column((event) => event.viewerId)}::uuid[],
      ${column((event) => event.type)}::text[],
      ${column((event) => event.position)}::real[],
      ${column((event) => event.secondsPlayed)}::real[],
      ${column((event) => event.fromSeconds)}::real[],
      ${column((event) => event.durationMs)}::integer[],
      ${column((event) => event.rendition)}::text[],
      ${column((event) => event.referrer)}::text[],
      ${column((event) => event.device)}::text[],
      ${column((event) => event.browser)}::text[],
      ${column((event) => event.country)}::text[])`.execute(trx);
}
