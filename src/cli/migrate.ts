import type { Config } from '../config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createLogger } from '../platform/observability/logger.ts';

export async function runMigrateCommand(config: Config): Promise<number> {
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({ url: config.database.url, dataDir: config.dataDir, logger });
  try {
    const applied = await migrate(database, logger);
    process.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'Database is up to date\n');
    return 0;
  } finally {
    await database.close();
  }
}
