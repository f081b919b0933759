// What search offers as you type and what it learns from searches: autocomplete from titles, tags and
// channels as videos change, videos held for review leaving search and autocomplete, popular queries as
// suggestions and the admins' list of queries that found nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bearer, json } from '../../../test/support/app.ts';
import { adminToken, waitFor } from '../videos/video-test-support.ts';
import { describeSearch } from './search-test-support.ts';

describeSearch('search suggestions', (kit) => {
  test('autocomplete mixes titles, tags and channels', async () => {
    const { t, creator, video } = kit();
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
    const { t, video } = kit();
    const db = t.platform.database.db;
    const suggested = async (q: string, type: 'video' | 'tag') =>
      json(await t.app.inject({ method: 'GET', url: `/api/v1/search/autocomplete?q=${q}` }))
        .data.filter((s: { type: string }) => s.type === type)
        .map((s: { text: string }) => s.text);
    const first = await video({ title: 'Quillfeather one', tags: ['quilltag'], views: 5 });
    const second = await video({ title: 'Quillfeather two', views: 50 });
    assert.deepEqual(await suggested('quillf', 'video'), ['Quillfeather two', 'Quillfeather one'], 'most viewed first');
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
    const { t, creator, video, ids } = kit();
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
    const { t, creator, video, search } = kit();
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
    assert.ok(!suggestions.some((s) => s.query.startsWith('nothingmatches')), 'zero-result queries are not suggested');

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
});
