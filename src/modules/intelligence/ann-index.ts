import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
 * A snapshot (graph + id list + watermark) goes to object storage, so a restart loads it and only
 * catches up with what changed after the watermark instead of rebuilding from the table.
 */
export class AnnIndex {
  private index: InstanceType<Usearch['Index']>;
  private readonly keys = new Map<string, bigint>();
  private ids: string[] = [];

  constructor(readonly dimensions: number) {
    this.index = AnnIndex.empty(dimensions);
  }

  private static empty(dimensions: number) {
    const { Index, MetricKind, ScalarKind } = usearch();
    return new Index({
      dimensions,
      metric: MetricKind.Cos,
      quantization: ScalarKind.F32,
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
        key = BigInt(this.ids.length);
        this.ids.push(id);
        this.keys.set(id, key);
      } else {
        this.index.remove(key);
      }
      keys[n] = key;
      vectors.set(vector, n * this.dimensions);
      n += 1;
    }
    this.index.add(keys, vectors);
  }

  /** The `limit` nearest ids by cosine similarity (approximate). */
  search(vector: ArrayLike<number>, limit: number): AnnHit[] {
    if (this.size === 0 || vector.length !== this.dimensions) return [];
    const matches = this.index.search(Float32Array.from(vector), Math.min(limit, this.size), 0);
    const hits: AnnHit[] = [];
    matches.keys.forEach((key, index) => {
      const id = this.ids[Number(key)];
      if (id !== undefined) hits.push({ id, score: 1 - matches.distances[index]! });
    });
    return hits;
  }

  async saveSnapshot(storage: ObjectStorage, key: string, watermark: Date): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'streamhub-ann-'));
    try {
      const graph = join(dir, 'graph.usearch');
      this.index.save(graph);
      const meta: SnapshotMeta = { dimensions: this.dimensions, ids: this.ids, watermark: watermark.toISOString() };
      // The graph first: a reader that finds new metadata always finds its graph.
      await storage.putFile(`${key}.usearch`, graph);
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
      loaded.ids = meta.ids;
      meta.ids.forEach((id, index) => loaded.keys.set(id, BigInt(index)));
      return { index: loaded, watermark: new Date(meta.watermark) };
    } catch {
      return undefined;
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
