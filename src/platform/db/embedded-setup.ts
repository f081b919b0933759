import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

/** The child's entry, beside this module: .ts under tsx, .js in the build. */
const CHILD_ENTRY = fileURLToPath(
  new URL(`./embedded-setup-child${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);
/** Debugger and profiler flags stay with the server (a second --inspect would fight over its port). */
const PARENT_ONLY_FLAG = /^--(inspect|cpu-prof|heap-prof)/;
/** Those of them that may take their value as the next argument. */
const FLAG_WITH_VALUE =
  /^--(inspect-port|cpu-prof-dir|cpu-prof-name|cpu-prof-interval|heap-prof-dir|heap-prof-name|heap-prof-interval)$/;

/** The server's own Node flags (e.g. tsx's loader) without its debugger and profilers. */
function childFlags(execArgv: string[]): string[] {
  const flags: string[] = [];
  for (let i = 0; i < execArgv.length; i += 1) {
    const flag = execArgv[i]!;
    if (!PARENT_ONLY_FLAG.test(flag)) flags.push(flag);
    else if (FLAG_WITH_VALUE.test(flag)) i += 1;
  }
  return flags;
}

/**
 * Creates and migrates a new embedded (PGlite) database in a short-lived child process, so the
 * server that then opens it starts as lean as on any restart. PGlite's WebAssembly memory only
 * grows, and initdb plus every migration leave a process hundreds of MiB larger than an ordinary
 * start on the migrated directory; run in a child, that memory goes when it exits. Does nothing
 * when the data directory already holds a database (pending migrations of an upgrade run in the
 * server as before). If the child fails, the server does the work itself, as it used to.
 */
export async function prepareNewEmbeddedDatabase(dataDir: string, logger: Logger): Promise<void> {
  if (existsSync(join(dataDir, 'db', 'PG_VERSION'))) return;
  const started = performance.now();
  try {
    const applied = await runChild(dataDir);
    for (const version of applied) logger.info({ version }, 'applied migration');
    logger.info(
      { migrations: applied.length, ms: Math.round(performance.now() - started) },
      'created the embedded database in a child process',
    );
  } catch (error) {
    logger.warn({ err: error }, 'could not create the embedded database in a child process; creating it here');
  }
}

function runChild(dataDir: string): Promise<string[]> {
  const child = spawn(process.execPath, [...childFlags(process.execArgv), CHILD_ENTRY, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`embedded database setup exited with ${signal ?? code}`));
      try {
        resolve(JSON.parse(output.trim().split('\n').pop() ?? '') as string[]);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
