import { z } from 'zod';
import { aiFor } from '../../platform/ai/ai-for-platform.ts';
import type { Platform } from '../../platform/platform.ts';
import { vectorSearchMode } from './vector-store.ts';

export const aiStatusSchema = z.object({
  vectorSearch: z.enum(['pgvector', 'in-process']).describe('in-process: the database has no pgvector, so vectors are ranked by an exact scan in StreamHub'),
  providers: z.record(z.string(), z.array(z.string())).describe('per task, the providers in fallback order (empty: the feature says it is unavailable)'),
});

/** What /ready reports about the AI layer: degraded modes are not failures, but operators should see them. */
export async function aiStatus(platform: Platform): Promise<z.infer<typeof aiStatusSchema>> {
  return { vectorSearch: await vectorSearchMode(platform.database.db), providers: aiFor(platform).describe() };
}
