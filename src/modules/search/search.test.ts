import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { adminToken, createVideo, waitFor } from '../videos/video-test-support.ts';
import { rebuildSearchIndex } from './search-index.ts';
import { MAX_RESULTS } from './search-repo.ts';

interface VideoFields {
  title: string;
  description?: string;
  tags?: string[];
  category?: string;
  visibility?: 'public' | 'unlisted' | 'private';
  status?: 'ready' | 'processing' | 'deleted';
  duration?: number;
  views?: number;
  uploadedAgo?: string;
}

for (const kind of testDatabaseKinds()) {
  describe(`search on ${kind}`, () => {
    let t: TestApp;
    let creator: Awaited<ReturnType<typeof registerUser>>;
    before(async () => {
      t = await startTestApp(kind);
      creator = await registerUser(t.app, { role: 'creator', username: `zorbachannel_${kind}` });
    });
    after(async () => {
      await t.close();
    });

    /** Created through the API (so the trigger indexes it), then made ready and given its numbers in the database. */
    async function video(fields: VideoFields): Promise<string> {
      const { id } = await createVideo(t, creator.accessToken, {
        title: fields.title,
        description: fields.description ?? '',
        tags: fields.tags ?? [],
        category: fields.category ?? 'other',
        visibility: fields.visibility ?? 'public',
      });
      await sql`update videos set status = ${fields.status ?? 'ready'}, duration_seconds = ${fields.duration ?? 60},
        view_count = ${fields.views ?? 0}, uploaded_at = now() - ${fields.uploadedAgo ?? '1 minute'}::interval
        where id = ${id}`.execute(t.platform.database.db);
      return id;
    }

    const search = async (query: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/search?${query}` });
      assert.equal(response.statusCode, 200, response.body);
      return json(response);
    };
    const ids = async (query: string) => (await search(query)).data.map((item: { id: string }) => item.id);

    test('stemming, and a title match ranks above a tag match above a description match', async () => {
      const inDescription = await video({ title: 'A walk in the park', description: 'we saw quokkas running around' });
      const inTitle = await video({ title: 'Quokkas running wild' });
      const inTags = await video({ title: 'Island animals', tags: ['quokka'] });
      assert.deepEqual(await ids('q=quokka'), [inTitle, inTags, inDescription]);
      assert.deepEqual(await ids('q=run%20quokka'), [inTitle, inDescription], '"run" finds "running"');
    });

    test('prefix on the last word, and typo tolerance through title trigrams', async () => {
      const id = await video({ title: 'Transcoding pipelines explained', description: 'ffmpeg ladders' });
      assert.deepEqual(await ids('q=transc'), [id]);
      assert.deepEqual(await ids('q=pipelines%20transc'), [id]);
      assert.deepEqual(await ids('q=transcodnig'), [id], 'a swapped-letters typo still finds the title');
      assert.deepEqual(
        await ids('q=transc%20pipelines'),
        [id],
        'only the last word is a prefix, the first one was whole',
      );
      assert.deepEqual(await ids('q=transc%20pipeline'), [id]);
    });

    test('"quoted phrases" keep word order and -words exclude', async () => {
      const ordered = await video({ title: 'Quick brown fennec' });
      const reversed = await video({ title: 'Brown quick fennec' });
      const lazy = await video({ title: 'Lazy fennec' });
      assert.deepEqual(await ids('q=%22quick%20brown%22%20fennec'), [ordered], 'a phrase gets no typo fallback either');
      assert.deepEqual(await ids('q=fennec%20-quick'), [lazy]);
      assert.deepEqual((await ids('q=fennec%20-%22quick%20brown%22')).sort(), [reversed, lazy].sort());
    });

    test('filters: category, duration buckets, upload date and tags', async () => {
      const short = await video({
        title: 'Filterset short',
        tags: ['filterset'],
        category: 'music',
        duration: 239,
        uploadedAgo: '30 minutes',
      });
      const medium = await video({
        title: 'Filterset medium',
        tags: ['filterset', 'extra'],
        category: 'music',
        duration: 600,
        uploadedAgo: '3 days',
      });
      const long = await video({
        title: 'Filterset long',
        tags: ['filterset'],
        category: 'gaming',
        duration: 1201,
        uploadedAgo: '2 months',
      });
      const sorted = (list: string[]) => [...list].sort();
      assert.deepEqual(sorted(await ids('tags=filterset')), sorted([short, medium, long]));
      assert.deepEqual(sorted(await ids('tags=filterset&category=music')), sorted([short, medium]));
      assert.deepEqual(await ids('tags=filterset&duration=short'), [short]);
      assert.deepEqual(await ids('tags=filterset&duration=medium'), [medium]);
      assert.deepEqual(await ids('tags=filterset&duration=long'), [long]);
      assert.deepEqual(await ids('tags=filterset&uploaded=hour'), [short]);
      assert.deepEqual(sorted(await ids('tags=filterset&uploaded=week')), sorted([short, medium]));
      assert.deepEqual(sorted(await ids('tags=filterset&uploaded=year')), sorted([short, medium, long]));
      assert.deepEqual(await ids('tags=FilterSet,%20extra'), [medium], 'every tag must be present, case-insensitively');
      assert.deepEqual(await ids('q=filterset&category=gaming'), [long]);
    });

    test('sorts by views and by upload date', async () => {
      const old = await video({ title: 'Sortset old', tags: ['sortset'], views: 50, uploadedAgo: '10 days' });
      const fresh = await video({ title: 'Sortset fresh', tags: ['sortset'], views: 5, uploadedAgo: '1 hour' });
      const middle = await video({ title: 'Sortset middle', tags: ['sortset'], views: 500, uploadedAgo: '2 days' });
      assert.deepEqual(await ids('q=sortset&sort=-views'), [middle, old, fresh]);
      assert.deepEqual(await ids('q=sortset&sort=-uploaded_at'), [fresh, middle, old]);
    });

    test('pages carry the total and neither repeat nor skip', async () => {
      const created = new Set<string>();
      for (let n = 0; n < 5; n += 1)
        created.add(await video({ title: `Pageset part ${n}`, tags: ['pageset'], views: n }));
      const seen: string[] = [];
      for (const page of [1, 2, 3]) {
        const body = await search(`q=pageset&sort=-views&limit=2&page=${page}`);
        assert.deepEqual(body.meta, { total: 5, page, limit: 2 });
        seen.push(...body.data.map((item: { id: string }) => item.id));
      }
      assert.equal(seen.length, 5);
      assert.deepEqual(new Set(seen), created);
      const beyond = await search('q=pageset&limit=2&page=4');
      assert.deepEqual(beyond.data, []);
      assert.equal(beyond.meta.total, 5);
    });

    test('a search pages through at most MAX_RESULTS matches, newest first among equals', async () => {
      await sql`insert into videos (creator_id, title, status, visibility, duration_seconds, view_count, uploaded_at)
        select ${creator.user.id}, 'Capybara diary ' || n, 'ready', 'public', 60, n, now() - n * interval '1 minute'
        from generate_series(1, ${MAX_RESULTS + 5}) as n`.execute(t.platform.database.db);
      for (const sort of ['relevance', '-views', '-uploaded_at']) {
        const body = await search(`q=capybara&sort=${sort}&limit=100&page=10`);
        assert.equal(body.meta.total, MAX_RESULTS, sort);
        assert.equal(body.data.length, 100, sort);
      }
      const newest = await search('q=capybara&limit=1');
      assert.equal(newest.data[0].title, 'Capybara diary 1', 'equal relevance: the newest first');
      const mostViewed = await search('q=capybara&sort=-views&limit=1');
      assert.equal(
        mostViewed.data[0].title,
        `Capybara diary ${MAX_RESULTS + 5}`,
        '-views: the most viewed of all matches',
      );
      const beyond = await search('q=capybara&limit=100&page=11');
      assert.deepEqual(beyond.data, []);
      assert.equal(beyond.meta.total, MAX_RESULTS);
    });

    test('a misspelt word is corrected to a word used in titles', async () => {
      const id = await video({ title: 'Sourdough starter basics', description: 'flour and water' });
      assert.deepEqual(await ids('q=sourdoguh'), [id]);
      assert.deepEqual(await ids('q=sourdoguh%20startr'), [id], 'every unknown word is corrected');
      const body = await search('q=sourdoguh');
      assert.match(body.data[0].highlights.title, /<mark>Sourdough<\/mark>/, 'the highlight shows the corrected word');
    });

    test('private, unlisted, unprocessed and deleted videos are never found', async () => {
      const visible = await video({ title: 'Hiddenword public' });
      await video({ title: 'Hiddenword private', visibility: 'private' });
      await video({ title: 'Hiddenword unlisted', visibility: 'unlisted' });
      await video({ title: 'Hiddenword processing', status: 'processing' });
      await video({ title: 'Hiddenword deleted', status: 'deleted' });
      assert.deepEqual(await ids('q=hiddenword'), [visible]);
      assert.deepEqual(await ids('q=hiddenwrod'), [visible], 'nor through the typo fallback');
      const completions = json(
        await t.app.inject({ method: 'GET', url: '/api/v1/search/autocomplete?q=hiddenw' }),
      ).data;
      assert.deepEqual(
        completions.map((s: { text: string }) => s.text),
        ['Hiddenword public'],
      );
    });

    test('result items: fields, and highlights that escape HTML around <mark>', async () => {
      const id = await video({
        title: '<script>alert(1)</script> xssword',
        description: '<b>bold</b> & "quoted" xssword text',
        tags: ['xss'],
        category: 'howto',
        duration: 90,
        views: 7,
      });
      await sql`update videos set thumbnail_key = ${`videos/${id}/poster.jpg`} where id = ${id}`.execute(
        t.platform.database.db,
      );
      const [item] = (await search('q=xssword')).data;
      assert.equal(item.id, id);
      assert.equal(item.title, '<script>alert(1)</script> xssword', 'the plain title is data, not HTML');
      assert.equal(item.highlights.title, '&lt;script&gt;alert(1)&lt;/script&gt; <mark>xssword</mark>');
      assert.match(item.highlights.description, /&lt;\/b&gt; &amp; &quot;quoted&quot; <mark>xssword<\/mark> text$/);
      assert.doesNotMatch(item.highlights.description, /<(?!\/?mark>)/, 'no markup but <mark>');
      assert.match(item.thumbnailUrl, new RegExp(`/media/videos/${id}/poster\\.jpg$`));
      assert.deepEqual(
        {
          tags: item.tags,
          category: item.category,
          duration: item.duration,
          views: item.views,
          likes: item.likes,
          creator: item.creator,
        },
        {
          tags: ['xss'],
          category: 'howto',
          duration: 90,
          views: 7,
          likes: 0,
          creator: { id: creator.user.id, username: creator.user.username },
        },
      );
      assert.ok(!Number.isNaN(Date.parse(item.uploadedAt)));
    });

    test('tsquery and SQL syntax in the query is harmless', async () => {
      for (const q of [
        "'",
        "'&|!:*()",
        'a:* | b',
        '!!!',
        '<->',
        "'); drop table videos; --",
        '"',
        '-',
        '\\',
        'the',
        '%_',
        '日本語',
      ]) {
        const response = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` });
        assert.equal(response.statusCode, 200, `${q}: ${response.body}`);
      }
      const autocomplete = await t.app.inject({
        method: 'GET',
        url: `/api/v1/search/autocomplete?q=${encodeURIComponent("%_'\\")}`,
      });
      assert.equal(autocomplete.statusCode, 200);
      assert.deepEqual(json(autocomplete).data, [], 'LIKE wildcards match literally');
    });

    test('bad parameters are precise 400s', async () => {
      for (const query of [
        'duration=tiny',
        'uploaded=decade',
        'sort=views',
        'page=0',
        'page=101',
        'limit=0',
        'limit=101',
        'category=nope',
        `q=${'x'.repeat(201)}`,
      ]) {
        const response = await t.app.inject({ method: 'GET', url: `/api/v1/search?${query}` });
        assert.equal(response.statusCode, 400, query);
        assert.equal(json(response).error.code, 'VALIDATION_ERROR');
      }
      for (const q of ['', '%20', 'x'.repeat(101)]) {
        assert.equal(
          (await t.app.inject({ method: 'GET', url: `/api/v1/search/autocomplete?q=${q}` })).statusCode,
          400,
        );
      }
    });

    test('autocomplete mixes titles, tags and channels', async () => {
      await video({ title: 'Zorba dance lesson', tags: ['zorbatag'], views: 3 });
      await video({ title: 'Zorbas greek kitchen', views: 10 });
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/search/autocomplete?q=Zorb' });
      const suggestions = json(response).data as { type: string; text: string; id: string | null }[];
      assert.deepEqual(
        suggestions.map((s) => [s.type, s.text]),
        [
          ['video', 'Zorbas greek kitchen'],
          ['tag', 'zorbatag'],
          ['channel', creator.user.username],
          ['video', 'Zorba dance lesson'],
        ],
      );
      assert.equal(suggestions.find((s) => s.type === 'channel')?.id, creator.user.id);
      assert.ok(suggestions.length <= 10);
      const typo = json(await t.app.inject({ method: 'GET', url: '/api/v1/search/autocomplete?q=zorbass' })).data;
      assert.ok(
        typo.some((s: { text: string }) => s.text === 'Zorbas greek kitchen'),
        'titles resembling q follow the prefix matches',
      );
    });

    test('autocomplete titles and tags follow views, renames, tag edits and visibility', async () => {
      const db = t.platform.database.db;
      const suggested = async (q: string, type: 'video' | 'tag') =>
        json(await t.app.inject({ method: 'GET', url: `/api/v1/search/autocomplete?q=${q}` }))
          .data.filter((s: { type: string }) => s.type === type)
          .map((s: { text: string }) => s.text);
      const first = await video({ title: 'Quillfeather one', tags: ['quilltag'], views: 5 });
      const second = await video({ title: 'Quillfeather two', views: 50 });
      assert.deepEqual(
        await suggested('quillf', 'video'),
        ['Quillfeather two', 'Quillfeather one'],
        'most viewed first',
      );
      assert.deepEqual(await suggested('quillt', 'tag'), ['quilltag']);
      await sql`update videos set view_count = 500 where id = ${first}`.execute(db);
      assert.deepEqual(
        await suggested('quillf', 'video'),
        ['Quillfeather one', 'Quillfeather two'],
        'after the views flush',
      );
      await sql`update videos set title = 'Otter parade' where id = ${second}`.execute(db);
      assert.deepEqual(await suggested('quillf', 'video'), ['Quillfeather one'], 'renamed away');
      assert.deepEqual(await suggested('otter%20pa', 'video'), ['Otter parade'], 'renamed to');
      await sql`update videos set visibility = 'private' where id = ${first}`.execute(db);
      assert.deepEqual(await suggested('quillf', 'video'), [], 'made private');
      assert.deepEqual(await suggested('quillt', 'tag'), [], 'no public video carries the tag any more');
      await sql`update videos set visibility = 'public' where id = ${first}`.execute(db);
      assert.deepEqual(await suggested('quillf', 'video'), ['Quillfeather one'], 'public again');
      assert.deepEqual(await suggested('quillt', 'tag'), ['quilltag']);
      await sql`update videos set tags = '{}' where id = ${first}`.execute(db);
      assert.deepEqual(await suggested('quillt', 'tag'), [], 'tag removed');
      await sql`update videos set tags = '{quilltag}' where id = ${second}`.execute(db);
      assert.deepEqual(await suggested('quillt', 'tag'), ['quilltag'], 'tag added to another video');
      await sql`delete from videos where id in (${first}, ${second})`.execute(db);
      assert.deepEqual(await suggested('quillf', 'video'), [], 'purged');
      assert.deepEqual(await suggested('quillt', 'tag'), []);
    });

    test('a video held for review, for its metadata or for its pictures, leaves search and autocomplete', async () => {
      const db = t.platform.database.db;
      const byText = await video({ title: 'Heldcheck metadata', tags: ['heldonlytag'] });
      const byPicture = await video({ title: 'Heldcheck picture' });
      const free = await video({ title: 'Heldcheck free' });
      for (const [subjectType, id] of [
        ['video', byText],
        ['video_image', byPicture],
      ] as const) {
        await sql`insert into moderation_cases (subject_type, subject_id, owner_id, content_hash, scores, top_category,
            top_score, model_name, model_version, status, held, queued_at)
          values (${subjectType}, ${id}, ${creator.user.id}, 'hash', '{}', 'spam', 0.95, 'test', '1', 'pending', true, now())`.execute(
          db,
        );
      }
      // A case that does not hold (cleared): the video stays findable.
      await sql`insert into moderation_cases (subject_type, subject_id, owner_id, content_hash, scores, top_category,
          top_score, model_name, model_version, status, held)
        values ('video', ${free}, ${creator.user.id}, 'hash', '{}', 'spam', 0.1, 'test', '1', 'clear', false)`.execute(
        db,
      );
      const completions = async () =>
        json(await t.app.inject({ method: 'GET', url: '/api/v1/search/autocomplete?q=heldcheck' })).data.map(
          (s: { text: string }) => s.text,
        );
      assert.deepEqual(await ids('q=heldcheck'), [free]);
      assert.deepEqual(await ids('q=heldcheck&sort=-views'), [free], 'sorted by views too');
      assert.deepEqual(await completions(), ['Heldcheck free']);
      const tagCompletions = async () =>
        json(await t.app.inject({ method: 'GET', url: '/api/v1/search/autocomplete?q=heldonly' })).data.map(
          (s: { text: string }) => s.text,
        );
      assert.deepEqual(await tagCompletions(), [], 'a tag only a held video carries');
      await sql`update moderation_cases set held = false where subject_id in (${byText}, ${byPicture})`.execute(db);
      assert.deepEqual((await ids('q=heldcheck')).sort(), [byText, byPicture, free].sort());
      assert.equal((await completions()).length, 3);
      assert.deepEqual(await tagCompletions(), ['heldonlytag']);
    });

    test('suggestions are popular queries; admins see the queries that found nothing', async () => {
      await video({ title: 'Kestrel hunting' });
      for (let n = 0; n < 3; n += 1) await search('q=Kestrel');
      await search('q=kestrel&page=2');
      await search('q=nothingmatcheszz');
      await search('q=nothingmatchesyy');

      const suggestions = await waitFor(
        'logged queries',
        async () => {
          const data = json(await t.app.inject({ method: 'GET', url: '/api/v1/search/suggestions' })).data as {
            query: string;
            searches: number;
          }[];
          return data.find((s) => s.query === 'kestrel')?.searches === 3 ? data : undefined;
        },
        5000,
        50,
      );
      assert.ok(
        !suggestions.some((s) => s.query.startsWith('nothingmatches')),
        'zero-result queries are not suggested',
      );

      const admin = await adminToken(t);
      const zero = async (query: string) =>
        t.app.inject({ method: 'GET', url: `/api/v1/admin/search/zero-results?${query}`, headers: bearer(admin) });
      const first = await waitFor(
        'zero-result log',
        async () => {
          const body = json(await zero('limit=1'));
          return body.meta.nextCursor ? body : undefined;
        },
        5000,
        50,
      );
      const second = json(await zero(`limit=1&cursor=${first.meta.nextCursor}`));
      const listed = [...first.data, ...second.data].map((row: { query: string; searches: number }) => row.query);
      assert.deepEqual(listed.sort(), ['nothingmatchesyy', 'nothingmatcheszz']);
      assert.ok(!listed.includes('kestrel'));

      assert.equal((await zero('cursor=not-a-cursor')).statusCode, 400);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/admin/search/zero-results' })).statusCode, 401);
      assert.equal(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/admin/search/zero-results',
            headers: bearer(creator.accessToken),
          })
        ).statusCode,
        403,
      );
    });

    test('rebuildSearchIndex recreates the projection from videos', async () => {
      const id = await video({ title: 'Ocelot documentary', tags: ['ocelottag'] });
      await sql`delete from video_search`.execute(t.platform.database.db);
      await sql`delete from search_tags`.execute(t.platform.database.db);
      assert.deepEqual(await ids('q=ocelot'), []);
      const rebuilt = await rebuildSearchIndex(t.platform.database.db);
      assert.ok(rebuilt.documents > 10 && rebuilt.tags > 3);
      assert.deepEqual(await ids('q=ocelot'), [id]);
      const completions = json(
        await t.app.inject({ method: 'GET', url: '/api/v1/search/autocomplete?q=ocelott' }),
      ).data;
      assert.ok(completions.some((s: { type: string; text: string }) => s.type === 'tag' && s.text === 'ocelottag'));
    });
  });
}
