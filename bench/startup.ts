/**
 * Start time and resident memory of `streamhub serve` (embedded): built `node dist/main.js` and tsx.
 *
 * For each runner it starts the server twice on one data directory: first on an empty one (initdb and
 * every migration run), then again on the migrated one (an ordinary restart). It times `serve` to a
 * 200 from /ready, reads VmRSS and VmHWM from /proc 10 s later (idle), then makes one semantic search,
 * which loads the sentence encoder (the first AI use), and reads RSS again. Between the two it puts the
 * api-read load on the server (GET /api/v1/users/:id of a registered user, 10 connections, autocannon)
 * for BENCH_STARTUP_LOAD_SECONDS and reports the highest RSS sampled during it. Needs `npm run build:server`
 * for the built runner. Environment: BENCH_STARTUP_RUNNERS (built,tsx), BENCH_STARTUP_IDLE_SECONDS (10),
 * BENCH_STARTUP_LOAD_SECONDS (10), BENCH_PORT.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { envNumber, markdownTable } from './support/options.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const IDLE_SECONDS = envNumber('BENCH_STARTUP_IDLE_SECONDS', 10);
const LOAD_SECONDS = envNumber('BENCH_STARTUP_LOAD_SECONDS', 10);
const RUNNERS: Record<string, string[]> = {
  built: [join(ROOT, 'dist/main.js'), 'serve'],
  tsx: ['--import', 'tsx', join(ROOT, 'src/main.ts'), 'serve'],
};
const wanted = (process.env.BENCH_STARTUP_RUNNERS ?? 'built,tsx').split(',').map((name) => name.trim());
const load = () => loadavg()[0]!.toFixed(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024);

async function run(runner: string, dataDir: string, port: number): Promise<string[]> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'REDIS_KEY_PREFIX', 'WORKERS_IN_PROCESS', 'JWT_SECRET'])
    delete env[name];
  const child = spawn(process.execPath, RUNNERS[runner]!, {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      // The read load comes from one address: the default per-address limit would answer it with 429s.
      RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000000',
      DATA_DIR: dataDir,
      PORT: String(port),
      LIVE_RTMP_PORT: String(port + 1),
    },
  });
  try {
    const started = performance.now();
    const base = `http://127.0.0.1:${port}`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${runner}: serve exited with ${child.exitCode}`);
      const ok = await fetch(`${base}/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) break;
      await sleep(200);
    }
    const readySeconds = (performance.now() - started) / 1000;
    const loadAtReady = load();
    await sleep(IDLE_SECONDS * 1000);
    const idle = mib(child.pid!, 'VmRSS');
    const idlePeak = mib(child.pid!, 'VmHWM');
    const underLoad = await readLoad(base, child.pid!);
    const aiStarted = performance.now();
    const search = await fetch(`${base}/api/v1/search?q=${encodeURIComponent('baking bread')}&mode=semantic`);
    const aiSeconds = (performance.now() - aiStarted) / 1000;
    if (!search.ok) throw new Error(`${runner}: semantic search answered ${search.status}`);
    await sleep(2000);
    return [
      readySeconds.toFixed(1),
      String(idle),
      String(idlePeak),
      underLoad.requestsPerSecond.toLocaleString('en-US'),
      String(underLoad.peakRss),
      aiSeconds.toFixed(1),
      String(mib(child.pid!, 'VmRSS')),
      `${loadAtReady} → ${load()}`,
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/**
 * The api-read load (a signed-up user's public profile, over and over) for LOAD_SECONDS, sampling the
 * server's RSS every 250 ms: requests per second and the highest RSS seen.
 */
async function readLoad(base: string, pid: number): Promise<{ requestsPerSecond: number; peakRss: number }> {
  const signup = await fetch(`${base}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: `bench_${pid}`,
      email: `bench_${pid}@example.com`,
      password: 'a sturdy passphrase 42',
    }),
  });
  if (!signup.ok) throw new Error(`registering the read target answered ${signup.status}`);
  const { data } = (await signup.json()) as { data: { user: { id: string } } };
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, mib(pid, 'VmRSS'))), 250);
  try {
    const result = await autocannon({
      url: `${base}/api/v1/users/${data.user.id}`,
      connections: 10,
      duration: LOAD_SECONDS,
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`the read load got ${result.non2xx} non-2xx and ${result.errors} errors`);
    return { requestsPerSecond: Math.round(result.requests.average), peakRss: Math.max(peakRss, mib(pid, 'VmRSS')) };
  } finally {
    clearInterval(sampler);
  }
}

const rows: string[][] = [];
// BENCH_PORT: the first port to use (each start takes the next two: HTTP and RTMP).
let port = envNumber('BENCH_PORT', 21300 + Math.floor(Math.random() * 50) * 2);
for (const runner of wanted) {
  if (!RUNNERS[runner]) throw new Error(`unknown runner ${runner} (built, tsx)`);
  if (runner === 'built' && !existsSync(RUNNERS.built![0]!)) throw new Error('run `npm run build:server` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'streamhub-bench-startup-'));
  try {
    for (const start of ['first start (empty data dir)', 'restart (migrated data dir)']) {
      process.stderr.write(`${runner}: ${start}…\n`);
      rows.push([runner, start, ...(await run(runner, dataDir, (port += 2)))]);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
process.stdout.write(
  markdownTable(
    [
      'runner',
      'start',
      'serve → /ready s',
      `idle RSS MiB (+${IDLE_SECONDS} s)`,
      'peak RSS MiB',
      `reads/s under the api-read load (${LOAD_SECONDS} s)`,
      'highest RSS under that load MiB',
      'first semantic search s',
      'RSS after it MiB',
      'load (1 min)',
    ],
    rows,
  ) + '\nGoal: idle RSS < 300 MB (286 MiB) for the embedded server.\n',
);
