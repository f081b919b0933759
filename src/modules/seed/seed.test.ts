import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { rebuildCommentCounts } from '../comments/comment-counts.ts';
import { rebuildLikeCounts } from '../likes/like-counts.ts';
import { rebuildSearchIndex } from '../search/search-index.ts';
import { channelStatsRepo } from '../subscriptions/channel-stats-repo.ts';
import { resolveSeedOptions, SEED_PASSWORD } from './options.ts';
import { SeedConflictError, seedCatalogue, type SeedReport } from './seed.ts';
import { deriveDiscovery } from './derive-discovery.ts';
import { AccessTokenSigner } from '../../platform/security/jwt.ts';

const OPTIONS = resolveSeedOptions({ users: 300, videos: 1000, seed: 7 });

for (const kind of testDatabaseKinds()) {
  describe(`streamhub seed on ${kind}`, () => {
    let t: TestApp;
    let report: SeedReport;
    before(async () => {
      t = await startTestApp(kind);
      report = await seedCatalogue({ database: t.platform.database, storage: t.platform.storage }, OPTIONS);
    });
    after(async () => {
      await t.close();
    });

    const db = () => t.platform.database.db;
    const count = async (table: string) =>
      Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db())).rows[0]!.n);

    test('writes the requested users and videos, with engagement in every table', async () => {
      assert.equal(report.outcome, 'created');
      assert.equal(await count('users'), 300);
      assert.equal(await count('videos'), 1000);
      for (const table of [
        'subscriptions',
        'likes',
        'watch_history',
        'comments',
        'video_daily_stats',
        'video_renditions',
      ]) {
        const rows = await count(table);
        assert.ok(rows > 0, `${table} has rows`);
        assert.equal(
          rows,
          report.tables.find((stats) => stats.table === table)?.inserted,
          `${table}: the report counts what was written`,
        );
      }
      const {
        rows: [mix],
      } = await sql<{
        channels: number;
        ready: number;
        public: number;
        private: number;
        replies: number;
        lastDay: number;
      }>`
        select (select count(*)::int from users where role = 'creator') as channels,
               (select count(*)::int from videos where status = 'ready') as ready,
               (select count(*)::int from videos where visibility = 'public') as public,
               (select count(*)::int from videos where visibility = 'private') as private,
               (select count(*)::int from comments where parent_id is not null) as replies,
               (select count(*)::int from likes where created_at > now() - interval '1 day') as "lastDay"`.execute(
        db(),
      );
      assert.equal(mix!.channels, 30);
      assert.equal(mix!.ready, 1000);
      assert.ok(mix!.public > 800 && mix!.private > 0, 'mostly public, some private');
      assert.ok(mix!.replies > 0, 'some comments are replies');
      assert.ok(mix!.lastDay > 0, 'likes in the last day, for trending');
    });

    test('every counter equals its rows: the rebuilds find nothing to correct', async () => {
      assert.equal(await rebuildLikeCounts(db(), t.services.counters), 0, 'like counts');
      assert.deepEqual(await rebuildCommentCounts(db()), { comments: 0, videos: 0 }, 'comment and reply counts');
      const stats = async () =>
        (
          await sql<{ user_id: string; subscriber_count: number; subscription_count: number }>`
        select user_id, subscriber_count, subscription_count from channel_stats order by user_id`.execute(db())
        ).rows;
      const before = await stats();
      await channelStatsRepo.rebuild(db());
      assert.deepEqual(await stats(), before, 'subscriber and subscription counts');
      const {
        rows: [views],
      } = await sql<{ wrong: number }>`
        select count(*)::int as wrong from videos v
        where v.view_count <> coalesce((select sum(views) from video_daily_stats d where d.video_id = v.id), 0)`.execute(
        db(),
      );
      assert.equal(views!.wrong, 0, 'view_count = sum of daily views');
      // The search projection the bulk load wrote is exactly what a rebuild (the trigger's definition) writes.
      const projection = async () =>
        (
          await sql`
        select s.video_id, s.document::text as document, s.searchable, s.published_at, s.category, s.duration_seconds,
               s.tags as video_tags, to_jsonb(t) as title_suggestion,
               (select array_agg(tag order by tag) from search_tags) as tags,
               (select array_agg(c.tag order by c.tag) from search_tag_videos c where c.video_id = s.video_id) as carried,
               (select count(*)::int from search_words) as words
        from video_search s left join title_suggestions t on t.video_id = s.video_id order by s.video_id`.execute(db())
        ).rows;
      const written = await projection();
      assert.equal(written.length, 1000, 'every video has a search row');
      await rebuildSearchIndex(db());
      assert.deepEqual(await projection(), written, 'search rows, tags, title words and autocomplete titles and tags');
    });

    test('the follower graph has a power-law shape', async () => {
      const { rows } = await sql<{ subscriber_count: number }>`
        select s.subscriber_count from channel_stats s join users u on u.id = s.user_id
        where u.role = 'creator' order by s.subscriber_count desc`.execute(db());
      const median = rows[Math.floor(rows.length / 2)]!.subscriber_count;
      assert.ok(rows[0]!.subscriber_count > 5 * median, `biggest ${rows[0]!.subscriber_count} vs median ${median}`);
      assert.ok(rows[0]!.subscriber_count >= 200, 'the biggest channel has most of the 300 users');
    });

    test('a re-run adds nothing; so does a run resuming an interrupted one; other options are refused', async () => {
      const again = await seedCatalogue({ database: t.platform.database, storage: t.platform.storage }, OPTIONS);
      assert.equal(again.outcome, 'complete');
      assert.equal(again.inserted, 0);
      // As if the first run had died before marking itself complete: every row is generated and offered again.
      await sql`update seed_runs set completed_at = null`.execute(db());
      // With the per-row foreign-key checks kept, for once.
      const resumed = await seedCatalogue(
        { database: t.platform.database, storage: t.platform.storage },
        OPTIONS,
        undefined,
        { foreignKeyChecks: 'always' },
      );
      assert.equal(resumed.outcome, 'resumed');
      assert.ok(
        resumed.tables.every((stats) => stats.offered > 0 && stats.inserted === 0),
        JSON.stringify(resumed.tables),
      );
      assert.equal(resumed.anchorAt.getTime(), report.anchorAt.getTime(), 'the same anchor, so the same rows');
      assert.equal(resumed.sampleCreated, false, 'the sample rendition is reused');
      await assert.rejects(
        seedCatalogue({ database: t.platform.database, storage: t.platform.storage }, { ...OPTIONS, videos: 2000 }),
        SeedConflictError,
      );
    });

    test('a seeded video plays: /media serves its master playlist, rendition playlists and segments', async () => {
      const {
        rows: [video],
      } = await sql<{ id: string }>`
        select id from videos where visibility = 'public' order by view_count desc limit 1`.execute(db());
      const detail = await t.app.inject({ method: 'GET', url: `/api/v1/videos/${video!.id}` });
      assert.equal(detail.statusCode, 200, detail.body);
      assert.match(json(detail).data.thumbnailUrl, new RegExp(`/media/videos/${video!.id}/poster\\.jpg$`));
      const base = `/media/videos/${video!.id}`;
      const master = await t.app.inject({ method: 'GET', url: `${base}/hls/master.m3u8` });
      assert.equal(master.statusCode, 200, master.body);
      const variants = master.body.split('\n').filter((line) => line.endsWith('.m3u8'));
      assert.ok(variants.length > 0, master.body);
      for (const variant of variants) {
        const playlist = await t.app.inject({ method: 'GET', url: `${base}/hls/${variant}` });
        assert.equal(playlist.statusCode, 200);
        const segments = playlist.body.split('\n').filter((line) => line && !line.startsWith('#'));
        assert.ok(segments.length >= 2, playlist.body);
        const folder = variant.split('/').slice(0, -1).join('/');
        for (const segment of segments) {
          const response = await t.app.inject({
            method: 'GET',
            url: `${base}/hls/${folder}/${segment}`,
            headers: { range: 'bytes=0-187' },
          });
          assert.equal(response.statusCode, 206, `${segment}: ${response.statusCode}`);
        }
      }
      const poster = await t.app.inject({ method: 'GET', url: `${base}/poster.jpg` });
      assert.equal(poster.statusCode, 200);
      assert.equal(poster.headers['content-type'], 'image/jpeg');
      const {
        rows: [hidden],
      } = await sql<{ id: string }>`select id from videos where visibility = 'private' limit 1`.execute(db());
      assert.equal(
        (await t.app.inject({ method: 'GET', url: `/media/videos/${hidden!.id}/hls/master.m3u8` })).statusCode,
        403,
      );
    });

    test('search finds seeded videos by a topic word; autocomplete knows channels and tags', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=recipe' });
      assert.equal(response.statusCode, 200, response.body);
      const body = json(response);
      assert.ok(body.meta.total > 0, 'recipes found');
      const ids: string[] = body.data.map((item: { id: string }) => item.id);
      const { rows } = await sql<{
        visibility: string;
      }>`select visibility from videos where id in (${sql.join(ids)})`.execute(db());
      assert.ok(rows.every((row) => row.visibility === 'public'));
      const typo = json(await t.app.inject({ method: 'GET', url: '/api/v1/search?q=tutorail' }));
      assert.ok(typo.meta.total > 0, 'a typo still finds tutorials');
      const suggestions = json(await t.app.inject({ method: 'GET', url: '/api/v1/search/autocomplete?q=cook' }));
      assert.ok(
        suggestions.data.some((item: { type: string }) => item.type === 'tag'),
        JSON.stringify(suggestions.data),
      );
    });

    test('trending, the subscriptions feed and the home page work on the seeded catalogue once derived', async () => {
      const derived = await deriveDiscovery(t.platform.database.db, t.services);
      assert.ok(derived.trendingBuckets > 0 && derived.feedEntries > 0, JSON.stringify(derived));
      for (const window of ['hour', 'day', 'week']) {
        const trending = json(await t.app.inject({ method: 'GET', url: `/api/v1/videos/trending?window=${window}` }));
        assert.ok(trending.data.length > 0, `${window} trending has videos`);
        assert.ok(trending.data.every((video: { visibility: string }) => video.visibility === 'public'));
      }
      const {
        rows: [follower],
      } = await sql<{ id: string }>`
        select s.subscriber_id as id from subscriptions s join videos v on v.creator_id = s.channel_id
        where v.status = 'ready' and v.visibility = 'public' and v.processed_at > now() - interval '7 days' limit 1`.execute(
        db(),
      );
      const token = (
        await new AccessTokenSigner(t.platform.jwtSecret, 600).sign({ userId: follower!.id, role: 'viewer' })
      ).token;
      const feed = json(
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/feed/subscriptions',
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      assert.ok(feed.data.length > 0, 'the follower has a feed');
      const home = json(
        await t.app.inject({ method: 'GET', url: '/api/v1/feed/home', headers: { authorization: `Bearer ${token}` } }),
      );
      assert.ok(home.data.some((item: { reason: string }) => item.reason === 'subscriptions'));
    });

    test('seeded users sign in with the documented password', async () => {
      const {
        rows: [user],
      } = await sql<{ email: string }>`select email from users order by id limit 1`.execute(db());
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user!.email, password: SEED_PASSWORD },
      });
      assert.equal(login.statusCode, 200, login.body);
    });
  });
}
