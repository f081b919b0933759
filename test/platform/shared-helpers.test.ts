import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { z } from 'zod';
import { isForeignKeyViolation, isUniqueViolation, PgErrorCode, sqlState } from '../../src/platform/db/pg-errors.ts';
import { AppError } from '../../src/platform/http/errors.ts';
import { createIdempotently, idempotentRequest } from '../../src/platform/idempotency/idempotency.ts';
import { cursorCodec, timePosition, toPage } from '../../src/platform/pagination/cursor.ts';
import { cursorPageQuery, limitParam } from '../../src/platform/pagination/page-query.ts';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../support/app.ts';
import { testDatabaseKinds } from '../support/databases.ts';

/** The helpers every module shares (docs/ARCHITECTURE.md, "Shared helpers"). */

describe('keyset cursor codec', () => {
  const codec = cursorCodec('things:newest', timePosition);
  const position = { at: new Date('2026-01-02T03:04:05.678Z'), id: '6f1c1f36-2a4e-4c55-9a57-6d1f0a4e7b21' };

  test('a cursor decodes to the position it was made from', () => {
    assert.deepEqual(codec.decode(codec.encode(position)), position);
    assert.equal(codec.decodeOptional(undefined), undefined);
  });

  test("garbage, a wrong shape and another list's cursor are each a 400 INVALID_CURSOR naming the field", () => {
    const other = cursorCodec('things:popular', timePosition).encode(position);
    const wrongShape = Buffer.from(JSON.stringify(['things:newest', { at: 'yesterday', id: 'x' }])).toString(
      'base64url',
    );
    for (const raw of ['%%%', 'bm9wZQ', wrongShape, other, '']) {
      assert.throws(
        () => codec.decode(raw),
        (error: unknown) =>
          error instanceof AppError &&
          error.statusCode === 400 &&
          error.code === 'INVALID_CURSOR' &&
          error.details?.[0]?.field === 'cursor',
        raw,
      );
    }
  });

  test('toPage cuts limit + 1 rows into a page and the next cursor, none on the last page', () => {
    const rows = [1, 2, 3].map((n) => ({ n, at: new Date(n * 1000), id: position.id }));
    const full = toPage(rows, 2, codec, (row) => ({ at: row.at, id: row.id }));
    assert.deepEqual(
      full.items.map((row) => row.n),
      [1, 2],
    );
    assert.deepEqual(codec.decode(full.nextCursor!), { at: new Date(2000), id: position.id });
    assert.equal(toPage(rows, 3, codec, (row) => ({ at: row.at, id: row.id })).nextCursor, null);
  });

  test('page/limit query: limits are capped and defaulted, cursors length-capped', () => {
    const query = cursorPageQuery();
    assert.deepEqual(query.parse({}), { limit: 20 });
    assert.equal(query.safeParse({ limit: '101' }).success, false);
    assert.equal(query.safeParse({ limit: '0' }).success, false);
    assert.equal(query.safeParse({ cursor: 'x'.repeat(501) }).success, false);
    assert.equal(z.object({ limit: limitParam({ max: 50, default: 10 }) }).parse({}).limit, 10);
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`shared helpers on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t.close();
    });

    test('PostgreSQL error predicates recognise the errors the driver really throws', async () => {
      const { db } = t.platform.database;
      await sql`create table helper_parents (id int primary key)`.execute(db);
      await sql`create table helper_children (id int constraint helper_children_pkey primary key, parent int references helper_parents(id))`.execute(
        db,
      );
      await sql`insert into helper_parents values (1)`.execute(db);
      await sql`insert into helper_children values (1, 1)`.execute(db);
      const duplicate = await sql`insert into helper_children values (1, 1)`
        .execute(db)
        .catch((error: unknown) => error);
      assert.equal(sqlState(duplicate), PgErrorCode.UNIQUE_VIOLATION);
      assert.ok(isUniqueViolation(duplicate));
      assert.ok(isUniqueViolation(duplicate, 'helper_children_pkey'));
      assert.ok(!isUniqueViolation(duplicate, 'some_other_index'));
      assert.ok(!isForeignKeyViolation(duplicate));
      const orphan = await sql`insert into helper_children values (2, 99)`.execute(db).catch((error: unknown) => error);
      assert.ok(isForeignKeyViolation(orphan));
      assert.ok(!isUniqueViolation(orphan));
      assert.equal(sqlState(new Error('not from the database')), undefined);
    });

    test('createIdempotently: concurrent requests with one key create once; another body is a 409; a gone resource frees the key', async () => {
      const { db } = t.platform.database;
      const user = await registerUser(t.app);
      await sql`create table helper_widgets (id uuid primary key, name text not null)`.execute(db);
      let creations = 0;
      const createWidget = (name: string, key = 'widget-key') =>
        createIdempotently(db, idempotentRequest('widgets.create', user.user.id, key, { name }), {
          create: async (trx, id) => {
            creations += 1;
            await sql`insert into helper_widgets (id, name) values (${id}, ${name})`.execute(trx);
            return { id, name };
          },
          load: async (id) =>
            (await sql<{ id: string; name: string }>`select id, name from helper_widgets where id = ${id}`.execute(db))
              .rows[0],
        });

      const results = await Promise.all([1, 2, 3, 4].map(() => createWidget('gear')));
      assert.equal(new Set(results.map((result) => result.value.id)).size, 1);
      assert.equal(results.filter((result) => !result.replayed).length, 1);
      const count = async () =>
        Number((await sql<{ n: number }>`select count(*)::int as n from helper_widgets`.execute(db)).rows[0]!.n);
      assert.equal(await count(), 1, 'losers of the race rolled their widget back');

      await assert.rejects(
        createWidget('sprocket'),
        (error: unknown) =>
          error instanceof AppError && error.statusCode === 409 && error.code === 'IDEMPOTENCY_KEY_REUSED',
      );
      assert.equal((await createWidget('gear', 'another-key')).replayed, false);

      await sql`delete from helper_widgets where id = ${results[0]!.value.id}`.execute(db);
      const again = await createWidget('gear');
      assert.equal(again.replayed, false, 'the key of a deleted resource is released');
      assert.notEqual(again.value.id, results[0]!.value.id);
      assert.ok(creations >= 3);
    });

    test('route auth: required, optional and admin routes answer 401/403 and document bearer security', async () => {
      const viewer = await registerUser(t.app);
      const noToken = await t.app.inject({ method: 'GET', url: '/api/v1/me/history' });
      assert.equal(noToken.statusCode, 401);
      assert.equal(json(noToken).error.code, 'UNAUTHORIZED');
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/v1/me/history', headers: bearer(viewer.accessToken) }))
          .statusCode,
        200,
      );
      // The check runs before the body is validated: no token, bad body is still a 401.
      const badBody = await t.app.inject({ method: 'POST', url: '/api/v1/playlists', payload: { title: '' } });
      assert.equal(badBody.statusCode, 401);
      const admin = await t.app.inject({
        method: 'GET',
        url: '/api/v1/admin/users',
        headers: bearer(viewer.accessToken),
      });
      assert.equal(admin.statusCode, 403);
      assert.equal(json(admin).error.code, 'FORBIDDEN');

      const paths = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json().paths;
      const bearerOnly = [{ bearerAuth: [] }];
      assert.deepEqual(paths['/api/v1/me/history'].get.security, bearerOnly);
      assert.deepEqual(paths['/api/v1/admin/users'].get.security, bearerOnly);
      assert.deepEqual(paths['/api/v1/playlists'].post.security, bearerOnly);
      assert.deepEqual(paths['/api/v1/videos/{id}'].get.security, [{}, { bearerAuth: [] }]);
      assert.deepEqual((paths['/api/v1/uploads/'] ?? paths['/api/v1/uploads']).post.security, bearerOnly);
    });
  });
}
