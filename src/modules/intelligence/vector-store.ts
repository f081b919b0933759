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

/** Where an ANN index holds the candidates' vectors (without pgvector): the kind, the model, the indexes. */
export interface AnnSource {
  indexes: VectorIndexes;
  kind: VectorKind;
  model: EmbeddingModel;
  /**
   * For the videos kind: a query yielding as `id` the videos that meet the search's conditions (of
   * `videoIds` when given), without the embeddings table. The index holds only this model's vectors,
   * so its hits need no second look there: checked on the conditions' own table by key, a round of
   * 3,000 hits took 10 ms instead of 37 ms (the candidates query joins every vector of the model).
   * Without it the candidates query checks the hits, and a selective search scans in the database.
   */
  passing?: (videoIds?: string[]) => RawBuilder<unknown>;
}

/** How many ANN hits are checked against the conditions per wanted result in the first round. */
const OVERFETCH = 4;
/**
 * The most hits one ANN round may check (a round of 3,000 took 25 ms in the graph and 10 ms to check
 * at 200,000 videos). When the first round's pass rate says even this many would not hold `limit`
 * passing hits, the vectors that meet the conditions are scored instead.
 */
const MAX_FETCH = 8192;
/**
 * When the first round's pass rate says at most this many videos meet the conditions, they are all
 * named and scored from memory (`AnnSource.passing`): 3,500 took 3 ms to name and 9,000 took 10–35 ms
 * at 200,000 videos, against 35–65 ms for a second round and 150 ms to score 3,500 in the database.
 */
const FEW_ENOUGH_TO_SCORE = 10_000;
/** Margin on the second round's size over what the first round's pass rate predicts. */
const SECOND_ROUND_MARGIN = 1.5;

/**
 * Nearest neighbours by cosine similarity among the rows a query selects (`candidates` must yield
 * `id` and `embedding`, and `video_id` when an `ann` source is given). With pgvector the database ranks them (`embedding::vector <=> query`, served by
 * the HNSW index of migration 0060 for 512 dimensions). Without it, and given an `ann` source, the
 * in-process HNSW index proposes the nearest ids with their exact scores, and the database keeps those
 * that meet the candidates' conditions (the index follows the table within a second, vector-indexes.ts).
 * When the conditions drop so many that fewer than `limit` remain, the share that passed says how many
 * videos meet them: few enough (and `passing` given), the database names them all and the index scores
 * each from memory; otherwise that share sizes one more round; when that round would exceed MAX_FETCH
 * or still falls short, every vector that meets the conditions is scored. Without `ann` (one video's
 * segments), an exact scan in the database.
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
    // Only video ids can be checked on the conditions' own table; segments go through `candidates`.
    const passing = ann.kind === 'videos' ? ann.passing : undefined;
    const first = await annRound(db, candidates, query, Math.max(limit * OVERFETCH, 40), ann, passing);
    if (first.enough(limit)) return first.ranked.slice(0, limit);
    const passRate = first.ranked.length / first.checked;
    const expected = passRate * (await ann.indexes.size(ann.kind, ann.model, query.length));
    if (passing && expected <= FEW_ENOUGH_TO_SCORE) return nearestAmongPassing(db, query, limit, ann, passing);
    const fetch = Math.ceil((SECOND_ROUND_MARGIN * limit) / passRate);
    if (passRate > 0 && fetch <= MAX_FETCH) {
      const second = await annRound(db, candidates, query, fetch, ann, passing);
      if (second.enough(limit)) return second.ranked.slice(0, limit);
    }
    if (passing) return nearestAmongPassing(db, query, limit, ann, passing);
  }
  return exactScan(db, candidates, query, limit);
}

/**
 * Every video that meets the conditions, named by the database (by the conditions' own indexes), each
 * scored exactly from the index's copy of the vectors.
 */
async function nearestAmongPassing(
  db: Kysely<DB>,
  query: number[],
  limit: number,
  ann: AnnSource,
  passing: NonNullable<AnnSource['passing']>,
): Promise<Neighbour[]> {
  const { rows } = await sql<{ id: string }>`${passing()}`.execute(db);
  return ann.indexes.nearestAmong(
    ann.kind,
    ann.model,
    query,
    rows.map((row) => row.id),
    limit,
  );
}

/** The `fetch` nearest hits of the index that meet the candidates' conditions, in the index's order. */
async function annRound(
  db: Kysely<DB>,
  candidates: RawBuilder<unknown>,
  query: number[],
  fetch: number,
  ann: AnnSource,
  passing: AnnSource['passing'],
): Promise<{ ranked: Neighbour[]; checked: number; enough: (limit: number) => boolean }> {
  const hits = await ann.indexes.search(ann.kind, ann.model, query, fetch);
  if (hits.length === 0) return { ranked: [], checked: 0, enough: () => true };
  // The index's scores are exact cosines (f32 vectors), so the database only says which hits pass
  // the search's conditions, matched by video_id (the embedding tables' keys start with it).
  const ids = hits.map((hit) => hit.id);
  const videoIds = [...new Set(ids.map((id) => (ann.kind === 'videos' ? id : id.slice(0, id.indexOf(':')))))];
  const passed = await (
    passing
      ? sql<{ id: string }>`${passing(videoIds)}`
      : sql<{ id: string }>`select a.id from (${candidates}) a
          where a.video_id = any(${videoIds}::uuid[]) and a.id = any(${ids}::text[])`
  ).execute(db);
  const kept = new Set(passed.rows.map((row) => row.id));
  const ranked = hits.filter((hit) => kept.has(hit.id));
  // Enough survived the conditions, or the index has nothing more to offer.
  return { ranked, checked: hits.length, enough: (limit) => ranked.length >= limit || hits.length < fetch };
}

/**
 * Scores every candidate. The vectors come as PostgreSQL's binary array form (`array_send`): parsing
 * the text form of 512 floats a row was most of the time of a filtered search; the binary form is read
 * in place. Their length is checked here, not in SQL: a condition on the array makes the planner guess
 * that few rows pass it and read every vector of the table before joining the search's conditions.
 */
async function exactScan(
  db: Kysely<DB>,
  candidates: RawBuilder<unknown>,
  query: number[],
  limit: number,
): Promise<Neighbour[]> {
  const result = await sql<{ id: string; vector: Uint8Array }>`
    select c.id, array_send(c.embedding) as vector from (${candidates}) c`.execute(db);
  return result.rows
    .flatMap((row) => {
      const score = dotWithBinaryArray(query, row.vector);
      return score === undefined ? [] : [{ id: row.id, score }];
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/*
 * A one-dimensional array in binary form: a 20-byte header (dimensions, null flag, element type, length,
 * lower bound), then each element as its byte length (-1 for a null) and, for a real, a big-endian float.
 */
const ARRAY_HEADER_BYTES = 20;

/**
 * The dot product of `query` and a one-dimensional `real[]` in binary form (a null element counts as 0);
 * undefined when the array's length is not the query's (another model's size).
 */
function dotWithBinaryArray(query: readonly number[], bytes: Uint8Array): number | undefined {
  if (bytes.byteLength < ARRAY_HEADER_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0) !== 1 || view.getInt32(12) !== query.length) return undefined;
  let sum = 0;
  let offset = ARRAY_HEADER_BYTES;
  for (let index = 0; index < query.length && offset < bytes.byteLength; index += 1) {
    const length = view.getInt32(offset);
    offset += 4;
    if (length !== 4) continue;
    sum += query[index]! * view.getFloat32(offset);
    offset += 4;
  }
  return sum;
}
