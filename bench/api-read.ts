/**
 * Throughput and p50/p99 latency of GET /api/v1/users/:id vs a bare Fastify route, on PGlite and PostgreSQL.
 *
 * Each target server runs in its own child process (bench/support/serve-target.ts) and is loaded one at
 * a time by autocannon from this process, so the load generator never shares the server's event loop.
 * Targets, measured in the same run:
 *   - bare:              a plain Fastify app answering the same path with a constant (the ceiling);
 *   - bare + pg:         a plain Fastify app running the real route's SELECT through `pg` (pool 10) on the
 *                        PostgreSQL bench database (the limit for a database read; needs DATABASE_URL);
 *   - real (PGlite):     the full app on an on-disk PGlite data directory;
 *   - real (PostgreSQL): the full app on a fresh database next to DATABASE_URL's (when it is set).
 * Each real target is seeded with BENCH_USERS users and hit on random ids from that list.
 *
 * Environment: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (50), BENCH_USERS (1000),
 * BENCH_ROUNDS (1; more rounds alternate the targets and keep each one's best), BENCH_TARGETS (bare,bare-pg,pglite,postgres), BENCH_CPU_PROF=<dir> (write a V8 CPU profile per target),
 * DATABASE_POOL_SIZE (passed through to the real server), DATABASE_URL (enables PostgreSQL),
 * BENCH_JSON=<file> (also write the ratios as JSON, for the smoke guard).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import autocannon, { type AutocannonResult } from 'autocannon';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { hashPassword } from '../src/platform/security/passwords.ts';
import { benchDatabaseKinds, prepareBenchDatabase, type BenchDatabase } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';
import { scaleModeNodeFlags } from './support/scale-node-options.ts';
import { startTarget, stopAllTargets, type TargetMode, type TargetProcess } from './support/target-process.ts';

const SECONDS = envNumber('BENCH_SECONDS', 10);
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 3);
const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 50));
const USERS = Math.round(envNumber('BENCH_USERS', 1000));
const ROUNDS = Math.round(envNumber('BENCH_ROUNDS', 1));
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF || undefined;
/** Goal: the real route on PostgreSQL at this share of the bare Fastify + pg route's throughput. */
const GOAL_RATIO = 0.7;
const PATH_PREFIX = '/api/v1/users/';

type TargetKey = 'bare' | 'bare-pg' | DatabaseKind;
const LABELS: Record<TargetKey, string> = {
  bare: 'bare Fastify route',
  'bare-pg': 'bare Fastify + pg (pool 10)',
  pglite: 'real (PGlite)',
  postgres: 'real (PostgreSQL)',
};

interface Measurement {
  key: TargetKey;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Server CPU over the measured window, in % of one core. */
  serverCpu: number;
  /** Server CPU time (user + system) per answered request, in microseconds: far less noisy than req/s. */
  cpuPerRequest: number;
  total: number;
  /** Requests that got no answer in time (autocannon counts these among its errors too). */
  timeouts: number;
  /** Connection errors other than timeouts, plus non-2xx answers: the run measured something broken. */
  failures: number;
}

function selectedTargets(): TargetKey[] {
  const kinds = benchDatabaseKinds();
  const available: TargetKey[] = ['bare', ...(kinds.includes('postgres') ? ['bare-pg' as const] : []), ...kinds];
  const wanted = process.env.BENCH_TARGETS?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (!wanted?.length) return available;
  for (const item of wanted) {
    if (!['bare', 'bare-pg', 'pglite', 'postgres'].includes(item))
      throw new Error(`BENCH_TARGETS: unknown target "${item}"`);
    if ((item === 'postgres' || item === 'bare-pg') && !process.env.DATABASE_URL)
      throw new Error('BENCH_TARGETS has postgres but DATABASE_URL is not set');
  }
  return available.filter((key) => wanted.includes(key));
}

/** The target server's environment: production-like, quiet, never throttled, no Redis. */
function targetEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'REDIS_URL', 'PORT', 'HOST', 'JWT_SECRET']) delete env[name];
  return {
    ...env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000000',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...extra,
  };
}

