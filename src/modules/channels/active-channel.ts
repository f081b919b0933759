import type { Executor } from '../../platform/db/transaction.ts';
import { notFound } from '../../platform/http/errors.ts';
import { userQueries } from '../users/user-queries.ts';
import type { UserRow } from '../users/repo.ts';

/** Every account is a channel; a banned one is gone from the channel pages and cannot gain subscribers. */
export async function requireActiveChannel(db: Executor, userId: string): Promise<UserRow> {
  const user = await userQueries.findById(db, userId);
  if (!user || user.banned_at !== null) throw notFound('Channel');
  return user;
}
