import type { Executor } from '../../platform/db/transaction.ts';

export interface CreateRequest { videoId: string; requestHash: string }

/** Remembers which video an Idempotency-Key created, per user. */
export const createRequestRepo = {
  async find(db: Executor, userId: string, key: string): Promise<CreateRequest | undefined> {
    const row = await db.selectFrom('video_create_requests').select(['video_id', 'request_hash'])
      .where('user_id', '=', userId).where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row && { videoId: row.video_id, requestHash: row.request_hash };
  },

  /** Throws a unique violation when a concurrent request with the same key got there first. */
  async insert(db: Executor, userId: string, key: string, request: CreateRequest): Promise<void> {
    await db.insertInto('video_create_requests')
      .values({ user_id: userId, idempotency_key: key, request_hash: request.requestHash, video_id: request.videoId })
      .execute();
  },
};
