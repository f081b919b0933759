import type { Executor } from '../../platform/db/transaction.ts';

export interface BanState {
  userId: string;
  username: string;
  bannedAt: Date | null;
}

/**
 * Account suspensions (users.banned_at), the users module's public write for the moderation module,
 * which decides who is banned.
 */
export const userSuspensions = {
  /** Keeps the first ban's time when the account is already suspended. */
  async ban(db: Executor, userId: string): Promise<BanState | undefined> {
    const row = await db
      .updateTable('users')
      .set((eb) => ({ banned_at: eb.fn.coalesce('banned_at', eb.fn<Date>('now')) }))
      .where('id', '=', userId)
      .returning(['id', 'username', 'banned_at'])
      .executeTakeFirst();
    return row && { userId: row.id, username: row.username, bannedAt: row.banned_at };
  },

  async unban(db: Executor, userId: string): Promise<BanState | undefined> {
    const row = await db
      .updateTable('users')
      .set({ banned_at: null })
      .where('id', '=', userId)
      .returning(['id', 'username', 'banned_at'])
      .executeTakeFirst();
    return row && { userId: row.id, username: row.username, bannedAt: row.banned_at };
  },
};