/** Inserts users directly (one scrypt hash shared by all), returning their ids. */
async function seedUsers(db: Kysely<DB>, count: number, passwordHash: string): Promise<string[]> {
  const tag = randomBytes(3).toString('hex');
  const ids: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, offset) => {
      const n = start + offset;
      return {
        username: `bench_${tag}_${n}`,
        email: `bench_${tag}_${n}@example.com`,
        password_hash: passwordHash,
        bio: `Benchmark user number ${n}, here to be read.`,
      };
    });
    const inserted = await db.insertInto('users').values(rows).returning('id').execute();
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

function load(target: TargetProcess, ids: string[], seconds: number): Promise<AutocannonResult> {
  return Promise.resolve(
    autocannon({
      url: target.baseUrl,
      connections: CONNECTIONS,
      pipelining: 1,
      duration: seconds,
      timeout: 10,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            request.path = PATH_PREFIX + ids[Math.floor(Math.random() * ids.length)];
            return request;
          },
        },
      ],
    }),
  );
}

/** One real request before loading, so a broken target fails loudly instead of benchmarking 404s. */
async function checkTarget(target: TargetProcess, key: TargetKey, id: string): Promise<void> {
  const response = await fetch(`${target.baseUrl}${PATH_PREFIX}${id}`);
  const body = (await response.json()) as { data?: { id?: string } };
  if (response.status !== 200 || (key !== 'bare' && body.data?.id !== id)) {
    throw new Error(`${LABELS[key]}: GET ${PATH_PREFIX}${id} answered ${response.status} ${JSON.stringify(body)}`);
  }
}

interface RunningTarget {
  key: TargetKey;
  target: TargetProcess;
  ids: string[];
}

async function start(key: TargetKey, mode: TargetMode, env: NodeJS.ProcessEnv, ids: string[]): Promise<RunningTarget> {
  // The PostgreSQL server and its pg anchor are measured as scale mode deploys them (scripts/cluster.sh's flags).
  const scaleMode = key === 'postgres' || key === 'bare-pg';
  const target = await startTarget(mode, {
    env,
    cpuProfDir: CPU_PROF_DIR,
    nodeFlags: scaleMode ? scaleModeNodeFlags() : [],
  });
  await checkTarget(target, key, ids[0]!);
  process.stderr.write(`${LABELS[key]}: pid ${target.pid}, port ${target.port}\n`);
  return { key, target, ids };
}

async function measure({ key, target, ids }: RunningTarget, round: number): Promise<Measurement> {
  await load(target, ids, WARMUP_SECONDS);
  const cpuBefore = await target.cpuUsage();
  const startedAt = process.hrtime.bigint();
  const result = await load(target, ids, SECONDS);
  const wallMicros = Number(process.hrtime.bigint() - startedAt) / 1000;
  const cpuAfter = await target.cpuUsage();
  const userMicros = cpuAfter.user - cpuBefore.user;
  const systemMicros = cpuAfter.system - cpuBefore.system;
  const total = result.requests.total;
  const measurement: Measurement = {
    key,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    serverCpu: ((userMicros + systemMicros) / wallMicros) * 100,
    cpuPerRequest: total ? (userMicros + systemMicros) / total : 0,
    total,
    timeouts: result.timeouts,
    failures: result.errors - result.timeouts + result.non2xx,
  };
  process.stderr.write(
    `round ${round} ${LABELS[key]}: ${Math.round(measurement.requestsPerSecond)} req/s, p50 ${measurement.p50} ms, ` +
      `p99 ${measurement.p99} ms, server CPU ${measurement.serverCpu.toFixed(0)} % (user ${(userMicros / total).toFixed(0)} + sys ${(systemMicros / total).toFixed(0)} µs/req), load ${loadAverage()}\n`,
  );
  return measurement;
}

/** Per target, the round with the highest throughput: on a shared machine noise only ever slows a run down. */
function best(measurements: Measurement[]): Measurement[] {
  const keys = [...new Set(measurements.map((m) => m.key))];
  return keys.map((key) => {
    const mine = measurements.filter((m) => m.key === key);
    const top = mine.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
    const sum = (pick: (m: Measurement) => number) => mine.reduce((total, m) => total + pick(m), 0);
    return { ...top, timeouts: sum((m) => m.timeouts), failures: sum((m) => m.failures) };
  });
}

