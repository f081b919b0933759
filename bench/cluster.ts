/**
 * Cluster fault drills (scripts/cluster.sh): reads and writes under load while an API process or a worker is killed -9, Redis restarts and the replica stops.
 *
 * npm run bench -- cluster [--seconds N] [--keep]   (brings the cluster up unless one is up; --keep leaves it up)
 * For each drill: client-visible read errors (goal 0: the balancer retries idempotent requests), write
 * attempts that failed cleanly and were retried with the same Idempotency-Key, and after the drill
 * every acknowledged write is read back. Exits 1 when a read failed or an acknowledged write is missing.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonResult } from 'autocannon';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, keep: { type: 'boolean', default: false } },
});
const seconds = Number(values.seconds);
const EDGE = `http://127.0.0.1:${process.env.STREAMHUB_CLUSTER_EDGE_PORT ?? 18080}`;
const cluster = (...args: string[]) =>
  execFileSync('bash', ['scripts/cluster.sh', ...args], { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => loadavg()[0]!.toFixed(1);

async function call(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${EDGE}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, json: (await response.json().catch(() => undefined)) as any };
}

async function account(): Promise<{ id: string; token: string }> {
  const username = `drill${randomBytes(4).toString('hex')}`;
  const registered = await call('POST', '/api/v1/auth/register', undefined, {
    username,
    email: `${username}@example.com`,
    password: 'a long enough password',
  });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status}`);
  return { id: registered.json.data.user.id, token: registered.json.data.accessToken };
}

/** Creates playlists one after another; a failed attempt is retried with the same Idempotency-Key. */
function writeStream(user: { token: string }) {
  const acked: string[] = [];
  let failedAttempts = 0;
  let stop = false;
  const done = (async () => {
    while (!stop) {
      const key = randomBytes(8).toString('hex');
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          const created = await call(
            'POST',
            '/api/v1/playlists',
            user.token,
            { title: `drill ${key}` },
            { 'idempotency-key': key },
          );
          if (created.status === 201) {
            acked.push(created.json.data.id);
            break;
          }
          failedAttempts++;
        } catch {
          failedAttempts++;
        }
        await sleep(200);
      }
    }
  })();
  return {
    acked,
    get failedAttempts() {
      return failedAttempts;
    },
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

/**
 * Anonymous reads may be stale (a replica, the response cache): the drills start once the drill account's
 * public profile is served everywhere, so a read error is a fault's doing, not replication lag.
 */
async function untilPublic(path: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const answers = await Promise.all(Array.from({ length: 4 }, () => call('GET', path)));
    if (answers.every((answer) => answer.status === 200)) return;
    await sleep(500);
  }
  throw new Error(`${path} was not served to anonymous readers within 60 s`);
}

interface DrillResult {
  drill: string;
  reads: number;
  readErrors: number;
  /** What the failed reads were: status codes other than 2xx, transport errors and timeouts. */
  readErrorKinds: string;
  writesAcked: number;
  writeAttemptsFailed: number;
  missingWrites: number;
  load: string;
}

function describeReadErrors(result: AutocannonResult): string {
  const kinds = Object.entries(result.statusCodeStats)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, stats]) => `${code}×${stats.count}`);
  if (result.errors) kinds.push(`errors×${result.errors}`);
  if (result.timeouts) kinds.push(`timeouts×${result.timeouts}`);
  return kinds.join(' ') || '-';
}

async function drill(
  name: string,
  user: { id: string; token: string },
  fault: () => void,
  repair: () => void,
): Promise<DrillResult> {
  const writes = writeStream(user);
  const reads = autocannon({
    url: EDGE,
    connections: 8,
    duration: seconds,
    timeout: 15,
    requests: [
      { method: 'GET', path: `/api/v1/users/${user.id}` },
      { method: 'GET', path: '/api/v1/videos/trending' },
    ],
  });
  await sleep(Math.min(3000, (seconds * 1000) / 3));
  fault();
  const result = await reads;
  await writes.stop();
  repair();
  // Every acknowledged write must be there (read by its writer: read-your-writes, so the primary or a caught-up replica).
  let missing = 0;
  for (const id of writes.acked) {
    const found = await call('GET', `/api/v1/playlists/${id}`, user.token);
    if (found.status !== 200) missing++;
  }
  return {
    drill: name,
    reads: result.requests.total,
    readErrors: result.non2xx + result.errors + result.timeouts,
    readErrorKinds: describeReadErrors(result),
    writesAcked: writes.acked.length,
    writeAttemptsFailed: writes.failedAttempts,
    missingWrites: missing,
    load: load(),
  };
}

const alreadyUp = (() => {
  try {
    cluster('status');
    return true;
  } catch {
    return false;
  }
})();
if (!alreadyUp) {
  // Every drill client comes from 127.0.0.1: the per-IP limit would answer 429 instead of measuring faults.
  process.env.STREAMHUB_CLUSTER_RATE_LIMIT ??= '10000000';
  console.log(`bringing the cluster up (load ${load()})`);
  cluster('up');
}
try {
  const user = await account();
  await untilPublic(`/api/v1/users/${user.id}`);
  const results: DrillResult[] = [];
  results.push(
    await drill(
      'baseline (no fault)',
      user,
      () => undefined,
      () => undefined,
    ),
  );
  results.push(
    await drill(
      'kill -9 api1',
      user,
      () => cluster('kill', 'api1'),
      () => cluster('restart', 'api1'),
    ),
  );
  results.push(
    await drill(
      'kill -9 worker1',
      user,
      () => cluster('kill', 'worker1'),
      () => cluster('restart', 'worker1'),
    ),
  );
  results.push(
    await drill(
      'restart Redis',
      user,
      () => {
        cluster('stop', 'redis');
        cluster('start', 'redis');
      },
      () => undefined,
    ),
  );
  results.push(
    await drill(
      'stop the replica',
      user,
      () => cluster('stop', 'replica'),
      () => cluster('start', 'replica'),
    ),
  );
  console.table(results);
  const failed = results.filter((result) => result.readErrors > 0 || result.missingWrites > 0);
  if (failed.length) {
    console.error(`drills with failed reads or lost writes: ${failed.map((result) => result.drill).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  if (!alreadyUp && !values.keep) cluster('down');
}
