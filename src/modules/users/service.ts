import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { DuplicateUserError, userRepo, type UserRow } from './repo.ts';
import type { updateUserBody } from './schemas.ts';
import type { z } from 'zod';

export class UserService {
  constructor(private readonly db: Kysely<DB>) {}

  async get(id: string): Promise<UserRow> {
    const user = await userRepo.findById(this.db, id);
    if (!user) throw notFound('User');
    return user;
  }

  /**
   * Owners edit their own profile; admins edit anyone's. Role changes are admin-only, except that a
   * viewer may make themselves a creator (start a channel) — nobody promotes themselves to admin.
   */
  async update(actor: AuthenticatedUser, id: string, changes: z.infer<typeof updateUserBody>): Promise<UserRow> {
    const isAdmin = actor.role === 'admin';
    if (actor.id !== id && !isAdmin) throw forbidden('You can only edit your own profile');
    if (
      changes.role !== undefined &&
      !isAdmin &&
      !(changes.role === 'creator' && actor.role === 'viewer') &&
      changes.role !== actor.role
    ) {
      throw forbidden('Only an admin can change this role');
    }
    try {
      const updated = await userRepo.update(this.db, id, {
        ...(changes.username !== undefined ? { username: changes.username } : {}),
        ...(changes.bio !== undefined ? { bio: changes.bio } : {}),
        ...(changes.avatarUrl !== undefined ? { avatar_url: changes.avatarUrl } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
      });
      if (!updated) throw notFound('User');
      return updated;
    } catch (error) {
      if (error instanceof DuplicateUserError) {
        throw conflict(`That ${error.field} is already taken`, [{ field: error.field, message: 'is already taken' }]);
      }
      throw error;
    }
  }
}