function report(measurements: Measurement[]): string {
  const bare = measurements.find((m) => m.key === 'bare');
  const barePg = measurements.find((m) => m.key === 'bare-pg');
  const ratio = (m: Measurement, anchor: Measurement | undefined) =>
    anchor ? `${((m.requestsPerSecond / anchor.requestsPerSecond) * 100).toFixed(0)} %` : 'n/a';
  const rows = measurements.map((m) => [
    LABELS[m.key],
    Math.round(m.requestsPerSecond).toLocaleString('en-US'),
    m.p50.toFixed(m.p50 < 10 ? 1 : 0),
    m.p99.toFixed(m.p99 < 10 ? 1 : 0),
    ratio(m, bare),
    m.key === 'postgres' || m.key === 'bare-pg' ? ratio(m, barePg) : 'n/a',
    `${m.serverCpu.toFixed(0)} %`,
    m.cpuPerRequest.toFixed(0),
    m.timeouts.toLocaleString('en-US'),
    m.failures.toLocaleString('en-US'),
  ]);
  return markdownTable(
    [
      'target',
      'req/s',
      'p50 ms',
      'p99 ms',
      'ratio vs bare',
      'ratio vs bare + pg',
      'server CPU',
      'CPU µs/req',
      'timeouts',
      'errors/non-2xx',
    ],
    rows,
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
}

/**
 * Ratios of each round's real target to the anchors measured right beside it in the same round,
 * then the median over rounds: a loaded machine slows a whole round, and the ratio survives that.
 * Two kinds per pair: requests per second (`postgres/bare-pg`), and the cost side, the anchor's CPU
 * per request over the target's (`postgres/bare-pg CPU`), which depends on how much CPU the target
 * got far less than its throughput does.
 */
export function roundRatios(rounds: Measurement[][]): Record<string, number> {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const pairs: Array<[name: string, target: TargetKey, anchor: TargetKey]> = [
    ['postgres/bare-pg', 'postgres', 'bare-pg'],
    ['postgres/bare', 'postgres', 'bare'],
    ['pglite/bare', 'pglite', 'bare'],
  ];
  const ratios: Record<string, number> = {};
  for (const [name, target, anchor] of pairs) {
    const pairsInRounds = rounds.flatMap((round) => {
      const t = round.find((m) => m.key === target);
      const a = round.find((m) => m.key === anchor);
      return t && a && a.requestsPerSecond > 0 && t.cpuPerRequest > 0 ? [{ t, a }] : [];
    });
    if (!pairsInRounds.length) continue;
    ratios[name] = median(pairsInRounds.map(({ t, a }) => t.requestsPerSecond / a.requestsPerSecond));
    ratios[`${name} CPU`] = median(pairsInRounds.map(({ t, a }) => a.cpuPerRequest / t.cpuPerRequest));
  }
  return ratios;
}

function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

function goalLine(measurements: Measurement[]): string {
  const barePg = measurements.find((m) => m.key === 'bare-pg');
  const postgres = measurements.find((m) => m.key === 'postgres');
  if (!barePg || !postgres)
    return `Goal (real ≥ ${GOAL_RATIO * 100} % of bare + pg on PostgreSQL): not measured (needs the bare-pg and postgres targets; set DATABASE_URL).`;
  const ratio = postgres.requestsPerSecond / barePg.requestsPerSecond;
  return `Goal (real ≥ ${GOAL_RATIO * 100} % of bare + pg on PostgreSQL): ${ratio >= GOAL_RATIO ? 'MET' : 'MISSED'} at ${(ratio * 100).toFixed(0)} %.`;
}

async function main(): Promise<number> {
  const targets = selectedTargets();
  const cpuList = cpus();
  console.log('# API read benchmark: GET /api/v1/users/:id');
  console.log(
    `machine: ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ` +
      `load average at start ${loadAverage()}`,
  );
  console.log(
    `load: autocannon, ${CONNECTIONS} connections, pipelining 1, warm-up ${WARMUP_SECONDS} s + ${SECONDS} s per target and round, ` +
      `${ROUNDS} round(s) alternating targets${ROUNDS > 1 ? ' (best round shown)' : ''}, random ids among ${USERS} seeded users`,
  );
  console.log(
    'processes: autocannon runs in this process; each target server runs in its own child process, only one under load',
  );
  console.log(
    '           at a time (node --import tsx bench/support/serve-target.ts), LOG_LEVEL=warn, global rate limit raised, no Redis,',
  );
  console.log(
    `           DATABASE_POOL_SIZE=${process.env.DATABASE_POOL_SIZE ?? '10 (default)'}. The database server, the target and autocannon share the same cores.`,
  );
  console.log('');

  const databases: Array<BenchDatabase<string[]>> = [];
  const cleanUp = async () => {
    await stopAllTargets();
    await Promise.all(
      databases.map((database) =>
        database.drop().catch((error: unknown) => {
          process.stderr.write(`could not drop the ${database.kind} bench database: ${String(error)}\n`);
        }),
      ),
    );
  };
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });

  try {
    const passwordHash = await hashPassword('a benchmark passphrase 42');
    // The bare + pg anchor reads the PostgreSQL target's database.
    const kinds = new Set(
      targets.flatMap((key): DatabaseKind[] => (key === 'bare' ? [] : key === 'bare-pg' ? ['postgres'] : [key])),
    );
    for (const key of kinds) {
      process.stderr.write(`seeding ${USERS} users on ${key}…\n`);
      databases.push(await prepareBenchDatabase(key, (db) => seedUsers(db, USERS, passwordHash)));
    }
    // All targets are started up front (an idle one costs nothing) so rounds can alternate between them.
    const running: RunningTarget[] = [];
    for (const key of targets) {
      if (key === 'bare') {
        // The bare route ignores the id, but gets the same request stream as the real targets.
        const ids = databases[0]?.seeded ?? Array.from({ length: USERS }, () => randomUUID());
        running.push(await start(key, 'bare', targetEnv({}), ids));
      } else if (key === 'bare-pg') {
        const database = databases.find((candidate) => candidate.kind === 'postgres')!;
        running.push(await start(key, 'bare-pg', targetEnv(database.env), database.seeded));
      } else {
        const database = databases.find((candidate) => candidate.kind === key)!;
        running.push(await start(key, 'real', targetEnv(database.env), database.seeded));
      }
    }
    const rounds: Measurement[][] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const thisRound: Measurement[] = [];
      for (const target of running) thisRound.push(await measure(target, round));
      rounds.push(thisRound);
    }
    const measurements = best(rounds.flat());
    const ratios = roundRatios(rounds);
    if (process.env.BENCH_JSON)
      writeFileSync(process.env.BENCH_JSON, JSON.stringify({ bench: 'api-read', ratios, load: loadavg() }, null, 2));

    console.log(report(measurements));
    console.log('');
    console.log(goalLine(measurements));
    console.log(
      `Ratios (median over rounds of real / anchor in the same round): ${Object.entries(ratios)
        .map(([name, value]) => `${name} ${(value * 100).toFixed(0)} %`)
        .join(', ')}`,
    );
    console.log(
      `Load average at end: ${loadAverage()} (on ${cpuList.length} cores; anything near or above the core count means other work competed for the CPU).`,
    );
    if (CPU_PROF_DIR)
      console.log(`CPU profiles: ${CPU_PROF_DIR} (summarise with: tsx bench/support/cpuprofile-top.ts <file>)`);
    const slow = measurements.filter((m) => m.timeouts > 0);
    if (slow.length)
      console.log(
        `Timeouts (no answer within 10 s; the machine is overloaded): ${slow.map((m) => LABELS[m.key]).join(', ')}.`,
      );
    const failed = measurements.filter((m) => m.failures > 0);
    if (failed.length) {
      console.error(
        `connection errors or non-2xx answers on: ${failed.map((m) => LABELS[m.key]).join(', ')}; these figures are not valid`,
      );
      return 1;
    }
    return 0;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`api-read benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    void stopAllTargets().finally(() => process.exit(1));
  },
);
