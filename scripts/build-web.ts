/**
 * Builds the web app into web/dist with Vite.  tsx scripts/build-web.ts [--if-stale]
 * With --if-stale it builds only when web/dist is missing or older than the app's sources, so
 * `npm start` stays fast when nothing changed.
 */
import { execFile } from 'node:child_process';
import { closeSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const WEB_DIR = fileURLToPath(new URL('../web', import.meta.url));
const BUILT_MARKER = join(WEB_DIR, 'dist', 'index.html');
const BUILD_LOCK = join(WEB_DIR, '.build-lock');
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 5 * 60_000;
const SOURCES = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'vite-plugin-service-worker.ts',
  'vite-plugin-precompress.ts',
  'tsconfig.json',
].map((name) => join(WEB_DIR, name));

function newestChange(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export function webBuildIsStale(): boolean {
  const built = statSync(BUILT_MARKER, { throwIfNoEntry: false });
  return !built || Math.max(...SOURCES.map(newestChange)) > built.mtimeMs;
}

/**
 * Runs `vite build` in its own process with NODE_ENV=production: an inherited NODE_ENV (tests run
 * with `test`) would otherwise make Vite and the React plugin bundle React's development build.
 */
export async function buildWeb(): Promise<void> {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--config', join(WEB_DIR, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

/** Runs `work` while holding a lock file, so test files started together build the app once. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      closeSync(openSync(BUILD_LOCK, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(BUILD_LOCK, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(BUILD_LOCK, { force: true });
  }
}

/** Builds when stale; answers whether it built. Concurrent callers wait for one build. */
export async function ensureWebBuilt(): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  return withBuildLock(async () => {
    if (!webBuildIsStale()) return false;
    await buildWeb();
    return true;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const onlyIfStale = process.argv.includes('--if-stale');
  if (onlyIfStale) {
    if (await ensureWebBuilt()) console.log('Built the web app into web/dist');
  } else {
    await buildWeb();
    console.log('Built the web app into web/dist');
  }
}
