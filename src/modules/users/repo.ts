import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import type { Role, UsersTable } from '../../platform/db/schema.ts';
import { isUniqueViolation, violatedConstraintMentions } from '../../platform/db/pg-errors.ts';

export type UserRow = Selectable<UsersTable>;

export class DuplicateUserError extends Error {
  constructor(public readonly field: 'username' | 'email') {
    super(`${field} already taken`);
  }
}

/** Maps a unique-index violation on users to the field the client must change. */
function asDuplicate(error: unknown): never {
  if (isUniqueViolation(error))
    throw new DuplicateUserError(violatedConstraintMentions(error, 'email') ? 'email' : 'username');
  throw error;
}

export const userRepo = {
  findById(db: Executor, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
  },

  findByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
      .executeTakeFirst();
  },

  async insert(
    db: Executor,
    user: { username: string; email: string; passwordHash: string; role: Role },
  ): Promise<UserRow> {
    try {
      return await db
        .insertInto('users')
        .values({ username: user.username, email: user.email, password_hash: user.passwordHash, role: user.role })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      return asDuplicate(error);
    }
  },

  async update(
    db: Executor,
    id: string,
    changes: Partial<{
      username: string;
      bio: string;
      avatar_url: string | null;
      role: Role;
      password_hash: string;
      banned_at: Date | null;
    }>,
  ): Promise<UserRow | undefined> {
    try {
      return await db
        .updateTable('users')
        .set({ ...changes, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    } catch (error) {
      return asDuplicate(error);
    }
  },
};
