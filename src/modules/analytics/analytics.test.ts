import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { startWorkers } from '../../workers.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { createReadyVideo } from '../views/engagement-test-support.ts';
import { waitFor } from '../videos/video-test-support.ts';
import { DESKTOP_CHROME, drainAnalytics, IPHONE_SAFARI, sendBatch } from './analytics-test-support.ts';
import { dayStart, ensureDayPartition, listDayPartitions, maintainPartitions, partitionName } from './partitions.ts';
import { rebuildAnalytics } from './rollup.ts';

const DAY_MS = 86_400_000;
/** Where two long strings part, with some context (a whole-table diff would drown the output). */
function firstDifference(a: string, b: string): string {
  let index = 0;
  while (index < a.length && a[index] === b[index]) index += 1;
  return `rebuilt:     …${a.slice(Math.max(0, index - 200), index + 200)}\nincremental: …${b.slice(Math.max(0, index - 200), index + 200)}`;
}

const session = () => randomUUID().replaceAll('-', '');

for (const kind of testDatabaseKinds()) {
  describe(`analytics on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let t: TestApp;
    let creator: TestAccount;
    let otherCreator: TestAccount;
    let viewer: TestAccount;
    let admin: TestAccount;
    let videoId: string;
    before(async () => {
      t = await startTestApp(kind, { ANALYTICS_COUNTRY_HEADER: 'CF-IPCountry', ANALYTICS_BATCHES_PER_MINUTE: '12' });
      startWorkers(t.platform, t.services);
      [creator, otherCreator] = (await createAccounts(t, 2, 'creator')) as [TestAccount, TestAccount];
      [viewer] = (await createAccounts(t, 1)) as [TestAccount];
      [admin] = (await createAccounts(t, 1, 'admin')) as [TestAccount];
      videoId = await createReadyVideo(t, creator.token, { durationSeconds: 100 });
    });
    after(async () => {
      await t.close();
    });

    const now = () => Date.now();

    test('rollups match the raw events: views, viewers, watch time, sources, devices, startup, rebuffering, retention', async () => {
      const start = now() - 120_000;
      const s1 = session();
      // Session 1 (signed in, from search, desktop): watches 0–30 s, seeks to 70 s, watches to the end. Sent in two batches
      // with a rollup between them, so the second batch lands in a slice that was already rolled up.
      assert.equal(
        (
          await sendBatch(
            t,
            s1,
            videoId,
            [
              { type: 'play', at: start, position: 0, durationMs: 400, rendition: '720p' },
              { type: 'heartbeat', at: start + 30_000, from: 0, position: 30, secondsPlayed: 30, rendition: '720p' },
              { type: 'seek', at: start + 30_500, from: 30, position: 70 },
            ],
            { as: viewer, referrer: 'search' },
          )
        ).statusCode,
        202,
      );
      await drainAnalytics(t);
      assert.equal(
        (
          await sendBatch(
            t,
            s1,
            videoId,
            [
              { type: 'heartbeat', at: start + 61_000, from: 70, position: 100, secondsPlayed: 30 },
              { type: 'ended', at: start + 61_100, from: 100, position: 100, secondsPlayed: 0 },
            ],
            { as: viewer, referrer: 'search' },
          )
        ).statusCode,
        202,
      );
      // Session 2 (anonymous, from home, phone): stalls 2 s, watches half, pauses.
      assert.equal(
        (
          await sendBatch(
            t,
            session(),
            videoId,
            [
              { type: 'play', at: start, position: 0, durationMs: 1200 },
              { type: 'rebuffer', at: start + 5000, position: 4, durationMs: 2000 },
              { type: 'heartbeat', at: start + 52_000, from: 0, position: 50, secondsPlayed: 50 },
              { type: 'pause', at: start + 52_100, from: 50, position: 50, secondsPlayed: 0 },
            ],
            { referrer: 'home', userAgent: IPHONE_SAFARI },
          )
        ).statusCode,
        202,
      );
      // Session 3 (anonymous, from home, desktop): leaves after 10 s.
      assert.equal(
        (
          await sendBatch(
            t,
            session(),
            videoId,
            [
              { type: 'play', at: start, position: 0, durationMs: 800 },
              { type: 'heartbeat', at: start + 10_000, from: 0, position: 10, secondsPlayed: 10 },
            ],
            { referrer: 'home', userAgent: DESKTOP_CHROME },
          )
        ).statusCode,
        202,
      );
      await drainAnalytics(t);

      const from = new Date(now() - DAY_MS).toISOString();
      const overview = await call(t, 'GET', `/analytics/videos/${videoId}?from=${from}&granularity=hour`, creator);
      assert.equal(overview.statusCode, 200, overview.body);
      const { totals, series } = json(overview).data;
      assert.equal(totals.views, 3);
      assert.equal(totals.uniqueViewers, 3);
      assert.equal(totals.watchSeconds, 120);
      assert.equal(totals.averageViewSeconds, 40);
      assert.equal(totals.rebufferRatio, Number((2 / 122).toFixed(4)));
      assert.equal(
        series.reduce((sum: number, point: { views: number }) => sum + point.views, 0),
        3,
      );

      // The same totals straight from the raw table.
      const raw = await sql<{
        views: number;
        watch: number;
      }>`select count(distinct session_id) filter (where type = 'play')::int as views,
        sum(seconds_played)::float8 as watch from analytics_events where video_id = ${videoId}`.execute(
        t.platform.database.db,
      );
      assert.deepEqual(raw.rows[0], { views: 3, watch: 120 });
      const daily = await t.platform.database.db
        .selectFrom('analytics_video_daily')
        .selectAll()
        .where('video_id', '=', videoId)
        .execute();
      assert.equal(
        daily.reduce((sum, row) => sum + row.views, 0),
        3,
      );
      assert.equal(daily[0]!.startup_p50_ms, 800);
      assert.equal(daily[0]!.startup_p95_ms, 1160);

      const sources = json(await call(t, 'GET', `/analytics/videos/${videoId}/sources?from=${from}`, creator)).data;
      assert.deepEqual(
        sources.sources.map((row: { key: string; views: number }) => [row.key, row.views]),
        [
          ['home', 2],
          ['search', 1],
        ],
      );
      const devices = json(await call(t, 'GET', `/analytics/videos/${videoId}/devices?from=${from}`, creator)).data;
      assert.deepEqual(
        devices.devices.map((row: { key: string; views: number }) => [row.key, row.views]),
        [
          ['desktop', 2],
          ['mobile', 1],
        ],
      );

      const retention = json(await call(t, 'GET', `/analytics/videos/${videoId}/retention?from=${from}`, creator)).data;
      const at = (percent: number) => retention.curve[percent].retention;
      assert.equal(retention.views, 3);
      assert.equal(at(0), 100);
      assert.equal(at(20), 66.67); // sessions 1 and 2
      assert.equal(at(45), 33.33); // session 2 only
      assert.equal(at(60), 0); // session 1 skipped it
      assert.equal(at(80), 33.33); // session 1 after the seek
      assert.equal(at(99), 33.33);
    });

    test('rebuild from raw events equals the incremental rollups', async () => {
      const snapshot = async () => {
        const db = t.platform.database.db;
        const hourly =
          await sql`select video_id, hour, views, unique_viewers, watch_seconds, rebuffer_seconds, startup_p50_ms, startup_p95_ms, sources, devices, browsers, countries
          from analytics_video_hourly order by video_id, hour`.execute(db);
        const daily =
          await sql`select video_id, day::text, views, unique_viewers, watch_seconds, sources, devices from analytics_video_daily order by video_id, day`.execute(
            db,
          );
        const retention =
          await sql`select video_id, day::text, bucket, viewers from analytics_retention_daily order by video_id, day, bucket`.execute(
            db,
          );
        const viewers =
          await sql`select channel_id, day::text, viewer_key from analytics_channel_viewers order by 1, 2, 3`.execute(
            db,
          );
        const audience =
          await sql`select channel_id, viewer_key, first_day::text from analytics_channel_audience order by 1, 2`.execute(
            db,
          );
        const channelDays =
          await sql`select channel_id, day::text, views, unique_viewers, new_viewers, encode(viewer_sketch, 'hex') as sketch, watch_seconds,
            startup_p50_sum, percentile_views, sources, devices
          from analytics_channel_daily order by 1, 2`.execute(db);
        return JSON.stringify([hourly.rows, daily.rows, retention.rows, viewers.rows, audience.rows, channelDays.rows]);
      };
      const incremental = await snapshot();
      assert.ok(incremental.includes(videoId));
      assert.ok(incremental.includes(creator.id), 'channel days are part of it');
      const result = await rebuildAnalytics(t.platform.database.db);
      assert.ok(result.hours >= 1);
      const rebuilt = await snapshot();
      if (rebuilt !== incremental) assert.fail(`rebuild differs:\n${firstDifference(rebuilt, incremental)}`);
    });

    test('owner or admin only: other creators and viewers get 404, anonymous 401; CSV export', async () => {
      for (const path of ['', '/retention', '/sources', '/devices']) {
        assert.equal((await call(t, 'GET', `/analytics/videos/${videoId}${path}`, otherCreator)).statusCode, 404);
        assert.equal((await call(t, 'GET', `/analytics/videos/${videoId}${path}`, viewer)).statusCode, 404);
        assert.equal((await call(t, 'GET', `/analytics/videos/${videoId}${path}`)).statusCode, 401);
        assert.equal((await call(t, 'GET', `/analytics/videos/${videoId}${path}`, admin)).statusCode, 200);
      }
      assert.equal((await call(t, 'GET', `/analytics/channel?channelId=${creator.id}`, otherCreator)).statusCode, 404);
      assert.equal((await call(t, 'GET', `/analytics/channel?channelId=${creator.id}`, admin)).statusCode, 200);
      assert.equal((await call(t, 'GET', '/admin/analytics', creator)).statusCode, 403);
      assert.equal((await call(t, 'GET', `/analytics/videos/${videoId}?from=2026-13-45`, creator)).statusCode, 400);
      assert.equal(
        (await call(t, 'GET', `/analytics/videos/${videoId}?from=2020-01-01&to=2020-12-31&granularity=hour`, creator))
          .statusCode,
        400,
      );

      const csv = await t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/videos/${videoId}/retention`,
        headers: { authorization: `Bearer ${creator.token}`, accept: 'text/csv' },
      });
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      assert.equal(lines[0], 'percent,viewers,retention');
      assert.equal(lines.length, 101);
      assert.equal(lines[1], '0,3,100');
      const sourcesCsv = await t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/videos/${videoId}/sources`,
        headers: { authorization: `Bearer ${creator.token}`, accept: 'text/csv' },
      });
      assert.match(sourcesCsv.body, /^dimension,key,views,share\r\nsources,home,2,/);
    });

    test('channel overview: totals, change against the previous period, top videos, new vs returning, likes from events', async () => {
      assert.equal((await call(t, 'POST', `/videos/${videoId}/like`, viewer)).statusCode, 200);
      const from = new Date(now() - 7 * DAY_MS).toISOString();
      const overview = await waitFor(
        'the like to reach analytics',
        async () => {
          const data = json(await call(t, 'GET', `/analytics/channel?from=${from}`, creator)).data;
          return data.totals.likes === 1 ? data : undefined;
        },
        20_000,
      );
      assert.equal(overview.totals.views, 3);
      assert.equal(overview.totals.watchSeconds, 120);
      assert.equal(overview.previousTotals.views, 0);
      assert.equal(overview.change.views, null, 'no change ratio against an empty period');
      assert.equal(overview.topVideos[0].videoId, videoId);
      assert.equal(overview.topVideos[0].title, 'A test video');
      assert.equal(overview.viewers.new + overview.viewers.returning, 3);
      assert.equal(overview.series.length, 8, 'seven days back from now touch eight calendar days');
      assert.equal((await call(t, 'DELETE', `/videos/${videoId}/like`, viewer)).statusCode, 200);
      await waitFor(
        'the unlike to reach analytics',
        async () => {
          const data = json(await call(t, 'GET', `/analytics/channel?from=${from}`, creator)).data;
          return data.totals.likes === 0 ? true : undefined;
        },
        20_000,
      );
    });

    test('real time: views this minute and concurrent viewers from heartbeats, per channel', async () => {
      const [fresh] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      const video = await createReadyVideo(t, fresh.token, { durationSeconds: 60 });
      for (let n = 0; n < 2; n += 1) {
        assert.equal(
          (
            await sendBatch(t, session(), video, [
              { type: 'play', at: now(), position: 0 },
              { type: 'heartbeat', at: now(), from: 0, position: 5, secondsPlayed: 5 },
            ])
          ).statusCode,
          202,
        );
      }
      const ended = session();
      await sendBatch(t, ended, video, [{ type: 'play', at: now(), position: 0 }]);
      await sendBatch(t, ended, video, [{ type: 'ended', at: now(), from: 0, position: 60, secondsPlayed: 60 }]);
      const realtime = json(await call(t, 'GET', '/analytics/realtime', fresh)).data;
      assert.equal(realtime.concurrentViewers, 2);
      assert.equal(realtime.concurrentByVideo[0].videoId, video);
      assert.equal(realtime.perMinute.length, 60);
      assert.equal(realtime.perMinute.at(-1).views, 3);
      assert.equal(realtime.perMinute.at(-1).watchSeconds, 70);
      const elsewhere = json(await call(t, 'GET', '/analytics/realtime', creator)).data;
      assert.ok(
        !elsewhere.concurrentByVideo.some((entry: { videoId: string }) => entry.videoId === video),
        'another channel sees nothing of it',
      );
    });

    test('partitions: created ahead, old days dropped after the retention period', async () => {
      const db = t.platform.database.db;
      const old = dayStart(now() - 100 * DAY_MS);
      await ensureDayPartition(db, old);
      await sql`insert into analytics_events (occurred_at, video_id, channel_id, session_id, type, referrer, device, browser, country)
        values (${new Date(old + 3600_000)}, ${videoId}, ${creator.id}, 'old', 'play', 'direct', 'desktop', 'Chrome', 'unknown')`.execute(
        db,
      );
      const result = await maintainPartitions(db, 90);
      assert.deepEqual(result.dropped, [partitionName(old)]);
      const days = await listDayPartitions(db);
      for (let ahead = 0; ahead <= 3; ahead += 1)
        assert.ok(days.includes(dayStart(now()) + ahead * DAY_MS), `partition ${ahead} days ahead`);
      assert.ok(!days.includes(old));
      const left = await sql<{
        n: number;
      }>`select count(*)::int as n from analytics_events where session_id = 'old'`.execute(db);
      assert.equal(left.rows[0]!.n, 0);
      const again = await maintainPartitions(db, 90);
      assert.deepEqual(again, { created: [], dropped: [] }, 'idempotent');
    });

    test('platform analytics for admins: signups, uploads, views, watch hours, storage per user; CSV of storage', async () => {
      await sql`update videos set source_size_bytes = 5000000 where id = ${videoId}`.execute(t.platform.database.db);
      for (let upload = 0; upload < 2; upload++) await createReadyVideo(t, otherCreator.token, { durationSeconds: 30 });
      const response = await call(t, 'GET', '/admin/analytics', admin);
      assert.equal(response.statusCode, 200, response.body);
      const stats = json(response).data;
      assert.ok(stats.signups >= 4);
      assert.ok(stats.uploads >= 3);
      assert.ok(stats.views >= 3);
      assert.equal(stats.storage.perUser[0].userId, creator.id);
      // Videos made straight in the database have no stored outputs measured: all of it is source.
      assert.deepEqual(
        [stats.storage.perUser[0].sourceBytes, stats.storage.perUser[0].processedBytes, stats.storage.perUser[0].bytes],
        [5000000, 0, 5000000],
      );
      assert.ok(stats.storage.totalBytes >= 5000000);
      assert.equal(stats.storage.totalBytes, stats.storage.totalSourceBytes + stats.storage.totalProcessedBytes);
      const csv = await t.app.inject({
        method: 'GET',
        url: '/api/v1/admin/analytics',
        headers: { authorization: `Bearer ${admin.token}`, accept: 'text/csv' },
      });
      assert.match(csv.body, /^userId,username,videos,sourceBytes,processedBytes,bytes\r\n/);
    });
  });
}
