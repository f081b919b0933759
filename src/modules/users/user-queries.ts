import type { Executor } from '../../platform/db/transaction.ts';
import { userRepo, type UserRow } from './repo.ts';

/** The users module's public reads for other modules (accounts change through the users and auth modules). */
export const userQueries = {
  findById(db: Executor, id: string): Promise<UserRow | undefined> {
    return userRepo.findById(db, id);
  },
};
