// First, so it runs before any other module loads (see the file).
import { releaseYoungGeneration } from './platform/lifecycle/start-heap-hold.ts';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { SEED_PASSWORD } from './modules/seed/options.ts';

const USAGE = `Usage: streamhub <command>

Commands:
  serve                  start the HTTP API (and, in embedded mode, the job workers)
  worker                 run job workers only (scale-out mode)
  live                   run the RTMP live ingest only (scale-out mode; docs/LIVE.md)
  migrate                apply database migrations and exit
  admin create-user      create an account: --email --username --password [--role admin|creator|viewer]
  rebuild [likes|comments|subscriptions|search|trending|feeds|analytics|recommendations|leaderboards|storage-usage]
                         recompute derived data from its source rows (all projections by default)
  ai reprocess <videoId>... | --all
                         queue a fresh AI analysis (transcript, captions, summary, chapters, embeddings)
  seed [--users N] [--videos N] [--seed S] ...
                         generate a realistic, deterministic catalogue (streamhub seed --help; seeded
                         accounts sign in with the password "${SEED_PASSWORD}")
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  if (command !== 'serve' || !config.holdYoungGenerationAtStart) releaseYoungGeneration();
  // Each command loads only its own modules: `serve` never loads the seed's vocabulary, for example.
  switch (command) {
    case 'serve':
      return (await import('./cli/serve.ts')).runServeCommand(config, {
        releaseYoungGeneration: config.holdYoungGenerationAtStart ? releaseYoungGeneration : undefined,
      });
    case 'worker':
      return (await import('./cli/worker.ts')).runWorkerCommand(config);
    case 'live':
      return (await import('./cli/live.ts')).runLiveCommand(config);
    case 'migrate':
      return (await import('./cli/migrate.ts')).runMigrateCommand(config);
    case 'admin':
      return (await import('./cli/admin.ts')).runAdminCommand(config, rest, parseArgs);
    case 'rebuild':
      return (await import('./cli/rebuild.ts')).runRebuildCommand(config, rest);
    case 'ai':
      return (await import('./cli/ai.ts')).runAiCommand(config, rest);
    case 'seed':
      return (await import('./cli/seed.ts')).runSeedCommand(config, rest);
    default:
      process.stderr.write(`Unknown command "${command}"\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`StreamHub cannot start. ${error.message}\n`);
    } else {
      process.stderr.write(`StreamHub failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
