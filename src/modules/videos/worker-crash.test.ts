import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startWorkers } from '../../workers.ts';
import { playlistUris } from './hls-test-client.ts';
import { videoKeys } from './storage-keys.ts';
import {
  attachSource,
  createVideo,
  getVideo,
  startVideoTestApp,
  waitFor,
  waitForOutcome,
  type VideoTestApp,
} from './video-test-support.ts';

const run = promisify(execFile);
const MAIN = fileURLToPath(new URL('../../main.ts', import.meta.url));
const LEASE_MS = 3000;

/** Long enough (and big enough) that a kill lands mid-transcode on two cores. */
async function makeLongSource(dir: string): Promise<string> {
  const output = join(dir, 'long.mp4');
  await run(process.env.FFMPEG_PATH || 'ffmpeg', [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=640x360:r=30:d=10',
    '-f',
    'lavfi',
    '-i',
    'sine=f=440:sample_rate=48000:d=10',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    output,
  ]);
  return output;
}

/** Every key a ready video should have: source, playlists, the segments they list, poster, storyboard. */
async function expectedKeys(t: VideoTestApp, videoId: string): Promise<string[]> {
  const keys = videoKeys(videoId);
  const readText = async (key: string) =>
    (await t.platform.storage.getObject(key)).body.toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const toKey = (url: string) => new URL(url).pathname.slice(1);
  const expected = [keys.source, keys.masterPlaylist, keys.poster, keys.storyboardImage, keys.storyboardVtt];
  for (const variantUrl of playlistUris(await readText(keys.masterPlaylist), `s3://x/${keys.masterPlaylist}`)) {
    const variant = toKey(variantUrl);
    expected.push(variant, ...playlistUris(await readText(variant), `s3://x/${variant}`).map(toKey));
  }
  return expected.map((key) => posix.normalize(key)).sort();
}

// Needs a database two processes can share, so PostgreSQL only (the queue follows REDIS_URL as in production).
describe('a worker killed mid-transcode', { skip: !process.env.DATABASE_URL && 'DATABASE_URL is not set' }, () => {
  let t: VideoTestApp;
  let child: ChildProcess | undefined;
  before(async () => {
    t = await startVideoTestApp('postgres', { JOB_LEASE_MS: String(LEASE_MS) }, false);
  });
  after(async () => {
    child?.kill('SIGKILL');
    await t.close();
  });

  test('loses no job: another worker finishes it and nothing is orphaned', async () => {
    const { id } = await createVideo(t, t.creator.accessToken);
    const { config } = t.platform;
    child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'worker'], {
      stdio: 'ignore',
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: t.testDatabase.url,
        DATA_DIR: t.dataDir,
        JOB_LEASE_MS: String(LEASE_MS),
        ...(config.redisUrl ? { REDIS_URL: config.redisUrl, REDIS_KEY_PREFIX: config.redisKeyPrefix } : {}),
      },
    });
    await attachSource(t, id, await makeLongSource(t.fixtures));
    await waitFor(
      'the child worker to make progress',
      async () => ((await getVideo(t, t.creator.accessToken, id)).processingProgress > 0 ? true : undefined),
      60_000,
      50,
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    assert.equal((await getVideo(t, t.creator.accessToken, id)).status, 'processing');

    startWorkers(t.platform, t.services);
    const video = await waitForOutcome(t, t.creator.accessToken, id, 120_000);
    assert.equal(video.status, 'ready', video.failureReason);
    assert.ok(Math.abs(video.duration - 10) <= 0.5);

    assert.deepEqual(await t.platform.storage.listObjects(videoKeys(id).folder), await expectedKeys(t, id));
    const workDir = join(t.dataDir, 'work', 'transcode');
    // The run removes its temp folder last, after the video is ready and its stored bytes are counted.
    const left = await waitFor(
      'the temp files to be removed',
      async () => {
        const entries = await readdir(workDir).catch(() => []);
        return entries.length === 0 ? entries : undefined;
      },
      10_000,
    ).catch(async () => readdir(workDir).catch(() => []));
    assert.deepEqual(left, [], 'no temp files left by either run');
  });
});
