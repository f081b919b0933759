/**
 * Benchmark dispatcher:  npm run bench -- <name> [args…]   (or: tsx bench/run.ts <name> [args…])
 *
 * Every bench/<name>.ts is a benchmark, found at run time, so adding one needs no change here.
 * Not benchmarks: this file, declaration files, files starting with "_", and anything under a
 * subdirectory (shared helpers live in bench/support/). With no name, lists what is available
 * with the first line of each file's leading doc comment.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

function benchmarkNames(): string[] {
  return readdirSync(BENCH_DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => entry.name)
    .filter((name) => name !== 'run.ts' && !name.endsWith('.d.ts') && !name.startsWith('_'))
    .map((name) => name.slice(0, -'.ts'.length))
    .sort();
}

/** First line of the file's leading doc comment, if it has one. */
function describe(name: string): string {
  const source = readFileSync(join(BENCH_DIR, `${name}.ts`), 'utf8');
  const match = /^\s*\/\*\*\s*\n?\s*\*?\s*(.+)/.exec(source);
  return match?.[1]?.replace(/\s*\*\/\s*$/, '').trim() ?? '';
}

function usage(names: string[]): string {
  const width = Math.max(0, ...names.map((name) => name.length));
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${describe(name)}`.trimEnd());
  return [
    'Usage: npm run bench -- <name> [args…]',
    '',
    names.length ? 'Available benchmarks:' : 'No benchmarks found in bench/.',
    ...lines,
    '',
    'Results and how to read them: docs/BENCHMARKS.md',
    '',
  ].join('\n');
}

const [name, ...args] = process.argv.slice(2);
const names = benchmarkNames();

if (!name || name === '--help' || name === '-h' || name === 'list') {
  process.stdout.write(usage(names));
} else if (!names.includes(name)) {
  process.stderr.write(`Unknown benchmark "${name}".\n\n${usage(names)}`);
  process.exitCode = 2;
} else {
  // Its own process: a benchmark gets a clean event loop, its own argv and its own exit code.
  const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, `${name}.ts`), ...args], {
    stdio: 'inherit',
  });
  // Ctrl-C reaches the child through the terminal's process group; let it clean up, then exit with it.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
  });
}
