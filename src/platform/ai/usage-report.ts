import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** AI spending over a period (remote calls cost money; local ones are metered at 0), for platform analytics. */
export async function aiSpendBetween(db: Kysely<DB>, from: Date, to: Date): Promise<{ costUsd: number; calls: number }> {
  const row = await db.selectFrom('ai_usage')
    .select([sql<number>`coalesce(sum(cost_usd), 0)::float8`.as('cost'), sql<number>`count(*)::int`.as('calls')])
    .where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirstOrThrow();
  return { costUsd: Number(row.cost), calls: Number(row.calls) };
}
