import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../platform/db/schema.ts';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import { AnnIndex, type AnnHit } from './ann-index.ts';

/** Which stored vectors: one per video, or one per transcript segment (id `videoId:position`). */
export type VectorKind = 'videos' | 'segments';

export interface EmbeddingModel {
  name: string;
  version: string;
}

/** Rows read per statement while building or catching up. */
const PAGE = 2000;
/**
 * A writer's transaction may commit a little after the time it stamped: each catch-up re-reads the rows
 * stamped within this margin before the previous catch-up began (by the database's clock).
 */
const COMMIT_MARGIN_MS = 5000;

const sources: Record<VectorKind, { table: string; id: string; order: string }> = {
  videos: { table: 'video_embeddings', id: `video_id::text`, order: 'video_id' },
  segments: { table: 'segment_embeddings', id: `video_id::text || ':' || position`, order: 'video_id, position' },
};

interface Entry {
  index: AnnIndex;
  watermark: Date;
  /** The database's time when the last catch-up began: anything stamped before it minus the margin is in. */
  readUpTo?: Date;
  changedSinceSnapshot: number;
  lastCatchUp: number;
  catchingUp?: Promise<void>;
  snapshotting?: Promise<void>;
}

/**
 * The in-process ANN indexes of a process (PostgreSQL without pgvector), one per kind and model. An
 * index is loaded from its snapshot in object storage (or, without one, built from the table) at its
 * first search, and then follows the table: before a search it reads the rows whose `updated_at` is
 * past its watermark (at most every `catchUpMs`), so vectors stored by the analysis workers (in this
 * process or another) are searchable within a second. After `snapshotEvery` changes, or a build from
 * scratch, it writes a new snapshot so the next start does not rebuild.
 */
export class VectorIndexes {
  private readonly entries = new Map<string, Promise<Entry>>();
  private readonly db: Kysely<DB>;
  private readonly storage: ObjectStorage;
  private readonly logger: Logger;
  private readonly catchUpMs: number;
  private readonly snapshotEvery: number;
  private readonly commitMarginMs: number;

  constructor(deps: {
    db: Kysely<DB>;
    storage: ObjectStorage;
    logger: Logger;
    catchUpMs?: number;
    snapshotEvery?: number;
    commitMarginMs?: number;
  }) {
    this.db = deps.db;
    this.storage = deps.storage;
    this.logger = deps.logger;
    this.catchUpMs = deps.catchUpMs ?? 1000;
    this.snapshotEvery = deps.snapshotEvery ?? 1000;
    this.commitMarginMs = deps.commitMarginMs ?? COMMIT_MARGIN_MS;
  }

  /** The approximate `limit` nearest vectors of this kind and model to `vector`. */
  async search(kind: VectorKind, model: EmbeddingModel, vector: number[], limit: number): Promise<AnnHit[]> {
    const entry = await this.entry(kind, model, vector.length);
    await this.catchUp(kind, model, entry);
    return entry.index.search(vector, limit);
  }

  /** The `limit` of `ids` nearest to `vector`, scored exactly from the index's own copy of the vectors. */
  async nearestAmong(
    kind: VectorKind,
    model: EmbeddingModel,
    vector: number[],
    ids: readonly string[],
    limit: number,
  ): Promise<AnnHit[]> {
    const entry = await this.entry(kind, model, vector.length);
    await this.catchUp(kind, model, entry);
    return entry.index.nearestAmong(vector, ids, limit);
  }

  async size(kind: VectorKind, model: EmbeddingModel, dimensions: number): Promise<number> {
    return (await this.entry(kind, model, dimensions)).index.size;
  }

  /** Writes pending snapshots (e.g. before a process exits); a failure is logged, never thrown. */
  async flush(): Promise<void> {
    for (const [key, pending] of this.entries) {
      const entry = await pending.catch(() => undefined);
      if (entry?.snapshotting) await entry.snapshotting;
      if (entry && entry.changedSinceSnapshot > 0) await this.snapshot(key, entry);
    }
  }

