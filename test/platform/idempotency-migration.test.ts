import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../../src/platform/db/database.ts';
import { migrate, readMigrations } from '../../src/platform/db/migrate.ts';
import { testDatabaseKinds } from '../support/databases.ts';

/** Migration 0020 folds the per-module Idempotency-Key tables and columns into idempotency_keys, keeping the rows. */

async function openFresh(kind: DatabaseKind): Promise<{ database: Database; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    return { database, drop: () => database.close().catch(() => undefined) };
  }
  const adminUrl = process.env.DATABASE_URL!;
  const name = `streamhub_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    drop: async () => {
      await database.close().catch(() => undefined);
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`migration 0020 (idempotency_keys) on ${kind}`, () => {
    let opened: Awaited<ReturnType<typeof openFresh>>;
    before(async () => {
      opened = await openFresh(kind);
    });
    after(async () => {
      await opened.drop();
    });

    test('video, playlist and upload keys carry over with their hash; the old tables and columns are gone', async () => {
      const { database } = opened;
      const all = readMigrations();
      await migrate(
        database,
        undefined,
        all.filter((migration) => migration.version < '0020'),
      );
      const db = database.db as unknown as import('kysely').Kysely<any>;
      const user = randomUUID();
      const video = randomUUID();
      const playlist = randomUUID();
      const upload = randomUUID();
      await sql`insert into users (id, username, email, password_hash, role) values (${user}, 'migrating', 'migrating@example.com', 'x', 'creator')`.execute(
        db,
      );
      await sql`insert into videos (id, creator_id, title) values (${video}, ${user}, 'Before the upgrade')`.execute(
        db,
      );
      await sql`insert into playlists (id, owner_id, title) values (${playlist}, ${user}, 'Before the upgrade')`.execute(
        db,
      );
      await sql`insert into video_create_requests (user_id, idempotency_key, request_hash, video_id) values (${user}, 'v-key', 'v-hash', ${video})`.execute(
        db,
      );
      await sql`insert into playlist_create_requests (user_id, idempotency_key, request_hash, playlist_id) values (${user}, 'p-key', 'p-hash', ${playlist})`.execute(
        db,
      );
      await sql`insert into uploads (id, video_id, user_id, method, size_bytes, store_id, idempotency_key, request_hash, expires_at)
        values (${upload}, ${video}, ${user}, 'direct', 1000, 'videos/x/source', 'u-key', 'u-hash', now() + interval '1 day')`.execute(
        db,
      );

      assert.deepEqual(
        await migrate(database),
        all.filter((migration) => migration.version >= '0020').map((migration) => migration.version),
      );
      const keys = await sql<{ scope: string; idempotency_key: string; request_hash: string; resource_id: string }>`
        select scope, idempotency_key, request_hash, resource_id from idempotency_keys where user_id = ${user} order by scope`.execute(
        db,
      );
      assert.deepEqual(keys.rows, [
        { scope: 'playlists.create', idempotency_key: 'p-key', request_hash: 'p-hash', resource_id: playlist },
        { scope: 'uploads.create', idempotency_key: 'u-key', request_hash: 'u-hash', resource_id: upload },
        { scope: 'videos.create', idempotency_key: 'v-key', request_hash: 'v-hash', resource_id: video },
      ]);
      const leftovers = await sql<{ name: string }>`
        select table_name || '.' || column_name as name from information_schema.columns
        where table_schema = current_schema() and (table_name in ('video_create_requests', 'playlist_create_requests')
          or (table_name in ('uploads', 'comments') and column_name in ('idempotency_key', 'request_hash')))`.execute(
        db,
      );
      assert.deepEqual(leftovers.rows, []);
    });
  });
}
