// What a search finds and how it comes back: stemming and ranking, prefixes, typos and corrections,
// phrases and exclusions, filters, sorts, pages and the MAX_RESULTS cap, hidden videos, result items and
// their escaped highlights, hostile and invalid parameters; and rebuilding the index from the videos.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { json } from '../../../test/support/app.ts';
import { rebuildSearchIndex } from './search-index.ts';
import { searchQuery } from './schemas.ts';
import { MAX_RESULTS } from './search-repo.ts';
import { describeSearch } from './search-test-support.ts';

describeSearch('search results', (kit) => {
  test('stemming, and a title match ranks above a tag match above a description match', async () => {
    const { video, ids } = kit();
    const inDescription = await video({ title: 'A walk in the park', description: 'we saw quokkas running around' });
    const inTitle = await video({ title: 'Quokkas running wild' });
    const inTags = await video({ title: 'Island animals', tags: ['quokka'] });
    assert.deepEqual(await ids('q=quokka'), [inTitle, inTags, inDescription]);
    assert.deepEqual(await ids('q=run%20quokka'), [inTitle, inDescription], '"run" finds "running"');
  });

  test('prefix on the last word, and typo tolerance through title trigrams', async () => {
    const { video, ids } = kit();
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
    const { video, ids } = kit();
    const ordered = await video({ title: 'Quick brown fennec' });
    const reversed = await video({ title: 'Brown quick fennec' });
    const lazy = await video({ title: 'Lazy fennec' });
    assert.deepEqual(await ids('q=%22quick%20brown%22%20fennec'), [ordered], 'a phrase gets no typo fallback either');
    assert.deepEqual(await ids('q=fennec%20-quick'), [lazy]);
    assert.deepEqual((await ids('q=fennec%20-%22quick%20brown%22')).sort(), [reversed, lazy].sort());
  });

  test('filters: category, duration buckets, upload date and tags', async () => {
    const { video, ids } = kit();
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
    const { video, ids } = kit();
    const old = await video({ title: 'Sortset old', tags: ['sortset'], views: 50, uploadedAgo: '10 days' });
    const fresh = await video({ title: 'Sortset fresh', tags: ['sortset'], views: 5, uploadedAgo: '1 hour' });
    const middle = await video({ title: 'Sortset middle', tags: ['sortset'], views: 500, uploadedAgo: '2 days' });
    assert.deepEqual(await ids('q=sortset&sort=-views'), [middle, old, fresh]);
    assert.deepEqual(await ids('q=sortset&sort=-uploaded_at'), [fresh, middle, old]);
  });

  test('pages carry the total and neither repeat nor skip', async () => {
    const { video, search } = kit();
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
    const { t, creator, search } = kit();
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

  test('the ids-only ranking (hybrid search) lists what the search lists, in its order', async () => {
    const { t, video, ids } = kit();
    for (let n = 0; n < 4; n += 1)
      await video({
        title: `Rankset lesson ${n}`,
        tags: ['rankset'],
        views: 10 * n,
        category: n % 2 ? 'music' : 'education',
      });
    await video({ title: 'Rankset outlier', description: 'rankset in the description only', views: 99 });
    for (const query of [
      'q=rankset',
      'q=rankset&sort=-views',
      'q=rankset&category=music',
      'q=ranksett',
      'q=rankset&limit=2&page=2',
    ]) {
      const params = searchQuery.parse(Object.fromEntries(new URLSearchParams(query)));
      assert.deepEqual(await t.services.search.rankedIds(params, false), await ids(query), query);
    }
  });

  test('a misspelt word is corrected to a word used in titles', async () => {
    const { video, search, ids } = kit();
    const id = await video({ title: 'Sourdough starter basics', description: 'flour and water' });
    assert.deepEqual(await ids('q=sourdoguh'), [id]);
    assert.deepEqual(await ids('q=sourdoguh%20startr'), [id], 'every unknown word is corrected');
    const body = await search('q=sourdoguh');
    assert.match(body.data[0].highlights.title, /<mark>Sourdough<\/mark>/, 'the highlight shows the corrected word');
  });

  test('private, unlisted, unprocessed and deleted videos are never found', async () => {
    const { t, video, ids } = kit();
    const visible = await video({ title: 'Hiddenword public' });
    await video({ title: 'Hiddenword private', visibility: 'private' });
    await video({ title: 'Hiddenword unlisted', visibility: 'unlisted' });
    await video({ title: 'Hiddenword processing', status: 'processing' });
    await video({ title: 'Hiddenword deleted', status: 'deleted' });
    assert.deepEqual(await ids('q=hiddenword'), [visible]);
    assert.deepEqual(await ids('q=hiddenwrod'), [visible], 'nor through the typo fallback');
    const completions = json(await t.app.inject({ method: 'GET', url: '/api/v1/search/autocomplete?q=hiddenw' })).data;
    assert.deepEqual(
      completions.map((s: { text: string }) => s.text),
      ['Hiddenword public'],
    );
  });

  test('result items: fields, and highlights that escape HTML around <mark>', async () => {
    const { t, creator, video, search } = kit();
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
    const { t } = kit();
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
    const { t } = kit();
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
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/search/autocomplete?q=${q}` })).statusCode, 400);
    }
  });

  test('rebuildSearchIndex recreates the projection from videos', async () => {
    const { t, video, ids } = kit();
    const id = await video({ title: 'Ocelot documentary', tags: ['ocelottag'] });
    await sql`delete from video_search`.execute(t.platform.database.db);
    await sql`delete from search_tags`.execute(t.platform.database.db);
    assert.deepEqual(await ids('q=ocelot'), []);
    const rebuilt = await rebuildSearchIndex(t.platform.database.db);
    assert.ok(rebuilt.documents > 10 && rebuilt.tags > 3);
    assert.deepEqual(await ids('q=ocelot'), [id]);
    const completions = json(await t.app.inject({ method: 'GET', url: '/api/v1/search/autocomplete?q=ocelott' })).data;
    assert.ok(completions.some((s: { type: string; text: string }) => s.type === 'tag' && s.text === 'ocelottag'));
  });
});
