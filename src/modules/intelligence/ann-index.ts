import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';

type Usearch = typeof import('usearch');
let usearchModule: Usearch | undefined;
// usearch ships prebuilt native binaries (no compiler needed); loaded through require like its own examples,
// and only when a first index is made: PGlite and pgvector databases never need it, so the embedded server
// does not map its native library at start.
const usearch = (): Usearch => (usearchModule ??= createRequire(import.meta.url)('usearch') as Usearch);

/** HNSW graph degree and build/search beam widths: recall@10 ≥ 0.95 on 200k vectors (bench/vector-index.ts). */
const CONNECTIVITY = 16;
const EXPANSION_ADD = 128;
const EXPANSION_SEARCH = 96;

export interface AnnHit {
  id: string;
  score: number;
}

interface SnapshotMeta {
  dimensions: number;
  /** Ids in key order: key k (a usearch integer key) is ids[k]. */
  ids: string[];
  /** Rows updated at or before this instant are in the snapshot. */
  watermark: string;
}

/**
 * An in-process approximate nearest-neighbour index (HNSW, by usearch) over unit vectors with string
 * ids, for PostgreSQL without pgvector. Ids map to integer keys; re-adding an id replaces its vector.
 *
 * The graph keeps its vectors in half precision, and the index keeps each vector in full precision
 * beside it (the usearch binding cannot read a vector back), as row `key` of one Float32Array. The
 * graph proposes; the full-precision rows give every hit its exact score, and score a given set of ids
 * exactly without the graph (`nearestAmong`): a search whose conditions only a few vectors meet ranks
 * those from memory instead of reading 2 KB a vector from the database. Memory: 3 KB a 512-d vector.
 *
 * A snapshot (graph + vectors + id list + watermark) goes to object storage, so a restart loads it and
 * only catches up with what changed after the watermark instead of rebuilding from the table.
 */
export class AnnIndex {
  private index: InstanceType<Usearch['Index']>;
  /** Id → key (the id's row, and usearch's integer key as a bigint). */
  private readonly keys = new Map<string, number>();
  private ids: string[] = [];
  /** Row k holds key k's vector; capacity grows by doubling. */
  private vectors = new Float32Array(0);

  constructor(readonly dimensions: number) {
    this.index = AnnIndex.empty(dimensions);
  }

  private static empty(dimensions: number) {
    const { Index, MetricKind, ScalarKind } = usearch();
    return new Index({
      dimensions,
      metric: MetricKind.Cos,
      quantization: ScalarKind.F16,
      connectivity: CONNECTIVITY,
      expansion_add: EXPANSION_ADD,
      expansion_search: EXPANSION_SEARCH,
      multi: false,
    });
  }

  get size(): number {
    return this.keys.size;
  }

  upsert(id: string, vector: ArrayLike<number>): void {
    this.upsertMany([{ id, vector }]);
  }

  /**
   * Adds or replaces many vectors in one native call: usearch prepares its threads' contexts per call,
   * so adding a page of rows at once builds an index many times faster than one add per vector.
   */
  upsertMany(entries: readonly { id: string; vector: ArrayLike<number> }[]): void {
    // The last vector of an id wins; another model's size is never comparable.
    const latest = new Map<string, ArrayLike<number>>();
    for (const { id, vector } of entries) if (vector.length === this.dimensions) latest.set(id, vector);
    if (latest.size === 0) return;
    const keys = new BigUint64Array(latest.size);
    const vectors = new Float32Array(latest.size * this.dimensions);
    let n = 0;
    for (const [id, vector] of latest) {
      let key = this.keys.get(id);
      if (key === undefined) {
        key = this.ids.length;
        this.ids.push(id);
        this.keys.set(id, key);
      } else {
        this.index.remove(BigInt(key));
      }
      keys[n] = BigInt(key);
      vectors.set(vector, n * this.dimensions);
      n += 1;
    }
    this.index.add(keys, vectors);
    this.reserveRows(this.ids.length);
    keys.forEach((key, row) =>
      this.vectors.set(
        vectors.subarray(row * this.dimensions, (row + 1) * this.dimensions),
        Number(key) * this.dimensions,
      ),
    );
  }

