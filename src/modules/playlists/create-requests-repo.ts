import type { Executor } from '../../platform/db/transaction.ts';

export interface CreateRequest { playlistId: string; requestHash: string }

/** Remembers which playlist an Idempotency-Key created, per user. */
export const createRequestRepo = {
  async find(db: Executor, userId: string, key: string): Promise<CreateRequest | undefined> {
    const row = await db.selectFrom('playlist_create_requests').select(['playlist_id', 'request_hash'])
      .where('user_id', '=', userId).where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row && { playlistId: row.playlist_id, requestHash: row.request_hash };
  },

  /** False when the key is taken; a concurrent request with the same key waits for the first to commit. */
  async claim(db: Executor, userId: string, key: string, request: CreateRequest): Promise<boolean> {
    const row = await db.insertInto('playlist_create_requests')
      .values({ user_id: userId, idempotency_key: key, request_hash: request.requestHash, playlist_id: request.playlistId })
      .onConflict((conflict) => conflict.columns(['user_id', 'idempotency_key']).doNothing())
      .returning('playlist_id')
      .executeTakeFirst();
    return row !== undefined;
  },
};
