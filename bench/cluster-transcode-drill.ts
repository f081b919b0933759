/**
 * Cluster drill: kill -9 the worker that is transcoding an upload; the job is recovered by the other worker, completes, and leaves one set of outputs.
 *
 * npm run bench -- cluster-transcode-drill [--clip-seconds N] [--keep]
 * Uploads a generated clip (tus, through the edge), waits until a worker has an ffmpeg child for it, kills
 * that worker's whole process group (node and ffmpeg), then waits for the video to be ready (with the
 * killed worker still down, the job can only finish by running again on the other one). Checks: the
 * video is `ready`, every rendition appears
 * once in the master playlist and in video_renditions, and each rendition's segments are numbered
 * without gaps or duplicates. Prints the times and the load average; exits 1 when a check fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  account,
  call,
  cluster,
  CLUSTER_DIR,
  clusterIsUp,
  EDGE,
  load,
  makeClip,
  pgPrimaryPort,
  sleep,
  uploadClip,
} from './support/cluster-client.ts';

const { values } = parseArgs({
  options: { 'clip-seconds': { type: 'string', default: '40' }, keep: { type: 'boolean', default: false } },
});

const sql = (query: string) =>
  execFileSync('psql', [`postgres://postgres@127.0.0.1:${pgPrimaryPort()}/streamhub`, '-Atc', query])
    .toString()
    .trim();

/** The worker (by name) whose process group runs an ffmpeg, once one does. */
async function transcodingWorker(timeoutMs: number): Promise<{ name: string; pid: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const name of ['worker1', 'worker2']) {
      const pid = Number(readFileSync(join(CLUSTER_DIR, 'run', `${name}.pid`), 'utf8'));
      const children = execFileSync('ps', ['-o', 'comm=', '-g', String(pid)]).toString();
      if (/ffmpeg/.test(children)) return { name, pid };
    }
    await sleep(200);
  }
  throw new Error('no worker started ffmpeg in time');
}

function segmentProblems(hlsDir: string): string[] {
  const problems: string[] = [];
  for (const rendition of readdirSync(hlsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const playlist = readFileSync(join(hlsDir, rendition.name, 'index.m3u8'), 'utf8');
    const segments = playlist.split('\n').filter((line) => line && !line.startsWith('#'));
    if (new Set(segments).size !== segments.length) problems.push(`${rendition.name}: a segment is listed twice`);
    const files = readdirSync(join(hlsDir, rendition.name)).filter((file) => file !== 'index.m3u8');
    const unlisted = files.filter((file) => !segments.includes(file) && !/^init/.test(file));
    if (unlisted.length) problems.push(`${rendition.name}: ${unlisted.length} segment files no playlist lists`);
  }
  return problems;
}

const alreadyUp = clusterIsUp();
if (!alreadyUp) cluster('up');
const dir = mkdtempSync(join(tmpdir(), 'streamhub-drill-'));
let failed = false;
try {
  const clip = makeClip(dir, Number(values['clip-seconds']));
  const creator = await account('creator');
  const created = await call('POST', '/api/v1/videos', creator.token, { title: 'Drill clip', visibility: 'public' });
  if (created.status !== 201) throw new Error(`create video: ${created.status}`);
  const videoId: string = created.json.data.video.id;
  const started = performance.now();
  await uploadClip(creator.token, videoId, clip);
  const victim = await transcodingWorker(120_000);
  const killedAt = performance.now();
  process.kill(-victim.pid, 'SIGKILL');
  console.log(
    `killed ${victim.name} (pid ${victim.pid}, its ffmpeg too) ${((killedAt - started) / 1000).toFixed(1)} s after the upload began (load ${load()})`,
  );
  let status = '';
  for (let i = 0; i < 600 && status !== 'ready' && status !== 'failed'; i++) {
    await sleep(1000);
    status = sql(`select status from videos where id = '${videoId}'`);
  }
  const readyAt = performance.now();
  cluster('restart', victim.name);
  const renditions = sql(
    `select count(*) || ' ' || count(distinct name) from video_renditions where video_id = '${videoId}'`,
  );
  const [rows, distinct] = renditions.split(' ').map(Number);
  const master = (await (await fetch(`${EDGE}/media/videos/${videoId}/hls/master.m3u8`)).text())
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  const storageHls = execFileSync('find', [join(CLUSTER_DIR, 'data'), '-type', 'd', '-path', `*videos/${videoId}/hls`])
    .toString()
    .trim();
  const problems = [
    ...(status === 'ready' ? [] : [`video is ${status}, not ready`]),
    ...(rows === distinct && rows! > 0 ? [] : [`video_renditions: ${rows} rows for ${distinct} renditions`]),
    ...(new Set(master).size === master.length ? [] : ['a rendition is listed twice in the master playlist']),
    ...(storageHls ? segmentProblems(storageHls) : ['no HLS folder in storage']),
  ];
  console.table([
    {
      drill: 'kill -9 worker mid-transcode',
      clipSeconds: Number(values['clip-seconds']),
      killedAfterS: ((killedAt - started) / 1000).toFixed(1),
      readyAfterKillS: ((readyAt - killedAt) / 1000).toFixed(1),
      status,
      renditions: rows,
      masterEntries: master.length,
      problems: problems.length,
      load: load(),
    },
  ]);
  for (const problem of problems) console.error(`problem: ${problem}`);
  failed = problems.length > 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (!alreadyUp && !values.keep) cluster('down');
}
if (failed) process.exitCode = 1;
