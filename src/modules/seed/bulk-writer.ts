import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * How a column travels: as one array parameter per column, unnested into rows by the INSERT. So a
 * batch of 10,000 rows is one statement with a handful of parameters (PostgreSQL's 65,535-parameter
 * limit never applies), and it works the same on PGlite and on PostgreSQL (`pg` has no COPY without an
 * extra package). Timestamps travel as epoch milliseconds and days as days since 1970-01-01: numbers
 * serialise far faster than Dates, and milliseconds keep the app's millisecond timestamps exact.
 */
export type ColumnKind =
  'uuid' | 'text' | 'integer' | 'bigint' | 'double' | 'boolean' | 'epochMs' | 'epochDay' | 'tags';

const ARRAY_TYPE: Record<ColumnKind, string> = {
  uuid: 'uuid[]',
  text: 'text[]',
  integer: 'integer[]',
  bigint: 'bigint[]',
  double: 'double precision[]',
  boolean: 'boolean[]',
  epochMs: 'bigint[]',
  epochDay: 'integer[]',
  tags: 'text[]',
};

/** Tags travel as one comma-joined string per row (the generator's tags never contain commas). */
export const TAG_SEPARATOR = ',';

function selectExpression(name: string, kind: ColumnKind): RawBuilder<unknown> {
  const column = sql.ref(`r.${name}`);
  if (kind === 'epochMs') return sql`timestamptz 'epoch' + ${column} * interval '1 millisecond'`;
  if (kind === 'epochDay') return sql`date '1970-01-01' + ${column}`;
  if (kind === 'tags') return sql`string_to_array(${column}, ${TAG_SEPARATOR})`;
  return column;
}

const SCALAR_TYPE: Record<ColumnKind, string> = {
  uuid: 'uuid',
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  double: 'double precision',
  boolean: 'boolean',
  epochMs: 'bigint',
  epochDay: 'integer',
  tags: 'text',
};

export interface TableSpec {
  table: string;
  columns: Record<string, ColumnKind>;
  /** Columns with the same value in every row: one parameter per statement instead of an array. */
  constants?: Record<string, { kind: ColumnKind; value: unknown }>;
  /** Runs in each batch's transaction before the insert (e.g. a session setting). */
  beforeInsert?: RawBuilder<unknown>;
}

export interface WriteStats {
  table: string;
  offered: number;
  inserted: number;
}

/**
 * Runs the writers' batches, up to `concurrency` at a time (each batch is its own transaction on its own
 * pooled connection; PGlite has one session, so there it is one at a time whatever this says). Enqueuing
 * waits for a free slot, so generating the next batch overlaps with writing the previous ones and
 * memory stays bounded. A failed batch fails the next enqueue or drain.
 */
export class WriteQueue {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly concurrency = 1) {}

  async enqueue(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.concurrency) await Promise.race(this.running);
    if (this.failure) throw this.failure.error;
    const run: Promise<void> = task().then(
      () => {
        this.running.delete(run);
      },
      (error: unknown) => {
        this.failure ??= { error };
        this.running.delete(run);
      },
    );
    this.running.add(run);
  }

  /** Waits for every batch running now; throws the first failure. */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.race(this.running);
    if (this.failure) throw this.failure.error;
  }
}

/**
 * Buffers rows for one table and writes them in batches: one multi-row INSERT … SELECT FROM unnest(…)
 * ON CONFLICT DO NOTHING per batch, each in its own transaction, through the shared WriteQueue. Batches
 * of one writer do not depend on each other (a video's comments, replies with their parents, are
 * always in one batch); rows that reference another table are written once that table's writer has
 * finished.
 */
export class TableWriter {
  private readonly names: string[];
  private readonly kinds: ColumnKind[];
  private buffers: unknown[][];
  private readonly insert: (arrays: unknown[][]) => RawBuilder<unknown>;
  readonly stats: WriteStats;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly queue: WriteQueue,
    private readonly spec: TableSpec,
    private readonly batchSize: number,
    private readonly onWritten: (rows: number) => void = () => undefined,
  ) {
    this.names = Object.keys(spec.columns);
    this.kinds = Object.values(spec.columns);
    this.buffers = this.names.map(() => []);
    this.stats = { table: spec.table, offered: 0, inserted: 0 };
    const constants = Object.entries(spec.constants ?? {});
    const target = sql.join([...this.names, ...constants.map(([name]) => name)].map((name) => sql.ref(name)));
    const selected = sql.join([
      ...this.names.map((name, i) => selectExpression(name, this.kinds[i]!)),
      ...constants.map(([, { kind, value }]) => sql`${sql.val(value)}::${sql.raw(SCALAR_TYPE[kind])}`),
    ]);
    const aliases = sql.join(this.names.map((name) => sql.ref(name)));
    this.insert = (arrays) => {
      const parameters = sql.join(
        arrays.map((values, i) => sql`${sql.val(values)}::${sql.raw(ARRAY_TYPE[this.kinds[i]!])}`),
      );
      return sql`insert into ${sql.table(spec.table)} (${target})
        select ${selected} from unnest(${parameters}) as r(${aliases})
        on conflict do nothing`;
    };
  }

  /** One row, values in the spec's column order; call `flushIfFull` at a convenient point after. */
  add(...values: unknown[]): void {
    for (let i = 0; i < values.length; i += 1) this.buffers[i]!.push(values[i]);
  }

  async flushIfFull(): Promise<void> {
    if (this.buffers[0]!.length >= this.batchSize) await this.flush();
  }

  /** Queues what is buffered as one batch. */
  async flush(): Promise<void> {
    const rows = this.buffers[0]!.length;
    if (rows === 0) return;
    const arrays = this.buffers;
    this.buffers = this.names.map(() => []);
    this.stats.offered += rows;
    await this.queue.enqueue(() =>
      this.db
        .transaction()
        .execute(async (trx) => {
          if (this.spec.beforeInsert) await this.spec.beforeInsert.execute(trx);
          const result = await this.insert(arrays).execute(trx);
          this.stats.inserted += Number(result.numAffectedRows ?? 0);
        })
        .then(() => this.onWritten(rows)),
    );
  }

  /** Writes the rest and waits until every queued batch is written. */
  async finish(): Promise<WriteStats> {
    await this.flush();
    await this.queue.drain();
    return this.stats;
  }
}
