import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';

/** Refresh-token families and password-reset tokens. Only SHA-256 hashes of the tokens are stored. */
export const tokenRepo = {
  insertRefreshToken(
    db: Executor,
    token: { userId: string; familyId: string; hash: string; expiresAt: Date; userAgent?: string; ip?: string },
  ) {
    return db
      .insertInto('refresh_tokens')
      .values({
        user_id: token.userId,
        family_id: token.familyId,
        token_hash: token.hash,
        expires_at: token.expiresAt,
        user_agent: token.userAgent?.slice(0, 300) ?? null,
        ip: token.ip ?? null,
      })
      .execute();
  },

  findRefreshToken(db: Executor, hash: string) {
    return db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  },

  /** Marks a live token spent; false when another request spent or revoked it first. */
  async markRotated(db: Executor, id: string): Promise<boolean> {
    const result = await db
      .updateTable('refresh_tokens')
      .set({ rotated_at: sql`now()` })
      .where('id', '=', id)
      .where('rotated_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  revokeFamily(db: Executor, familyId: string) {
    return db
      .updateTable('refresh_tokens')
      .set({ revoked_at: sql`now()` })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  },

  revokeAllForUser(db: Executor, userId: string) {
    return db
      .updateTable('refresh_tokens')
      .set({ revoked_at: sql`now()` })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  },

  insertResetToken(db: Executor, token: { userId: string; hash: string; expiresAt: Date }) {
    return db
      .insertInto('password_reset_tokens')
      .values({ user_id: token.userId, token_hash: token.hash, expires_at: token.expiresAt })
      .execute();
  },

  async findUsableResetToken(db: Executor, hash: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('password_reset_tokens')
      .select('user_id')
      .where('token_hash', '=', hash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    return row?.user_id;
  },

  /** Spends a reset token atomically: exactly one concurrent caller gets the user id. */
  async consumeResetToken(db: Executor, hash: string): Promise<string | undefined> {
    const row = await db
      .updateTable('password_reset_tokens')
      .set({ used_at: sql`now()` })
      .where('token_hash', '=', hash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning('user_id')
      .executeTakeFirst();
    return row?.user_id;
  },

  /** Older unused reset links die when a new one is requested or a reset succeeds. */
  expireResetTokensForUser(db: Executor, userId: string) {
    return db
      .updateTable('password_reset_tokens')
      .set({ used_at: sql`now()` })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
  },
};
