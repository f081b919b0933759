import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { openDatabase } from './database.ts';
import { prepareNewEmbeddedDatabase } from './embedded-setup.ts';
import { migrate, readMigrations } from './migrate.ts';

function collectingLogger() {
  const lines: Array<{ msg: string; version?: string; migrations?: number }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

describe('a new embedded data directory is created and migrated in a child process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'streamhub-embedded-setup-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('the child leaves a fully migrated database; a second start leaves it alone', async () => {
    const first = collectingLogger();
    await prepareNewEmbeddedDatabase(dataDir, first.logger);
    const versions = readMigrations().map((migration) => migration.version);
    assert.deepEqual(
      first.lines.filter((line) => line.msg === 'applied migration').map((line) => line.version),
      versions,
    );
    assert.equal(
      first.lines.find((line) => line.msg === 'created the embedded database in a child process')?.migrations,
      versions.length,
    );

    const again = collectingLogger();
    await prepareNewEmbeddedDatabase(dataDir, again.logger);
    assert.deepEqual(again.lines, [], 'an existing database is not touched');

    const database = await openDatabase({ dataDir });
    try {
      assert.deepEqual(await migrate(database), [], 'nothing is left for the server to apply');
      const { rows } = await sql<{ count: number }>`select count(*)::int as count from schema_migrations`.execute(
        database.db,
      );
      assert.equal(rows[0]?.count, versions.length);
    } finally {
      await database.close();
    }
  });
});
