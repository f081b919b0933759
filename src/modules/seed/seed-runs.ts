import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { catalogueDefinition, type SeedOptions } from './options.ts';
import type { SeedIds } from './random.ts';

// The seed run's bookkeeping: one run record per catalogue (so a re-run resumes or refuses), the
// trusted-load switch, and the presence checks that make skipping foreign-key checks safe.

/** The database already holds a catalogue made with other options. */
export class SeedConflictError extends Error {}

/** created: a new catalogue; resumed: an unfinished run was completed; complete: nothing to do. */
export type SeedOutcome = 'created' | 'resumed' | 'complete';

const definitionJson = (options: SeedOptions) => JSON.stringify(catalogueDefinition(options));

interface RunRecord {
  anchorAt: Date;
  outcome: SeedOutcome;
}

/** Starts or resumes this catalogue's run record; refuses a database seeded with other options. */
export async function claimRun(db: Kysely<DB>, options: SeedOptions): Promise<RunRecord> {
  const existing = await db.selectFrom('seed_runs').selectAll().execute();
  const wanted = catalogueDefinition(options);
  for (const run of existing) {
    const stored = (typeof run.options === 'string' ? JSON.parse(run.options) : run.options) as Record<string, unknown>;
    const same = run.seed === options.seed && Object.entries(wanted).every(([key, value]) => stored[key] === value);
    if (!same) {
      const described = Object.entries(stored)
        .map(([key, value]) => `${key}=${String(value)}`)
        .join(' ');
      throw new SeedConflictError(
        `This database already holds a seeded catalogue made with other options (${described}). ` +
          'Re-run with the same options to complete it, or seed a fresh database.',
      );
    }
    return { anchorAt: run.anchor_at, outcome: run.completed_at ? 'complete' : 'resumed' };
  }
  const anchorAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  await db
    .insertInto('seed_runs')
    .values({ seed: options.seed, options: definitionJson(options), anchor_at: anchorAt })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  return { anchorAt, outcome: 'created' };
}

/**
 * The trusted bulk load (what pg_restore --disable-triggers does): each batch's transaction sets
 * session_replication_role = replica, so PostgreSQL skips the per-row foreign-key checks (each one
 * also locks the referenced row) and the triggers. Safe here because every referenced row is written by
 * this run first and its presence is counted before anything references it (users, then videos;
 * a reply's parent is in the reply's own statement). The only trigger on these tables is the search
 * trigger, whose work is done in bulk after the videos (indexUnindexedVideos). It needs a superuser
 * (PGlite's user is one); without the right the load runs checked, just slower.
 */
export const TRUSTED_LOAD = sql`select set_config('session_replication_role', 'replica', true)`;

export async function trustedLoadAllowed(db: Kysely<DB>): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      await TRUSTED_LOAD.execute(trx);
    });
    return true;
  } catch {
    return false;
  }
}

/** Fails the run unless every id of the kind under this seed is in the table. */
export async function requirePresent(
  db: Kysely<DB>,
  ids: SeedIds,
  kind: 'user' | 'video',
  expected: number,
): Promise<void> {
  const [low, high] = ids.range(kind);
  const table = kind === 'user' ? 'users' : 'videos';
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(table)} where id between ${low} and ${high}`.execute(db);
  if (Number(rows[0]!.n) !== expected) {
    throw new Error(
      `Only ${rows[0]!.n} of ${expected} seeded ${table} are in the database: ` +
        (kind === 'user' ? 'a seeded username or email is taken by an existing account, or ' : '') +
        `seeded ${table} were deleted since the interrupted run. Seed a fresh database.`,
    );
  }
}
