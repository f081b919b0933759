import { sql, type Kysely } from 'kysely';
import * as Y from 'yjs';
import type { DB } from '../../platform/db/schema.ts';

/** Updates folded per compaction (the rest wait for the next): bounds its memory and its statement size. */
const MAX_FOLDED = 5000;

export interface PendingUpdate {
  noteId: string;
  userId: string | null;
  update: Uint8Array;
}

/**
 * A note's Yjs history in the database: the compacted state on note_documents, and the updates that
 * arrived since, appended in order. Loading replays both; compaction folds the updates into a new state
 * under a row lock, so two API processes compacting the same note cannot lose an update, and deletes
 * only the rows it folded, so an append committing during the compaction is kept.
 */
export class NoteStore {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The note's whole state as one Yjs update (empty doc when nothing was written yet). The snapshot and
   * the updates are read from one database snapshot: read one after the other, a compaction committing
   * in between would leave the folded updates in neither.
   */
  async load(noteId: string): Promise<{ state: Uint8Array; pendingUpdates: number }> {
    const { row, updates } = await this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => ({
        row: await trx.selectFrom('note_documents').select('state').where('id', '=', noteId).executeTakeFirst(),
        updates: await trx
          .selectFrom('note_updates')
          .select('update')
          .where('note_id', '=', noteId)
          .orderBy('id')
          .execute(),
      }));
    const doc = new Y.Doc();
    if (row?.state) Y.applyUpdate(doc, row.state);
    for (const { update } of updates) Y.applyUpdate(doc, update);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { state, pendingUpdates: updates.length };
  }

  async append(updates: PendingUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await this.db
      .insertInto('note_updates')
      .values(updates.map((u) => ({ note_id: u.noteId, user_id: u.userId, update: u.update })))
      .execute();
  }

  async pendingCount(noteId: string): Promise<number> {
    const row = await this.db
      .selectFrom('note_updates')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('note_id', '=', noteId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Folds the stored updates into the state (deleted content is garbage-collected by the fresh doc).
   * Returns the new state size and how many updates were folded.
   */
  async compact(noteId: string): Promise<{ bytes: number; folded: number }> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('note_documents')
        .select('state')
        .where('id', '=', noteId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return { bytes: 0, folded: 0 };
      const updates = await trx
        .selectFrom('note_updates')
        .select(['id', 'update'])
        .where('note_id', '=', noteId)
        .orderBy('id')
        .limit(MAX_FOLDED)
        .execute();
      if (updates.length === 0) return { bytes: row.state?.length ?? 0, folded: 0 };
      const doc = new Y.Doc();
      if (row.state) Y.applyUpdate(doc, row.state);
      for (const { update } of updates) Y.applyUpdate(doc, update);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      await trx
        .updateTable('note_documents')
        .set({ state, state_bytes: state.length, compacted_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
        .where('id', '=', noteId)
        .execute();
      // Exactly the rows folded: ids come from a sequence at insert time, so an append that took a lower
      // id but committed after the read above is not folded and must stay (`id <= last` would drop it).
      await trx
        .deleteFrom('note_updates')
        .where(
          'id',
          'in',
          updates.map((u) => u.id),
        )
        .execute();
      return { bytes: state.length, folded: updates.length };
    });
  }

  /** Stored bytes of a note: compacted state plus pending updates (the history's size on disk). */
  async storedBytes(noteId: string): Promise<{ stateBytes: number; updateBytes: number; updates: number }> {
    const doc = await this.db
      .selectFrom('note_documents')
      .select('state_bytes')
      .where('id', '=', noteId)
      .executeTakeFirst();
    const updates = await this.db
      .selectFrom('note_updates')
      .select([(eb) => eb.fn.countAll<string>().as('n'), sql<string | null>`sum(octet_length("update"))`.as('bytes')])
      .where('note_id', '=', noteId)
      .executeTakeFirstOrThrow();
    return {
      stateBytes: doc?.state_bytes ?? 0,
      updateBytes: Number(updates.bytes ?? 0),
      updates: Number(updates.n),
    };
  }
}