  /** The `limit` nearest ids, proposed by the graph and ranked by their exact cosine similarity. */
  search(vector: ArrayLike<number>, limit: number): AnnHit[] {
    if (this.size === 0 || vector.length !== this.dimensions) return [];
    const query = Float32Array.from(vector);
    const matches = this.index.search(query, Math.min(limit, this.size), 0);
    const hits: AnnHit[] = [];
    for (const key of matches.keys) {
      const id = this.ids[Number(key)];
      if (id !== undefined) hits.push({ id, score: this.score(query, Number(key)) });
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  /** The `limit` of `ids` nearest to `vector`, scored exactly (ids not in the index are left out). */
  nearestAmong(vector: ArrayLike<number>, ids: readonly string[], limit: number): AnnHit[] {
    if (vector.length !== this.dimensions || limit <= 0) return [];
    const query = Float32Array.from(vector);
    const known = ids.filter((id) => this.keys.has(id));
    const scores = Float64Array.from(known, (id) => this.score(query, this.keys.get(id)!));
    // Only the best `limit` are sorted as hits: a typed sort of the scores finds the cut.
    const cut = scores.length > limit ? scores.slice().sort()[scores.length - limit]! : -Infinity;
    const hits: AnnHit[] = [];
    scores.forEach((score, index) => {
      if (score >= cut) hits.push({ id: known[index]!, score });
    });
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** Cosine similarity of a query with row `row` (both unit length, so the dot product). */
  private score(query: Float32Array, row: number): number {
    // Four running sums: V8 keeps them in registers, about twice as fast as one sum on 512 dimensions.
    const vectors = this.vectors;
    const dimensions = this.dimensions;
    const offset = row * dimensions;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let index = 0;
    for (; index + 3 < dimensions; index += 4) {
      s0 += query[index]! * vectors[offset + index]!;
      s1 += query[index + 1]! * vectors[offset + index + 1]!;
      s2 += query[index + 2]! * vectors[offset + index + 2]!;
      s3 += query[index + 3]! * vectors[offset + index + 3]!;
    }
    for (; index < dimensions; index += 1) s0 += query[index]! * vectors[offset + index]!;
    return s0 + s1 + s2 + s3;
  }

  private reserveRows(rows: number): void {
    if (this.vectors.length >= rows * this.dimensions) return;
    const grown = new Float32Array(Math.max(rows, 2 * (this.vectors.length / this.dimensions), 1024) * this.dimensions);
    grown.set(this.vectors);
    this.vectors = grown;
  }

  async saveSnapshot(storage: ObjectStorage, key: string, watermark: Date): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'streamhub-ann-'));
    try {
      const graph = join(dir, 'graph.usearch');
      this.index.save(graph);
      const vectors = join(dir, 'vectors.f32');
      await writeFile(vectors, this.vectors.subarray(0, this.ids.length * this.dimensions));
      const meta: SnapshotMeta = { dimensions: this.dimensions, ids: this.ids, watermark: watermark.toISOString() };
      // The graph and vectors first: a reader that finds new metadata always finds its graph and vectors.
      await storage.putFile(`${key}.usearch`, graph);
      await storage.putFile(`${key}.vectors`, vectors);
      await storage.putObject(`${key}.json`, Buffer.from(JSON.stringify(meta)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The index a snapshot holds and the watermark it is current to, or undefined when none is usable. */
  static async loadSnapshot(
    storage: ObjectStorage,
    key: string,
    dimensions: number,
  ): Promise<{ index: AnnIndex; watermark: Date } | undefined> {
    if (!(await storage.statObject(`${key}.json`))) return undefined;
    const dir = await mkdtemp(join(tmpdir(), 'streamhub-ann-'));
    try {
      const metaFile = join(dir, 'meta.json');
      await storage.downloadToFile(`${key}.json`, metaFile);
      const meta = JSON.parse(await readFile(metaFile, 'utf8')) as SnapshotMeta;
      if (meta.dimensions !== dimensions) return undefined;
      const graph = join(dir, 'graph.usearch');
      await storage.downloadToFile(`${key}.usearch`, graph);
      const loaded = new AnnIndex(dimensions);
      loaded.index.load(graph);
      // A graph saved after more ids were added than the metadata lists is not this snapshot's: rebuild.
      if (loaded.index.size() > meta.ids.length) return undefined;
      const vectorsFile = join(dir, 'vectors.f32');
      await storage.downloadToFile(`${key}.vectors`, vectorsFile);
      const bytes = await readFile(vectorsFile);
      // Vectors saved with another id list (more or fewer rows) are not this snapshot's either.
      if (bytes.byteLength !== meta.ids.length * dimensions * 4) return undefined;
      loaded.reserveRows(meta.ids.length);
      // Written by saveSnapshot on this machine's byte order; a Float32Array view needs 4-byte alignment.
      const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
      loaded.vectors.set(new Float32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4));
      loaded.ids = meta.ids;
      meta.ids.forEach((id, index) => loaded.keys.set(id, index));
      return { index: loaded, watermark: new Date(meta.watermark) };
    } catch {
      return undefined;
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
