import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Ai } from '../../platform/ai/ai.ts';
import { LocalEmbedder } from '../../platform/ai/local/sentence-embedder.ts';
import type { DB } from '../../platform/db/schema.ts';
import { localModelStatuses } from '../../platform/ai/local/lazy-model.ts';
import { vectorSearchMode } from './vector-store.ts';

export const aiStatusSchema = z.object({
  vectorSearch: z
    .enum(['pgvector', 'in-process'])
    .describe(
      'in-process: the database has no pgvector, so vectors are searched by an HNSW index (usearch) inside StreamHub',
    ),
  localEmbedder: z
    .object({
      model: z.string(),
      status: z.enum(['not-loaded', 'loading', 'ready', 'fallback']),
      reason: z.string().optional(),
    })
    .optional()
    .describe(
      'the offline embedder: the sentence encoder when ready (not-loaded: it loads on the first embedding); "fallback" means its model could not load and hashed word vectors (no synonyms) are used instead',
    ),
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
  const local = ai.embedding.chain.find((provider) => provider instanceof LocalEmbedder);
  return {
    vectorSearch: await vectorSearchMode(db),
    localEmbedder: local && { model: `${local.model.name}@${local.model.version}`, ...local.status },
    providers: ai.describe(),
    localModels: localModelStatuses(),
  };
}
