import type { Executor } from '../../platform/db/transaction.ts';
import { userRepo, type UserRow } from './repo.ts';

/** The users module's public reads for other modules (accounts change through the users and auth modules). */
export const userQueries = {
  findById(db: Executor, id: string): Promise<UserRow | undefined> {
    return userRepo.findById(db, id);
  },

  /** Resolves an @mention. */
  findByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
    return userRepo.findByUsername(db, username);
  },

  /** Admins who can act (not banned): who hears of new reports and moderation cases. */
  async activeAdminIds(db: Executor): Promise<string[]> {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('banned_at', 'is', null)
      .execute();
    return rows.map((row) => row.id);
  },
};
