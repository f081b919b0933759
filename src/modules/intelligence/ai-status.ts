import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Ai } from '../../platform/ai/ai.ts';
import type { DB } from '../../platform/db/schema.ts';
import { localModelStatuses } from '../../platform/ai/local/lazy-model.ts';
import { vectorSearchMode } from './vector-store.ts';

export const aiStatusSchema = z.object({
  vectorSearch: z
    .enum(['pgvector', 'in-process'])
    .describe('in-process: the database has no pgvector, so vectors are ranked by an exact scan in StreamHub'),
  providers: z
    .record(z.string(), z.array(z.string()))
    .describe('per task, the providers in fallback order (empty: the feature says it is unavailable)'),
  localModels: z
    .record(
      z.string(),
      z.object({ state: z.enum(['not-loaded', 'loading', 'loaded', 'failed']), error: z.string().optional() }),
    )
    .describe('models loaded on first use (voice activity, image moderation, language ID); failed: its fallback runs'),
});

/** What /ready reports about the AI layer: degraded modes are not failures, but operators should see them. */
export async function aiStatus(db: Kysely<DB>, ai: Ai): Promise<z.infer<typeof aiStatusSchema>> {
  return { vectorSearch: await vectorSearchMode(db), providers: ai.describe(), localModels: localModelStatuses() };
}
