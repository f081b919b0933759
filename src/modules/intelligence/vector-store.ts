import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export type VectorSearchMode = 'pgvector' | 'in-process';

export interface Neighbour {
  id: string;
  score: number;
}

const modes = new WeakMap<object, Promise<VectorSearchMode>>();

/** pgvector when the extension is installed in this database (migration 0014 creates it where available). */
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

/**
 * Nearest neighbours by cosine similarity among the rows a query selects (`candidates` must yield
 * `id` and `embedding`). With pgvector the database ranks them (`embedding::vector <=> query`); without
 * it the candidates' vectors are read and ranked here — an exact scan either way, fine for the
 * thousands of vectors an embedded instance holds. Vectors are unit length, so cosine = dot product.
 */
export async function nearest(
  db: Kysely<DB>,
  candidates: RawBuilder<unknown>,
  query: number[],
  limit: number,
): Promise<Neighbour[]> {
  if ((await vectorSearchMode(db)) === 'pgvector') {
    const literal = `[${query.join(',')}]`;
    const result = await sql<Neighbour>`
      select c.id, (1 - (c.embedding::vector <=> ${literal}::vector))::float8 as score
      from (${candidates}) c
      order by c.embedding::vector <=> ${literal}::vector
      limit ${limit}`.execute(db);
    return result.rows;
  }
  const result = await sql<{
    id: string;
    embedding: number[];
  }>`select c.id, c.embedding from (${candidates}) c`.execute(db);
  return result.rows
    .map((row) => ({ id: row.id, score: dot(query, row.embedding.map(Number)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
