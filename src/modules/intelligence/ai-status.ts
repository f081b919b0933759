import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Ai } from '../../platform/ai/ai.ts';
import type { DB } from '../../platform/db/schema.ts';
import { vectorSearchMode } from './vector-store.ts';

export const aiStatusSchema = z.object({
  vectorSearch: z
    .enum(['pgvector', 'in-process'])
    .describe('in-process: the database has no pgvector, so vectors are ranked by an exact scan in StreamHub'),
  providers: z
    .record(z.string(), z.array(z.string()))
    .describe('per task, the providers in fallback order (empty: the feature says it is unavailable)'),
});

/** What /ready reports about the AI layer: degraded modes are not failures, but operators should see them. */
export async function aiStatus(db: Kysely<DB>, ai: Ai): Promise<z.infer<typeof aiStatusSchema>> {
  return { vectorSearch: await vectorSearchMode(db), providers: ai.describe() };
}
