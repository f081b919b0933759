import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { sql } from 'kysely';
import { DayPartitions, dayStart } from '../db/day-partitions.ts';
import { migrate, readMigrations } from '../db/migrate.ts';
import { OpsLogSink } from './log-sink.ts';
import { searchLogs } from './ops-status.ts';

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 30, time: Date.now(), service: 'streamhub', ...fields });

for (const kind of testDatabaseKinds()) {
  describe(`ops log ring on ${kind}`, () => {
    let testDatabase: TestDatabase;
    before(async () => {
      testDatabase = await createTestDatabase(kind);
    });
    after(() => testDatabase.drop());

    test('keeps the newest rows and finds them by level, request id, route, text and time', async () => {
      const db = testDatabase.database.db;
      const sink = new OpsLogSink();
      sink.attach(db, { processId: 'host:1', maxRows: 100, flushMs: 60_000 });
      for (let i = 0; i < 250; i++) sink.write(line({ msg: `request completed ${i}`, reqId: `req-${i}` }));
      sink.write(line({ level: 40, msg: 'slow read', reqId: 'req-r', method: 'GET', route: '/api/v1/videos/:id' }));
      sink.write(line({ level: 50, msg: 'transcode failed', err: { message: 'ffmpeg exited 1' }, reqId: 'req-x' }));
      sink.write('not json');
      await sink.detach();

      const rows = await db.selectFrom('ops_logs').select(['message']).orderBy('id').execute();
      assert.equal(rows.length, 100, 'pruned to the newest 100');
      assert.equal(rows.at(-1)!.message, 'transcode failed');
      assert.equal(rows[0]!.message, 'request completed 152');
      assert.equal(sink.dropped, 1);

      assert.deepEqual(
        (await searchLogs(db, { requestId: 'req-200', limit: 10 })).map((row) => row.message),
        ['request completed 200'],
      );
      // A request's line is found by its route pattern; lines of no request have no route.
      assert.deepEqual(
        (await searchLogs(db, { route: '/api/v1/videos/:id', limit: 10 })).map((row) => [row.message, row.method]),
        [['slow read', 'GET']],
      );
      assert.equal((await searchLogs(db, { route: '/api/v1/videos', limit: 10 })).length, 0);
      const errors = await searchLogs(db, { level: 50, limit: 10 });
      assert.deepEqual(
        errors.map((row) => [row.message, row.process_id, row.request_id, row.route, row.method]),
        [['transcode failed', 'host:1', 'req-x', null, null]],
      );
      // Text matches any field of the line, case-insensitively; % and _ are literal.
      assert.equal((await searchLogs(db, { text: 'FFMPEG EXITED', limit: 10 })).length, 1);
      assert.equal((await searchLogs(db, { text: '100%', limit: 10 })).length, 0);
      assert.equal((await searchLogs(db, { since: new Date(Date.now() + 60_000), limit: 10 })).length, 0);
      assert.equal((await searchLogs(db, { until: new Date(Date.now() + 60_000), limit: 5 })).length, 5);
    });

    test('lives in day partitions: days past the retention are dropped whole, days ahead are ready', async () => {
      const db = testDatabase.database.db;
      const partitions = new DayPartitions('ops_logs');
      const tenDaysAgo = dayStart(Date.now() - 10 * 86_400_000);
      await partitions.ensure(db, tenDaysAgo);
      await db
        .insertInto('ops_logs')
        .values({ at: new Date(tenDaysAgo + 3600_000), level: 30, process_id: 'old:1', message: 'old', line: '{}' })
        .execute();
      const sink = new OpsLogSink();
      sink.attach(db, { processId: 'host:2', retentionDays: 7, flushMs: 60_000 });
      sink.write(line({ msg: 'fresh line' }));
      await sink.detach();
      const days = await partitions.list(db);
      assert.ok(!days.includes(tenDaysAgo), 'the day past the retention is gone');
      assert.ok(days.includes(dayStart(Date.now()) + 3 * 86_400_000), 'three days ahead are ready');
      assert.equal((await searchLogs(db, { text: 'old', limit: 10 })).length, 0);
      assert.equal((await searchLogs(db, { text: 'fresh line', limit: 10 })).length, 1);
    });
  });

  describe(`migration 0180 (ops_logs route and method) on ${kind}`, () => {
    let testDatabase: TestDatabase;
    const partitions = new DayPartitions('ops_logs');
    const today = dayStart(Date.now());
    before(async () => {
      const all = readMigrations();
      testDatabase = await createTestDatabase(
        kind,
        all.filter((migration) => migration.version < '0180'),
      );
      // A day partition with a line in it from before the migration.
      await partitions.ensure(testDatabase.database.db, today);
      await testDatabase.database.db
        .insertInto('ops_logs')
        .values({ at: new Date(), level: 40, process_id: 'old:1', message: 'before 0180', line: '{}' })
        .execute();
      await migrate(testDatabase.database, undefined, all);
    });
    after(() => testDatabase.drop());

    test('existing day partitions get the columns and the route index; their rows stay', async () => {
      const db = testDatabase.database.db;
      const sink = new OpsLogSink();
      sink.attach(db, { processId: 'host:3', flushMs: 60_000 });
      sink.write(line({ msg: 'after 0180', reqId: 'r1', method: 'POST', route: '/api/v1/videos/:id/likes' }));
      await sink.detach();
      const found = await searchLogs(db, { route: '/api/v1/videos/:id/likes', limit: 10 });
      assert.deepEqual(
        found.map((row) => [row.message, row.method]),
        [['after 0180', 'POST']],
      );
      const old = await searchLogs(db, { text: 'before 0180', limit: 10 });
      assert.deepEqual(
        old.map((row) => [row.route, row.method]),
        [[null, null]],
      );
      const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes
        where tablename = ${partitions.partitionName(today)} and indexdef like '%(route%'`.execute(db);
      assert.equal(rows.length, 1, "today's partition has the route index");
    });
  });
}
