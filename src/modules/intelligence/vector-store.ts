import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { EmbeddingModel, VectorIndexes, VectorKind } from './vector-indexes.ts';

export type VectorSearchMode = 'pgvector' | 'in-process';

export interface Neighbour {
  id: string;
  score: number;
}

const modes = new WeakMap<object, Promise<VectorSearchMode>>();

/** pgvector when the extension is installed in this database (migration 0014 creates it where available); otherwise the in-process ANN index. */
export function vectorSearchMode(db: Kysely<DB>): Promise<VectorSearchMode> {
  let mode = modes.get(db);
  if (!mode) {
    mode = sql<{ present: boolean }>`select exists (select 1 from pg_extension where extname = 'vector') as present`
      .execute(db)
      .then((result) => (result.rows[0]?.present ? 'pgvector' : 'in-process'));
    mode.catch(() => modes.delete(db));
    modes.set(db, mode);
  }
  return mode;
}

const dot = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

/** Where an ANN index holds the candidates' vectors (without pgvector): the kind, the model, the indexes. */
export interface AnnSource {
  indexes: VectorIndexes;
  kind: VectorKind;
  model: EmbeddingModel;
}

/** How many ANN hits are checked against the conditions per wanted result at first (filters drop some); grows ×4 per round. */
const OVERFETCH = 4;
const ROUNDS = 3;

/**
 * Nearest neighbours by cosine similarity among the rows a query selects (`candidates` must yield
 * `id` and `embedding`, and `video_id` when an `ann` source is given). With pgvector the database ranks them (`embedding::vector <=> query`, served by
 * the HNSW index of migration 0060 for 512 dimensions). Without it, and given an `ann` source, the
 * in-process HNSW index proposes the nearest ids with their exact scores, and the database keeps those
 * that meet the candidates' conditions (the index follows the table within a second, vector-indexes.ts);
 * when the conditions drop so many that fewer than `limit` remain, it asks for more, and
 * after ROUNDS falls back to an exact scan. Without `ann` (one video's segments), an exact scan.
 * Vectors are unit length, so cosine = dot product.
 */
export async function nearest(
  db: Kysely<DB>,
  candidates: RawBuilder<unknown>,
  query: number[],
  limit: number,
  ann?: AnnSource,
): Promise<Neighbour[]> {
  if ((await vectorSearchMode(db)) === 'pgvector') {
    const literal = `[${query.join(',')}]`;
    const vector = sql.raw(`vector(${query.length})`);
    const result = await sql<Neighbour>`
      select c.id, (1 - (c.embedding::${vector} <=> ${literal}::${vector}))::float8 as score
      from (${candidates}) c
      where array_length(c.embedding, 1) = ${query.length}
      order by c.embedding::${vector} <=> ${literal}::${vector}
      limit ${limit}`.execute(db);
    return result.rows;
  }
  if (ann) {
    let fetch = Math.max(limit * OVERFETCH, 40);
    for (let round = 0; round < ROUNDS; round += 1) {
      const hits = await ann.indexes.search(ann.kind, ann.model, query, fetch);
      if (hits.length === 0) return [];
      // The index's scores are exact cosines (f32 vectors), so the database only says which hits pass
      // the search's conditions, matched by video_id (the embedding tables' keys start with it).
      const ids = hits.map((hit) => hit.id);
      const videoIds = [...new Set(ids.map((id) => (ann.kind === 'videos' ? id : id.slice(0, id.indexOf(':')))))];
      const passing = await sql<{ id: string }>`select a.id from (${candidates}) a
        where a.video_id = any(${videoIds}::uuid[]) and a.id = any(${ids}::text[])`.execute(db);
      const kept = new Set(passing.rows.map((row) => row.id));
      const ranked = hits.filter((hit) => kept.has(hit.id));
      // Enough survived the conditions, or the index has nothing more to offer.
      if (ranked.length >= limit || hits.length < fetch) return ranked.slice(0, limit);
      fetch *= OVERFETCH;
    }
  }
  return (await exactScan(db, candidates, query)).slice(0, limit);
}

async function exactScan(db: Kysely<DB>, candidates: RawBuilder<unknown>, query: number[]): Promise<Neighbour[]> {
  const result = await sql<{
    id: string;
    embedding: number[];
  }>`select c.id, c.embedding from (${candidates}) c`.execute(db);
  return result.rows
    .map((row) => ({ id: row.id, score: dot(query, row.embedding.map(Number)) }))
    .sort((a, b) => b.score - a.score);
}
