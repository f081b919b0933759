import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Read-only facts about accounts for reports (platform analytics), so other modules never query users. */
export const userReports = {
  async createdBetween(db: Kysely<DB>, from: Date, to: Date): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async usernames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((row) => [row.id, row.username]));
  },
};
