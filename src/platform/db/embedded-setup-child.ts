/**
 * Child-process entry of prepareNewEmbeddedDatabase (embedded-setup.ts): creates the embedded
 * database in the data directory given as the only argument, applies every migration, and prints
 * the applied versions as one JSON line on stdout.
 */
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: embedded-setup-child <data dir>');
const database = await openDatabase({ dataDir });
try {
  process.stdout.write(`${JSON.stringify(await migrate(database))}\n`);
} finally {
  await database.close();
}
