import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import {
  recomputeChannelDays,
  recomputeRetention,
  recomputeVideoSlices,
  recordChannelViewers,
  slicesOf,
} from './rollup-sql.ts';

const DAY_MS = 86_400_000;

export interface RollupResult {
  hours: number;
  days: number;
}

/**
 * The incremental rollup: takes the (video, hour) slices the ingest marked dirty and recomputes those
 * hours, their days, the days' retention histograms, channel viewers and channel days from the raw events. Claiming
 * and recomputing share one transaction: if anything fails the claims come back for the next run, and
 * `skip locked` lets two workers share the work without doing a slice twice. A transaction claims slices of
 * one UTC day only (the earliest dirty one): every day-level statement recomputes whole days, so a day split
 * over several transactions would be read again by each (a rebuild of 30 days would read each day ~12 times).
 */
export async function runAnalyticsRollup(db: Kysely<DB>, maxSlicesPerTransaction = 25_000): Promise<RollupResult> {
  const total: RollupResult = { hours: 0, days: 0 };
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ video_id: string; hour: Date }>`delete from analytics_dirty_hours d
        using (select video_id, hour from analytics_dirty_hours
          where hour < date_trunc('day', (select min(hour) from analytics_dirty_hours) at time zone 'UTC') at time zone 'UTC' + interval '1 day'
          order by hour limit ${maxSlicesPerTransaction} for update skip locked) c
        where d.video_id = c.video_id and d.hour = c.hour
        returning d.video_id, d.hour`.execute(trx);
      if (rows.length === 0) return { hours: 0, days: 0 };
      const hours = slicesOf(
        rows.map((row) => row.video_id),
        rows.map((row) => new Date(row.hour).toISOString()),
        'hour',
      );
      const dayKeys = new Map<string, [string, string]>();
      for (const row of rows) {
        const day = new Date(Math.floor(new Date(row.hour).getTime() / DAY_MS) * DAY_MS).toISOString();
        dayKeys.set(`${row.video_id}/${day}`, [row.video_id, day]);
      }
      const days = slicesOf(
        [...dayKeys.values()].map(([video]) => video),
        [...dayKeys.values()].map(([, day]) => day),
        'day',
      );
      await recomputeVideoSlices(trx, 'hour', hours);
      await recomputeVideoSlices(trx, 'day', days);
      await recomputeRetention(trx, days);
      await recordChannelViewers(trx, days);
      await recomputeChannelDays(trx, days);
      return { hours: rows.length, days: dayKeys.size };
    });
    total.hours += done.hours;
    total.days += done.days;
    if (done.hours === 0) return total;
  }
}

/**
 * `streamhub rebuild analytics`: forgets every rollup the raw events still cover and recomputes it from
 * them. Days older than the raw retention keep their rollups (their raw events are gone).
 */
export async function rebuildAnalytics(db: Kysely<DB>): Promise<RollupResult> {
  const oldest = await db
    .selectFrom('analytics_events')
    .select((eb) => eb.fn.min('occurred_at').as('oldest'))
    .executeTakeFirst();
  if (!oldest?.oldest) return { hours: 0, days: 0 };
  const since = new Date(Math.floor(new Date(oldest.oldest).getTime() / DAY_MS) * DAY_MS).toISOString();
  await db.transaction().execute(async (trx) => {
    await sql`delete from analytics_video_hourly where hour >= ${since}::timestamptz`.execute(trx);
    await sql`delete from analytics_video_daily where day >= (${since}::timestamptz at time zone 'UTC')::date`.execute(
      trx,
    );
    await sql`delete from analytics_retention_daily where day >= (${since}::timestamptz at time zone 'UTC')::date`.execute(
      trx,
    );
    await sql`delete from analytics_channel_daily where day >= (${since}::timestamptz at time zone 'UTC')::date`.execute(
      trx,
    );
    await sql`delete from analytics_channel_viewers where day >= (${since}::timestamptz at time zone 'UTC')::date`.execute(
      trx,
    );
    await sql`delete from analytics_channel_audience`.execute(trx);
    // Viewers of days before the raw window keep their first day.
    await sql`insert into analytics_channel_audience (channel_id, viewer_key, first_day)
      select channel_id, viewer_key, min(day) from analytics_channel_viewers group by channel_id, viewer_key`.execute(
      trx,
    );
    await sql`insert into analytics_dirty_hours (video_id, hour)
      select distinct video_id, date_trunc('hour', occurred_at at time zone 'UTC') at time zone 'UTC' from analytics_events
      on conflict do nothing`.execute(trx);
  });
  return runAnalyticsRollup(db);
}
