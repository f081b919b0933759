import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * How a column travels: as one array parameter per column, unnested into rows by the INSERT. So a
 * batch of 10,000 rows is one statement with a handful of parameters (PostgreSQL's 65,535-parameter
 * limit never applies), and it works the same on PGlite and on PostgreSQL (`pg` has no COPY without an
 * extra package). Timestamps travel as epoch milliseconds and days as days since 1970-01-01: numbers
 * serialise far faster than Dates, and milliseconds keep the app's millisecond timestamps exact.
 */
export type ColumnKind = 'uuid' | 'text' | 'integer' | 'bigint' | 'double' | 'boolean' | 'epochMs' | 'epochDay' | 'tags';

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

export interface WriteStats { table: string; offered: number; inserted: number }

/**
 * Runs the writers' batches one after another, in the order they were flushed, with up to
 * `maxQueued` waiting: generating the next batch overlaps with writing the previous ones (PostgreSQL
 * works in its own process meanwhile), memory stays bounded, and a batch never commits before an
 * earlier one, so rows referencing another table's rows (renditions of videos) find them committed.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  private readonly queued: Promise<void>[] = [];

  constructor(private readonly maxQueued = 2) {}

  async enqueue(task: () => Promise<void>): Promise<void> {
    // After a failure the chain stays rejected: later batches do not run, and the error surfaces here.
    const run = this.tail.then(task);
    run.catch(() => undefined);
    this.tail = run;
    this.queued.push(run);
    while (this.queued.length > this.maxQueued) await this.queued.shift();
  }

  async drain(): Promise<void> {
    while (this.queued.length) await this.queued.shift();
  }
}

/**
 * Buffers rows for one table and writes them in batches: one multi-row INSERT … SELECT FROM unnest(…)
 * ON CONFLICT DO NOTHING per batch, each in its own transaction, through the shared WriteQueue.
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
    /** Writers whose rows these rows reference: their buffers are flushed first. */
    private readonly dependsOn: TableWriter[] = [],
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
      const parameters = sql.join(arrays.map((values, i) => sql`${sql.val(values)}::${sql.raw(ARRAY_TYPE[this.kinds[i]!])}`));
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

  /** Queues what is buffered as one batch (after the buffers of the writers it depends on). */
  async flush(): Promise<void> {
    for (const dependency of this.dependsOn) await dependency.flush();
    const rows = this.buffers[0]!.length;
    if (rows === 0) return;
    const arrays = this.buffers;
    this.buffers = this.names.map(() => []);
    this.stats.offered += rows;
    await this.queue.enqueue(() => this.db.transaction().execute(async (trx) => {
      if (this.spec.beforeInsert) await this.spec.beforeInsert.execute(trx);
      const result = await this.insert(arrays).execute(trx);
      this.stats.inserted += Number(result.numAffectedRows ?? 0);
    }).then(() => this.onWritten(rows)));
  }

  /** Writes the rest and waits until every queued batch is written. */
  async finish(): Promise<WriteStats> {
    await this.flush();
    await this.queue.drain();
    return this.stats;
  }
}
