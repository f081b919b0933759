import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  UnknownRow,
} from 'kysely';
import { SelectQueryNode, TableNode } from 'kysely';
import pg from 'pg';
import * as Y from 'yjs';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { NoteStore } from './note-store.ts';

/** An update of its own client (no dependencies), typing `text` into the shared text `t`. */
function updateTyping(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function textOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const text = doc.getText('t').toString();
  doc.destroy();
  return text;
}

/**
 * Holds the store between two of its statements: after the result of the first SELECT from `table`,
 * `whileHeld` runs before the store goes on (so another session's commit lands exactly there).
 */
function pauseAfterSelectFrom(table: string, whileHeld: () => Promise<void>): KyselyPlugin {
  const paused = new WeakSet<object>();
  let done = false;
  return {
    transformQuery({ node, queryId }: PluginTransformQueryArgs) {
      const from = SelectQueryNode.is(node) ? node.from?.froms[0] : undefined;
      if (!done && from && TableNode.is(from) && from.table.identifier.name === table) paused.add(queryId);
      return node;
    },
    async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (!done && paused.has(queryId)) {
        done = true;
        await whileHeld();
      }
      return result;
    },
  };
}

for (const kind of testDatabaseKinds()) {
  describe(
    `note storage under concurrent writers on ${kind}`,
    { skip: kind === 'pglite' ? 'one PGlite session runs one transaction at a time' : false },
    () => {
      let database: TestDatabase;
      let other: pg.Client;
      let store: NoteStore;

      before(async () => {
        database = await createTestDatabase(kind);
        store = new NoteStore(database.database.db);
        other = new pg.Client({ connectionString: database.url });
        await other.connect();
      });
      after(async () => {
        await other?.end();
        await database?.drop();
      });

      async function newNote(): Promise<string> {
        const db = database.database.db;
        const owner = await db
          .insertInto('users')
          .values({
            username: `n_${randomUUID().slice(0, 8)}`,
            email: `${randomUUID()}@example.com`,
            password_hash: 'x',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const note = await db
          .insertInto('note_documents')
          .values({ subject_kind: 'video', subject_id: randomUUID(), kind: 'personal', owner_id: owner.id })
          .returning('id')
          .executeTakeFirstOrThrow();
        return note.id;
      }

      const appendFromOther = (noteId: string, text: string) =>
        other.query('insert into note_updates (note_id, "update") values ($1, $2)', [
          noteId,
          Buffer.from(updateTyping(text)),
        ]);

      test('an update appended while a compaction runs is kept: it waits for the fold and stays for the next one', async () => {
        const noteId = await newNote();
        await store.append([
          { noteId, userId: null, update: updateTyping('[first]') },
          { noteId, userId: null, update: updateTyping('[second]') },
        ]);
        let appended: Promise<unknown> | undefined;
        const compacting = new NoteStore(
          database.database.db.withPlugin(
            pauseAfterSelectFrom('note_updates', async () => {
              // Another API process appends while the fold is under way. Its foreign-key check waits for the
              // compaction's row lock, so give it time to be waiting before the compaction goes on.
              appended = appendFromOther(noteId, '[during]');
              await new Promise((resolve) => setTimeout(resolve, 200));
            }),
          ),
        );
        const { folded } = await compacting.compact(noteId);
        await appended;
        assert.equal(folded, 2, 'the fold read saw the two committed updates');
        const text = textOf((await store.load(noteId)).state);
        for (const part of ['[first]', '[second]', '[during]'])
          assert.ok(text.includes(part), `${part} is in "${text}"`);
        assert.equal(await store.pendingCount(noteId), 1, 'the late update waits for the next compaction');
        await store.compact(noteId);
        assert.equal(await store.pendingCount(noteId), 0);
        assert.ok(textOf((await store.load(noteId)).state).includes('[during]'));
      });

      test('loading reads the snapshot and the updates as of one moment while a compaction commits in between', async () => {
        const noteId = await newNote();
        await store.append([
          { noteId, userId: null, update: updateTyping('[one]') },
          { noteId, userId: null, update: updateTyping('[two]') },
        ]);
        const compactor = new NoteStore(await database.openAnother().then((opened) => opened.db));
        const loading = new NoteStore(
          database.database.db.withPlugin(
            pauseAfterSelectFrom('note_documents', async () => {
              assert.equal((await compactor.compact(noteId)).folded, 2);
            }),
          ),
        );
        const text = textOf((await loading.load(noteId)).state);
        assert.ok(text.includes('[one]') && text.includes('[two]'), `both updates are in "${text}"`);
      });
    },
  );
}
