import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { AnalyticsQueryService } from '../analytics/query-service.ts';
import { seedAnalytics } from './analytics-seed.ts';

const DAY_MS = 86_400_000;

for (const kind of testDatabaseKinds()) {
  describe(`streamhub seed --analytics on ${kind}`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(kind);
    });
    after(() => database.drop());

    test('raw events for the channel videos, rolled up: the dashboard totals equal the raw plays and watch time', async () => {
      const db = database.database.db;
      const seeded = await seedAnalytics(db, { videos: 4, days: 3, events: 600, channel: 'seeded_channel' });
      assert.equal(seeded.videoIds.length, 4);
      assert.ok(seeded.events > 300, `${seeded.events} events`);
      const { rows } = await sql<{
        plays: number;
        watch: number;
      }>`select count(*) filter (where type = 'play')::int as plays,
        coalesce(sum(seconds_played), 0)::float8 as watch from analytics_events where channel_id = ${seeded.channelId}`.execute(
        db,
      );
      const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
      const overview = await new AnalyticsQueryService({ db }).channelOverview(seeded.channelId, {
        from: new Date(today - 2 * DAY_MS),
        to: new Date(today + DAY_MS),
        granularity: 'day',
      });
      assert.equal(overview.totals.views, rows[0]!.plays);
      assert.equal(overview.totals.watchSeconds, Math.round(rows[0]!.watch));
      assert.equal(overview.topVideos.length, 4);
      // Seeding again tops up to the requested videos instead of duplicating them.
      const again = await seedAnalytics(db, { videos: 4, days: 1, events: 50, channel: 'seeded_channel' });
      assert.deepEqual(again.videoIds, seeded.videoIds);
    });
  });
}
