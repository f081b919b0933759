/**
 * Transcoding: the full ladder through the job system vs one hand-run ffmpeg command, plus realtime factor per rung.
 *
 *   npm run bench -- transcode            # 60 s 1280x720 30 fps source with audio
 *   BENCH_TRANSCODE_SECONDS=20 npm run bench -- transcode
 *
 * "Through the job system" is what a creator waits for: source in storage -> job claimed -> probe,
 * HLS ladder, poster and storyboard -> outputs uploaded -> video row ready. The baseline is the same
 * ladder from one ffmpeg invocation with the same arguments, nothing else.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ffmpegPath, planLadder, probeMedia } from '../src/platform/media/index.ts';
import { buildHlsArgs } from '../src/platform/media/hls-ffmpeg-args.ts';
import {
  attachSource,
  createVideo,
  startVideoTestApp,
  waitForOutcome,
} from '../src/modules/videos/video-test-support.ts';

const seconds = Number(process.env.BENCH_TRANSCODE_SECONDS ?? 60);
const work = await mkdtemp(join(tmpdir(), 'streamhub-bench-transcode-'));

function ffmpeg(args: string[], cwd = work): number {
  const started = performance.now();
  const result = spawnSync(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${args.join(' ')}`);
  return (performance.now() - started) / 1000;
}

const source = join(work, 'source.mp4');
ffmpeg([
  '-f',
  'lavfi',
  '-i',
  `testsrc2=size=1280x720:rate=30:duration=${seconds}`,
  '-f',
  'lavfi',
  '-i',
  `sine=frequency=440:duration=${seconds}`,
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-pix_fmt',
  'yuv420p',
  '-c:a',
  'aac',
  '-shortest',
  source,
]);
const info = await probeMedia(source);
const ladder = planLadder(info);

// One hand-run ffmpeg command producing the same ladder (same arguments the pipeline uses).
const handDir = join(work, 'hand');
spawnSync('mkdir', ['-p', handDir]);
const handSeconds = ffmpeg(buildHlsArgs(source, info, ladder), handDir);

// The same source through the API, storage and the job system (embedded: PGlite, local storage, in-process worker).
const t = await startVideoTestApp('pglite');
let pipelineSeconds: number;
try {
  const video = await createVideo(t, t.creator.accessToken, { title: 'Benchmark lecture' });
  const started = performance.now();
  await attachSource(t, video.id, source);
  const outcome = await waitForOutcome(t, t.creator.accessToken, video.id, 30 * 60_000);
  pipelineSeconds = (performance.now() - started) / 1000;
  if (outcome.status !== 'ready') throw new Error(`pipeline ended ${outcome.status}: ${outcome.failureReason}`);
} finally {
  await t.close();
}

// Each rung alone, to report its realtime factor on this machine.
const perRung = ladder.map((rung) => {
  const dir = join(work, `rung-${rung.name}`);
  spawnSync('mkdir', ['-p', dir]);
  const elapsed = ffmpeg(buildHlsArgs(source, info, [rung]), dir);
  return { rung: rung.name, seconds: elapsed.toFixed(1), realtime: `${(seconds / elapsed).toFixed(2)}x` };
});

console.log(`source: ${seconds} s 1280x720 30 fps with audio; ladder: ${ladder.map((rung) => rung.name).join(', ')}`);
console.table([
  {
    path: 'hand-run ffmpeg (ladder only)',
    seconds: handSeconds.toFixed(1),
    realtime: `${(seconds / handSeconds).toFixed(2)}x`,
  },
  {
    path: 'job system (ladder + poster + storyboard + storage + db)',
    seconds: pipelineSeconds.toFixed(1),
    realtime: `${(seconds / pipelineSeconds).toFixed(2)}x`,
  },
]);
console.log(`overhead ratio (job system / hand-run): ${(pipelineSeconds / handSeconds).toFixed(2)} (goal <= 1.10)`);
console.table(perRung);
await rm(work, { recursive: true, force: true });
