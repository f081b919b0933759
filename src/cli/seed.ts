import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { createPlatform } from '../platform/platform.ts';
import { closeServices, createServices } from '../modules/services.ts';
import { deriveDiscovery, SEEDED_FEED_DAYS, type DerivedDiscovery } from '../modules/seed/derive-discovery.ts';
import {
  DEFAULT_SEED_OPTIONS,
  resolveSeedOptions,
  SEED_PASSWORD,
  SeedOptionsError,
  type SeedOptions,
} from '../modules/seed/options.ts';
import { terminalProgress } from '../modules/seed/progress.ts';
import { SeedConflictError, seedCatalogue, type SeedReport } from '../modules/seed/seed.ts';
import { runSeedAnalyticsCommand } from './seed-analytics.ts';

const d = DEFAULT_SEED_OPTIONS;

export const SEED_USAGE = `Usage: streamhub seed [options]

Generates a realistic catalogue into the configured database (DATA_DIR or DATABASE_URL) and object
storage: channels and viewers, a power-law follower graph, ready videos that all play one shared
sample HLS rendition (made once with ffmpeg), and likes, comments, watch history and daily view
statistics in proportion to each video's popularity. Deterministic: the same options give the same
catalogue, and running it again completes an interrupted run or, once complete, adds nothing.

Options:
  --users N                 accounts (default ${d.users.toLocaleString('en-US')})
  --videos N                videos (default ${d.videos.toLocaleString('en-US')})
  --seed S                  random seed (default ${d.seed})
  --channel-share F         share of users that are channels (default ${d.channelShare})
  --views-per-video N       mean views per video (default ${d.viewsPerVideo})
  --likes-per-video N       mean likes per video (default ${d.likesPerVideo})
  --comments-per-video N    mean comments per video, a quarter of them replies (default ${d.commentsPerVideo})
  --history-per-video N     mean watch-history rows per video (default ${d.historyPerVideo})
  --batch-size N            rows per INSERT / transaction (default ${d.batchSize.toLocaleString('en-US')})
  --check-foreign-keys      keep PostgreSQL's per-row foreign-key checks (by default a superuser
                            connection loads like pg_restore --disable-triggers: faster, and safe
                            because the seed writes every referenced row first)

Every seeded account's password is "${SEED_PASSWORD}"; emails are <username>@example.com.
`;

const FLAGS: Record<string, keyof SeedOptions> = {
  users: 'users',
  videos: 'videos',
  seed: 'seed',
  'channel-share': 'channelShare',
  'views-per-video': 'viewsPerVideo',
  'likes-per-video': 'likesPerVideo',
  'comments-per-video': 'commentsPerVideo',
  'history-per-video': 'historyPerVideo',
  'batch-size': 'batchSize',
};

function parseSeedArgs(args: string[]): { options: SeedOptions; checkForeignKeys: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }])),
      'check-foreign-keys': { type: 'boolean' },
    },
    strict: true,
  });
  const given: Partial<SeedOptions> = {};
  for (const [flag, key] of Object.entries(FLAGS)) {
    const raw = (values as Record<string, string | boolean | undefined>)[flag];
    if (typeof raw !== 'string') continue;
    const value = Number(raw.replace(/_/g, ''));
    if (raw.trim() === '' || !Number.isFinite(value))
      throw new SeedOptionsError(`--${flag} must be a number, got "${raw}"`);
    given[key] = value;
  }
  return { options: resolveSeedOptions(given), checkForeignKeys: values['check-foreign-keys'] === true };
}

function printDerived(derived: DerivedDiscovery): void {
  process.stdout.write(
    `Trending: ${derived.trendingBuckets.toLocaleString('en-US')} activity buckets, rankings refreshed in ${derived.refreshMs} ms.\n`,
  );
  process.stdout.write(
    `Subscriptions feeds: ${derived.feedEntries.toLocaleString('en-US')} entries from ${derived.feedVideos.toLocaleString('en-US')} uploads of the last ${SEEDED_FEED_DAYS} days.\n`,
  );
  process.stdout.write(`Recommendations: ${derived.cowatchPairs.toLocaleString('en-US')} co-watch pairs.\n`);
}

function printReport(report: SeedReport): void {
  if (report.outcome === 'complete') {
    process.stdout.write(
      `Nothing to add: the catalogue of seed ${report.seed} is already complete (anchor ${report.anchorAt.toISOString()}).\n`,
    );
    return;
  }
  const width = Math.max(...report.tables.map((table) => table.table.length));
  const lines = report.tables.map(
    (table) =>
      `  ${table.table.padEnd(width)}  ${table.inserted.toLocaleString('en-US').padStart(11)} added of ${table.offered.toLocaleString('en-US')}`,
  );
  const verb = report.outcome === 'resumed' ? 'Completed an interrupted catalogue' : 'Seeded a catalogue';
  process.stdout.write(
    `${verb} (seed ${report.seed}, anchor ${report.anchorAt.toISOString()}) in ${report.seconds.toFixed(1)} s:\n${lines.join('\n')}\n`,
  );
  if (report.inserted === 0) process.stdout.write('Nothing to add: every row was already there.\n');
  process.stdout.write(`Sign in as any seeded user with the password "${SEED_PASSWORD}".\n`);
}

/** `streamhub seed`: see SEED_USAGE and docs/OPERATIONS.md "Seeding". */
export async function runSeedCommand(config: Config, args: string[]): Promise<number> {
  if (args.includes('--analytics')) return runSeedAnalyticsCommand(config, args);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(SEED_USAGE);
    return 0;
  }
  let parsed: ReturnType<typeof parseSeedArgs>;
  try {
    parsed = parseSeedArgs(args);
  } catch (error) {
    if (error instanceof SeedOptionsError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n\n${SEED_USAGE}`);
      return 1;
    }
    throw error;
  }
  // Warnings only, and no slow-query warnings: the seed reports its own progress, and each of its bulk
  // statements writes thousands of rows on purpose.
  const platform = await createPlatform({
    ...config,
    logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
    database: { ...config.database, slowQueryMs: 3_600_000 },
  });
  const progress = terminalProgress();
  try {
    const report = await seedCatalogue(
      { database: platform.database, storage: platform.storage },
      parsed.options,
      progress,
      { foreignKeyChecks: parsed.checkForeignKeys ? 'always' : 'skip-when-allowed' },
    );
    progress.close();
    printReport(report);
    if (report.outcome !== 'complete') {
      const services = createServices(platform);
      try {
        printDerived(await deriveDiscovery(platform.database.db, services));
      } finally {
        await closeServices(services);
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof SeedConflictError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    progress.close();
    await platform.close();
  }
}
