/**
 * Cluster fault drills (scripts/cluster.sh): reads and writes under load while an API process or a worker is killed -9, Redis restarts and the replica stops.
 *
 * npm run bench -- cluster [--seconds N] [--keep]   (brings the cluster up unless one is up; --keep leaves it up)
 * For each drill: client-visible read errors (goal 0: the balancer retries idempotent requests), and a
 * stream of writes (playlists and comments with an Idempotency-Key, like toggles on an uploaded video):
 * attempts that failed cleanly were retried, and after the drill every acknowledged write is read back.
 * Exits 1 when a read failed or an acknowledged write is missing.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonResult } from 'autocannon';
import {
  account,
  call,
  cluster,
  clusterIsUp,
  EDGE,
  load,
  makeClip,
  sleep,
  uploadClip,
} from './support/cluster-client.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, keep: { type: 'boolean', default: false } },
});
const seconds = Number(values.seconds);

type Account = Awaited<ReturnType<typeof account>>;

/** A short public video, uploaded through the edge and transcoded by the cluster's workers: what the writes touch. */
async function readyVideo(creator: Account): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'streamhub-drill-'));
  try {
    const created = await call('POST', '/api/v1/videos', creator.token, { title: 'Drill video', visibility: 'public' });
    if (created.status !== 201) throw new Error(`create video: ${created.status}`);
    const videoId: string = created.json.data.video.id;
    await uploadClip(creator.token, videoId, makeClip(dir, 2));
    for (let attempt = 0; attempt < 240; attempt++) {
      const status = (await call('GET', `/api/v1/videos/${videoId}`, creator.token)).json?.data?.status;
      if (status === 'ready') return videoId;
      if (status === 'failed') throw new Error('the drill video failed to process');
      await sleep(500);
    }
    throw new Error('the drill video was not ready within 120 s');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One write a drill makes and how to find it afterwards (by its writer: read-your-writes). */
interface AckedWrite {
  kind: 'playlist' | 'comment' | 'like';
  check: () => Promise<boolean>;
}

/**
 * Writes one after another, in turn a playlist, a comment and a like toggle on the drill video; a failed
 * attempt is retried with the same Idempotency-Key (a toggle is idempotent by itself: it sets a state).
 */
function writeStream(user: Account, videoId: string) {
  const acked: AckedWrite[] = [];
  let failedAttempts = 0;
  let stop = false;
  let liked = false;
  const attempt = async (turn: number, key: string): Promise<AckedWrite | undefined> => {
    const options = { 'idempotency-key': key };
    if (turn % 3 === 0) {
      const created = await call('POST', '/api/v1/playlists', user.token, { title: `drill ${key}` }, options);
      const id = created.json?.data?.id;
      if (created.status !== 201) return undefined;
      return {
        kind: 'playlist',
        check: async () => (await call('GET', `/api/v1/playlists/${id}`, user.token)).status === 200,
      };
    }
    if (turn % 3 === 1) {
      const created = await call('POST', '/api/v1/comments', user.token, { videoId, text: `drill ${key}` }, options);
      const id = created.json?.data?.id;
      if (created.status !== 201) return undefined;
      return {
        kind: 'comment',
        check: async () => (await call('GET', `/api/v1/comments/${id}`, user.token)).status === 200,
      };
    }
    const toggled = await call(liked ? 'DELETE' : 'POST', `/api/v1/videos/${videoId}/like`, user.token);
    if (toggled.status !== 200) return undefined;
    liked = !liked;
    const expected = liked;
    // Only the last toggle's state must hold at the end; an earlier one was overwritten on purpose.
    return {
      kind: 'like',
      check: async () =>
        expected !== liked ||
        (await call('GET', `/api/v1/videos/${videoId}`, user.token)).json?.data?.hasLiked === expected,
    };
  };
  const done = (async () => {
    for (let turn = 0; !stop; turn++) {
      const key = randomBytes(8).toString('hex');
      for (let tries = 0; tries < 20; tries++) {
        const write = await attempt(turn, key).catch(() => undefined);
        if (write) {
          acked.push(write);
          break;
        }
        failedAttempts++;
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
  /** Which writes were missing when their writer read them back (playlist, comment, like). */
  missingKinds: string;
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
  user: Account,
  videoId: string,
  fault: () => void,
  repair: () => void,
): Promise<DrillResult> {
  const writes = writeStream(user, videoId);
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
  const missing = new Map<AckedWrite['kind'], number>();
  for (const write of writes.acked) {
    if (!(await write.check())) missing.set(write.kind, (missing.get(write.kind) ?? 0) + 1);
  }
  return {
    drill: name,
    reads: result.requests.total,
    readErrors: result.non2xx + result.errors + result.timeouts,
    readErrorKinds: describeReadErrors(result),
    writesAcked: writes.acked.length,
    writeAttemptsFailed: writes.failedAttempts,
    missingWrites: [...missing.values()].reduce((sum, count) => sum + count, 0),
    missingKinds: [...missing].map(([kind, count]) => `${kind}×${count}`).join(' ') || '-',
    load: load(),
  };
}

// Set before any process starts, including those a drill restarts in a cluster that was already up.
// Every drill client comes from 127.0.0.1: the per-IP limit would answer 429 instead of measuring faults.
process.env.STREAMHUB_CLUSTER_RATE_LIMIT ??= '10000000';
// One writer posts a comment every few hundred milliseconds: far past a person's limit, on purpose.
process.env.STREAMHUB_CLUSTER_COMMENT_RATE ??= '10000000';
const alreadyUp = clusterIsUp();
if (!alreadyUp) {
  console.log(`bringing the cluster up (load ${load()})`);
  cluster('up');
}
try {
  const user = await account();
  const videoId = await readyVideo(await account('creator'));
  await untilPublic(`/api/v1/users/${user.id}`);
  const results: DrillResult[] = [];
  results.push(
    await drill(
      'baseline (no fault)',
      user,
      videoId,
      () => undefined,
      () => undefined,
    ),
  );
  results.push(
    await drill(
      'kill -9 api1',
      user,
      videoId,
      () => cluster('kill', 'api1'),
      () => cluster('restart', 'api1'),
    ),
  );
  results.push(
    await drill(
      'kill -9 worker1',
      user,
      videoId,
      () => cluster('kill', 'worker1'),
      () => cluster('restart', 'worker1'),
    ),
  );
  results.push(
    await drill(
      'restart Redis',
      user,
      videoId,
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
      videoId,
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
