/**
 * Time to seed a catalogue (`streamhub seed`, default 50,000 users / 200,000 videos) into a fresh database, on
 * PGlite and PostgreSQL (when DATABASE_URL is set); goal < 3 min.
 *
 * Environment: BENCH_USERS (50000), BENCH_VIDEOS (200000), BENCH_SEED (1), BENCH_KINDS (pglite,postgres: which
 * of the available backends), BENCH_SEARCH_INDEXING (bulk | trigger: how the search index is filled),
 * BENCH_KEEP=1 (keep the seeded databases and print how to point `npm run bench -- search` at them).
 *
 * The sample rendition is made once (ffmpeg) before the clock starts, so the figure is the database work;
 * the seed reuses it from the same data directory.
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { resolveSeedOptions } from '../src/modules/seed/options.ts';
import { lineProgress } from '../src/modules/seed/progress.ts';
import { ensureSampleMedia } from '../src/modules/seed/sample-media.ts';
import { seedCatalogue, type SeedReport } from '../src/modules/seed/seed.ts';
import { createObjectStorage } from '../src/platform/storage/create-storage.ts';
import { benchDatabaseKinds, prepareBenchDatabase } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';

const options = resolveSeedOptions({
  users: Math.round(envNumber('BENCH_USERS', 50_000)),
  videos: Math.round(envNumber('BENCH_VIDEOS', 200_000)),
  seed: Math.round(envNumber('BENCH_SEED', 1)),
  batchSize: Math.round(envNumber('BENCH_BATCH', 10_000)),
});
const searchIndexing = process.env.BENCH_SEARCH_INDEXING === 'trigger' ? 'trigger' : 'bulk';
const keep = process.env.BENCH_KEEP === '1';
const wantedKinds = process.env.BENCH_KINDS?.split(',').map((kind) => kind.trim());
const kinds = benchDatabaseKinds().filter((kind) => !wantedKinds || wantedKinds.includes(kind));

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
const log = (line: string) => process.stderr.write(`  ${line}\n`);

interface Result {
  kind: string;
  report: SeedReport;
  loadBefore: string;
  loadAfter: string;
  env: Record<string, string>;
}

const results: Result[] = [];
for (const kind of kinds) {
  const loadBefore = load();
  log(
    `${kind}: seeding ${options.users.toLocaleString('en-US')} users / ${options.videos.toLocaleString('en-US')} videos (load ${loadBefore})`,
  );
  const prepared = await prepareBenchDatabase(kind, async (_db, { database, dataDir }) => {
    const storage = await createObjectStorage({ dataDir });
    await ensureSampleMedia(storage);
    const report = await seedCatalogue(
      { database, storage },
      options,
      lineProgress((line) => log(`${kind}: ${line}`)),
      { searchIndexing, foreignKeyChecks: process.env.BENCH_FK_CHECKS === '1' ? 'always' : 'skip-when-allowed' },
    );
    const sizes = await sql<{ bytes: number }>`select pg_database_size(current_database())::bigint as bytes`.execute(
      database.db,
    );
    log(`${kind}: database size ${(Number(sizes.rows[0]!.bytes) / 2 ** 20).toFixed(0)} MiB`);
    return report;
  });
  results.push({ kind, report: prepared.seeded, loadBefore, loadAfter: load(), env: prepared.env });
  if (!keep) await prepared.drop();
}

const phaseNames = [...new Set(results.flatMap((result) => result.report.phases.map((phase) => phase.name)))].filter(
  (name) => name !== 'sample media',
);
console.log(
  `\nseed ${options.seed}: ${options.users.toLocaleString('en-US')} users, ${options.videos.toLocaleString('en-US')} videos, search indexing: ${searchIndexing}; ` +
    `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}\n`,
);
console.log(
  markdownTable(
    ['database', 'total s', ...phaseNames.map((name) => `${name} s`), 'rows', 'rows/s', 'load before', 'load after'],
    results.map(({ kind, report, loadBefore, loadAfter }) => {
      const rows = report.tables.reduce((sum, table) => sum + table.inserted, 0);
      return [
        kind,
        report.seconds.toFixed(1),
        ...phaseNames.map((name) => report.phases.find((phase) => phase.name === name)?.seconds.toFixed(1) ?? '–'),
        rows.toLocaleString('en-US'),
        Math.round(rows / report.seconds).toLocaleString('en-US'),
        loadBefore,
        loadAfter,
      ];
    }),
    ['left', ...phaseNames.map(() => 'right' as const), 'right', 'right', 'right', 'right', 'right'],
  ),
);
console.log(
  '\nPhases "subscriptions" and "videos" … "engagement" run side by side, so the phases add up to more than the total.\n',
);
console.log(
  markdownTable(
    ['table', ...results.map((result) => `${result.kind} rows`)],
    (results[0]?.report.tables ?? []).map((table) => [
      table.table,
      ...results.map((result) =>
        (result.report.tables.find((other) => other.table === table.table)?.inserted ?? 0).toLocaleString('en-US'),
      ),
    ]),
    ['left', ...results.map(() => 'right' as const)],
  ),
);
if (keep) {
  console.log('\nKept the seeded databases. Search on them with:');
  for (const { kind, env } of results) {
    console.log(
      `  ${Object.entries(env)
        .map(([key, value]) => `SEARCH_BENCH_${key}=${value}`)
        .join(' ')} npm run bench -- search   # ${kind}`,
    );
  }
}
