import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { openDatabase, type Database } from './database.ts';
import { namedStatement, statementName } from './named-statements.ts';

const answer = (database: Database, n: number) =>
  sql<{ n: number }>`${namedStatement('test.answer')} select ${n}::int + 1 as n`.execute(database.db);

/** The statements prepared on the connection that runs this (a pool of one: the same connection). */
const prepared = async (database: Database) =>
  (
    await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(
      database.db,
    )
  ).rows;

/** Compiles without a database, to read the SQL text a statement sends. */
const compileOnly = new Kysely<Record<string, never>>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

test('a mark carries a checked name, and only a leading mark names a statement', () => {
  const text = sql`${namedStatement('likes.toggle.like')} select ${1}`.compile(compileOnly).sql;
  assert.equal(statementName(text), 'likes.toggle.like');
  assert.equal(statementName('select 1 /* statement x */'), undefined);
  assert.equal(statementName('/* statement  */ select 1'), undefined);
  assert.equal(statementName('select 1'), undefined);
  for (const bad of ['', 'Upper', '1st', 'with space', 'a*/b', 'x'.repeat(64)]) {
    assert.throws(() => namedStatement(bad), /invalid statement name/);
  }
});

for (const kind of testDatabaseKinds()) {
  describe(`named statements on ${kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
    });
    after(async () => {
      await t.drop();
    });

    test('a marked statement answers like the unmarked one, call after call', async () => {
      for (const n of [1, 2, 41]) assert.deepEqual((await answer(t.database, n)).rows, [{ n: n + 1 }]);
    });

    if (kind === 'postgres') {
      test('PostgreSQL prepares a marked statement once per connection; unmarked ones stay unnamed', async () => {
        const one = await openDatabase({ url: t.url, poolSize: 1 });
        try {
          assert.deepEqual(await prepared(one), []);
          await sql`select 1`.execute(one.db);
          assert.deepEqual(await prepared(one), [], 'an unmarked statement is not prepared');
          for (const n of [1, 2, 3]) assert.deepEqual((await answer(one, n)).rows, [{ n: n + 1 }]);
          const statements = await prepared(one);
          assert.deepEqual(
            statements.map((row) => row.name),
            ['test.answer'],
          );
          assert.match(statements[0]!.statement, /^\/\* statement test\.answer \*\/\s+select \$1::int \+ 1 as n$/);
        } finally {
          await one.close();
        }
      });

      test("a marked statement that fails rejects with PostgreSQL's error, traced to its caller; the connection goes on", async () => {
        const one = await openDatabase({ url: t.url, poolSize: 1 });
        try {
          const divide = (n: number) => sql`${namedStatement('test.divide')} select 1 / ${n}::int as q`.execute(one.db);
          const error = await divide(0).then(
            () => assert.fail('division by zero answered'),
            (failure: Error & { code?: string }) => failure,
          );
          assert.equal(error.code, '22012');
          assert.match(String(error.stack), /named-statements\.test\.ts/);
          assert.deepEqual((await divide(2)).rows, [{ q: 0 }]);
          assert.deepEqual((await answer(one, 1)).rows, [{ n: 2 }]);
        } finally {
          await one.close();
        }
      });

      test('with naming off (behind a transaction-mode pooler) the mark is only a comment', async () => {
        const one = await openDatabase({ url: t.url, poolSize: 1, namedStatements: false });
        try {
          for (const n of [1, 2]) assert.deepEqual((await answer(one, n)).rows, [{ n: n + 1 }]);
          assert.deepEqual(await prepared(one), []);
        } finally {
          await one.close();
        }
      });
    }
  });
}
