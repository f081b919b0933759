import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { AnalyticsQueryService } from './query-service.ts';
import { estimateViewers, SKETCH_REGISTERS, unionSketches } from './viewer-sketch.ts';

const DAY_MS = 86_400_000;

/**
 * Three days of a channel's viewers: day d has the viewers `v{offset + d * step}` … `v{offset + d * step + perDay - 1}`,
 * so consecutive days overlap by perDay - step. Channel-day rows are built as the rollup builds them.
 */
async function seedViewerDays(
  db: Kysely<DB>,
  perDay: number,
  step: number,
): Promise<{ channelId: string; firstDay: Date }> {
  const channelId = randomUUID();
  const firstDay = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS);
  for (let day = 0; day < 3; day += 1) {
    const date = new Date(firstDay.getTime() + day * DAY_MS).toISOString().slice(0, 10);
    await sql`insert into analytics_channel_viewers (channel_id, day, viewer_key)
      select ${channelId}::uuid, ${date}::date, 'v' || n from generate_series(${day * step}::int, ${day * step + perDay - 1}::int) as n`.execute(
      db,
    );
  }
  await sql`insert into analytics_channel_audience (channel_id, viewer_key, first_day)
    select channel_id, viewer_key, min(day) from analytics_channel_viewers where channel_id = ${channelId} group by 1, 2`.execute(
    db,
  );
  await sql`insert into analytics_channel_daily (channel_id, day, unique_viewers, new_viewers, viewer_sketch)
    select channel_id, day, count(*),
      (select count(*) from analytics_channel_audience a where a.channel_id = v.channel_id and a.first_day = v.day),
      analytics_viewer_sketch(channel_id, day)
    from analytics_channel_viewers v where channel_id = ${channelId} group by channel_id, day`.execute(db);
  return { channelId, firstDay };
}

describe('channel viewer sketches', () => {
  test('the union of sketches is the register-wise maximum; an empty sketch estimates 0', () => {
    const a = new Uint8Array(SKETCH_REGISTERS).fill(1);
    const b = new Uint8Array(SKETCH_REGISTERS);
    b[7] = 9;
    const union = unionSketches([a, b]);
    assert.equal(union[7], 9);
    assert.equal(union[8], 1);
    assert.equal(estimateViewers(new Uint8Array(SKETCH_REGISTERS)), 0);
    assert.throws(() => unionSketches([new Uint8Array(10)]), /10 registers/);
  });

  for (const kind of testDatabaseKinds()) {
    describe(kind, () => {
      let database: TestDatabase;
      let analytics: AnalyticsQueryService;
      before(async () => {
        database = await createTestDatabase(kind);
        analytics = new AnalyticsQueryService({ db: database.database.db });
      });
      after(() => database.drop());

      const overviewOf = (channelId: string, firstDay: Date) =>
        analytics.channelOverview(channelId, {
          from: firstDay,
          to: new Date(firstDay.getTime() + 3 * DAY_MS),
          granularity: 'day',
        });

      test('a big audience: unique viewers estimated within 5 % from the days sketches, new viewers exact', async () => {
        // 3 × 30,000 viewer-days, 70,000 distinct viewers: beyond the exact-count limit.
        const { channelId, firstDay } = await seedViewerDays(database.database.db, 30_000, 20_000);
        const overview = await overviewOf(channelId, firstDay);
        const unique = overview.viewers.new + overview.viewers.returning;
        assert.ok(Math.abs(unique - 70_000) / 70_000 < 0.05, `estimated ${unique} unique viewers for 70,000`);
        assert.equal(overview.viewers.new, 70_000, 'every viewer was first seen in the period');
        const oneDay = await analytics.channelOverview(channelId, {
          from: firstDay,
          to: new Date(firstDay.getTime() + DAY_MS),
          granularity: 'day',
        });
        assert.ok(Math.abs(oneDay.viewers.new + oneDay.viewers.returning - 30_000) / 30_000 < 0.05);
      });

      test('a small audience is counted exactly', async () => {
        const { channelId, firstDay } = await seedViewerDays(database.database.db, 150, 100);
        const overview = await overviewOf(channelId, firstDay);
        assert.deepEqual(overview.viewers, { new: 350, returning: 0 });
      });
    });
  }
});