  private entry(kind: VectorKind, model: EmbeddingModel, dimensions: number): Promise<Entry> {
    const key = snapshotKey(kind, model, dimensions);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.open(key, dimensions);
      entry.catch(() => this.entries.delete(key));
      this.entries.set(key, entry);
    }
    return entry;
  }

  private async open(key: string, dimensions: number): Promise<Entry> {
    const snapshot = await AnnIndex.loadSnapshot(this.storage, key, dimensions);
    if (snapshot) {
      this.logger.info({ key, vectors: snapshot.index.size }, 'vector index loaded from its snapshot');
      return { index: snapshot.index, watermark: snapshot.watermark, changedSinceSnapshot: 0, lastCatchUp: 0 };
    }
    // Built by the first catch-up, which reads the whole table (and snapshots it when it is large).
    return { index: new AnnIndex(dimensions), watermark: new Date(0), changedSinceSnapshot: 0, lastCatchUp: 0 };
  }

  private catchUp(kind: VectorKind, model: EmbeddingModel, entry: Entry): Promise<void> {
    if (entry.catchingUp) return entry.catchingUp;
    if (Date.now() - entry.lastCatchUp < this.catchUpMs) return Promise.resolve();
    entry.catchingUp = this.readChanges(kind, model, entry).finally(() => {
      entry.lastCatchUp = Date.now();
      entry.catchingUp = undefined;
    });
    return entry.catchingUp;
  }

  private async readChanges(kind: VectorKind, model: EmbeddingModel, entry: Entry): Promise<void> {
    const source = sources[kind];
    // From the previous catch-up's start, not from the newest row: measured from the newest row, a burst
    // of rows stamped within the margin of each other (a video's segments, a re-embedding pass) was read
    // again and re-added at every catch-up, once a second, until a newer row came (2,000 vectors made each
    // hybrid search take 1.6–2.5 s).
    const { rows: clock } = await sql<{ now: Date }>`select now() as now`.execute(this.db);
    const since = new Date(Math.max(0, (entry.readUpTo ?? entry.watermark).getTime() - this.commitMarginMs));
    const previous = entry.watermark;
    let read = 0;
    let after: { at: Date; id: string } | undefined;
    let changed = 0;
    for (;;) {
      // Keyset pagination by (updated_at, id): stable while rows keep being written.
      const page = await sql<{ id: string; embedding: number[]; updated_at: Date }>`
        select ${sql.raw(source.id)} as id, embedding, updated_at from ${sql.table(source.table)}
        where model = ${model.name} and model_version = ${model.version} and updated_at >= ${since}
          ${after ? sql`and (updated_at, ${sql.raw(source.id)}) > (${after.at}, ${after.id})` : sql``}
        order by updated_at, ${sql.raw(source.id)} limit ${PAGE}`.execute(this.db);
      entry.index.upsertMany(page.rows.map((row) => ({ id: row.id, vector: row.embedding.map(Number) })));
      read += page.rows.length;
      // Rows re-read inside the commit margin are not changes.
      for (const row of page.rows) if (new Date(row.updated_at) > previous) changed += 1;
      const last = page.rows.at(-1);
      if (last) {
        after = { at: new Date(last.updated_at), id: last.id };
        if (after.at > entry.watermark) entry.watermark = after.at;
      }
      if (page.rows.length < PAGE) break;
    }
    entry.readUpTo = new Date(clock[0]!.now);
    entry.changedSinceSnapshot += changed;
    const key = snapshotKey(kind, model, entry.index.dimensions);
    if (read > 0) this.logger.debug({ key, read, changed }, 'vector index caught up');
    if (entry.changedSinceSnapshot >= this.snapshotEvery && !entry.snapshotting) {
      entry.snapshotting = this.snapshot(key, entry).finally(() => (entry.snapshotting = undefined));
    }
  }

  private async snapshot(key: string, entry: Entry): Promise<void> {
    const changed = entry.changedSinceSnapshot;
    try {
      await entry.index.saveSnapshot(this.storage, key, entry.watermark);
      entry.changedSinceSnapshot -= changed;
      this.logger.info({ key, vectors: entry.index.size }, 'vector index snapshot saved');
    } catch (error) {
      this.logger.warn({ key, err: error }, 'vector index snapshot failed; the next start rebuilds from the table');
    }
  }
}

/** Object key of a snapshot: an index per kind, model and dimension count. */
function snapshotKey(kind: VectorKind, model: EmbeddingModel, dimensions: number): string {
  const safe = (text: string) => text.replace(/[^a-zA-Z0-9._-]/g, '_');
  return `ai/vector-index/${kind}/${safe(model.name)}-v${safe(model.version)}-${dimensions}d`;
}
