/**
 * tus upload throughput of a large file through the real server vs. a plain copy of it on the same disk.
 *
 * The file is a valid WAV (a 44-byte header, then incompressible noise as 16-bit stereo PCM), so the
 * upload goes the whole real way to the API (its own process, embedded mode, DATA_DIR on the same
 * disk as the file). The client speaks raw tus: one creation POST, one PATCH with every byte but the
 * last (the transfer: the server writes it to its tus directory), and one PATCH with the last byte,
 * whose response comes once the upload is finalised (ffprobe sniff, media storage adopting the file
 * by hard link with fsync, hand-over to processing). The anchor is a bare Node HTTP server (its own
 * process) streaming one PUT of the same file to a file in the same folder, measured before and after
 * the upload; the copy baselines are fs.copyFile of the same file, plain and with fsync. The API
 * process's RSS is sampled every 100 ms during the upload (memory must stay flat whatever the size).
 *
 *   npm run bench -- upload [size in MiB]      (or BENCH_UPLOAD_MB; default 1024)
 *
 * BENCH_PORT=<n> runs the API on port n and the anchor on n + 1 (free ports otherwise); BENCH_CPU_PROF=<dir>
 * writes a V8 CPU profile of the API (summarise with: tsx bench/support/cpuprofile-top.ts <file>).
 */
import { copyFile, mkdir, mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { envNumber, markdownTable } from './support/options.ts';
import { startTarget, stopAllTargets, type TargetProcess } from './support/target-process.ts';

const MiB = 1024 * 1024;
const SIZE_MB = Number(process.argv[2] ?? envNumber('BENCH_UPLOAD_MB', 1024));
/** Goal: the whole tus upload at this share of the bare PUT anchor's rate. */
const GOAL_RATIO = 0.6;
/** Goal: finalising takes less than this, whatever the size. */
const FINALISE_GOAL_SECONDS = 1;
const PORT = envNumber('BENCH_PORT', 0);
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF || undefined;
/** A target's port: BENCH_PORT + offset when BENCH_PORT is set, else a free one. */
const portEnv = (offset: number) => (PORT ? { BENCH_TARGET_PORT: String(PORT + offset) } : {});

/** A WAV file of `totalBytes`: noise written from one random block, so generating it costs little. */
async function writeNoiseWav(path: string, totalBytes: number): Promise<number> {
  const dataBytes = Math.floor((totalBytes - 44) / 4) * 4;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(2, 22); // stereo
  header.writeUInt32LE(48_000, 24);
  header.writeUInt32LE(48_000 * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);

  const file = await open(path, 'w');
  try {
    await file.write(header);
    const block = randomBytes(16 * MiB);
    for (let written = 0; written < dataBytes; written += block.length) {
      await file.write(block, 0, Math.min(block.length, dataBytes - written));
    }
    await file.sync();
  } finally {
    await file.close();
  }
  return 44 + dataBytes;
}

async function timeCopy(source: string, target: string, durable: boolean): Promise<number> {
  const started = performance.now();
  await copyFile(source, target);
  if (durable) {
    const copy = await open(target, 'r+');
    await copy.sync().finally(() => copy.close());
  }
  const seconds = (performance.now() - started) / 1000;
  await rm(target);
  return seconds;
}

async function api<T>(target: TargetProcess, path: string, body: object, token?: string): Promise<T> {
  const response = await fetch(`${target.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: T }).data;
}

/** PATCHes bytes [start, end) of the file to a tus upload, streamed from disk; resolves with the status. */
/** Resident set size of a process, from /proc (Linux), in MiB. */
async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

/** Samples a process's RSS every 100 ms until stopped; returns the highest seen. */
function sampleRss(pid: number): { stop(): Promise<number> } {
  let peak = 0;
  const timer = setInterval(() => {
    void rssMiB(pid).then(
      (value) => (peak = Math.max(peak, value)),
      () => undefined,
    );
  }, 100);
  return {
    stop: async () => {
      clearInterval(timer);
      return Math.max(peak, await rssMiB(pid));
    },
  };
}

/** Seconds to PUT the whole file to the bare anchor server. */
function timeBarePut(baseUrl: string, path: string, size: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const put = request(
      `${baseUrl}/file`,
      { method: 'PUT', headers: { 'content-length': String(size), 'content-type': 'application/octet-stream' } },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 204
            ? resolve((performance.now() - started) / 1000)
            : reject(new Error(`bare PUT answered ${response.statusCode}`)),
        );
      },
    );
    put.on('error', reject);
    createReadStream(path, { highWaterMark: MiB }).pipe(put);
  });
}

function patchRange(url: string, token: string, path: string, start: number, end: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const patch = request(
      url,
      {
        method: 'PATCH',
        headers: {
          'tus-resumable': '1.0.0',
          'upload-offset': String(start),
          'content-type': 'application/offset+octet-stream',
          'content-length': String(end - start),
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    patch.on('error', reject);
    createReadStream(path, { start, end: end - 1, highWaterMark: MiB }).pipe(patch);
  });
}

interface UploadTimes {
  /** Wall seconds of the transfer and of the whole upload (finalisation included). */
  transferSeconds: number;
  uploadSeconds: number;
  /** CPU seconds the API process spent in each phase (the machine may be shared: this is what the code costs). */
  transferCpuSeconds: number;
  finaliseCpuSeconds: number;
}

const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

async function timeTusUpload(
  target: TargetProcess,
  token: string,
  videoId: string,
  path: string,
  size: number,
): Promise<UploadTimes> {
  const cpuAtStart = cpuSeconds(await target.cpuUsage());
  const started = performance.now();
  const created = await fetch(`${target.baseUrl}/api/v1/uploads`, {
    method: 'POST',
    headers: {
      'tus-resumable': '1.0.0',
      authorization: `Bearer ${token}`,
      'upload-length': String(size),
      'upload-metadata': `videoId ${Buffer.from(videoId).toString('base64')},filename ${Buffer.from('noise.wav').toString('base64')}`,
    },
  });
  const url = created.headers.get('location');
  if (created.status !== 201 || !url) throw new Error(`creation failed: ${created.status} ${await created.text()}`);
  const transferStatus = await patchRange(url, token, path, 0, size - 1);
  const transferred = performance.now();
  const cpuAfterTransfer = cpuSeconds(await target.cpuUsage());
  const finalStatus = await patchRange(url, token, path, size - 1, size);
  const finished = performance.now();
  const cpuAtEnd = cpuSeconds(await target.cpuUsage());
  if (transferStatus !== 204 || finalStatus !== 204)
    throw new Error(`PATCH answered ${transferStatus} then ${finalStatus}`);
  return {
    transferSeconds: (transferred - started) / 1000,
    uploadSeconds: (finished - started) / 1000,
    transferCpuSeconds: cpuAfterTransfer - cpuAtStart,
    finaliseCpuSeconds: cpuAtEnd - cpuAfterTransfer,
  };
}

async function main(): Promise<void> {
  if (!Number.isFinite(SIZE_MB) || SIZE_MB <= 0)
    throw new Error(`size must be a positive number of MiB, got ${process.argv[2]}`);
  const dir = await mkdtemp(join(tmpdir(), 'streamhub-bench-upload-'));
  let target: TargetProcess | undefined;
  let anchor: TargetProcess | undefined;
  try {
    const source = join(dir, 'source.wav');
    const size = await writeNoiseWav(source, Math.round(SIZE_MB * MiB));
    const { DATABASE_URL: _database, REDIS_URL: _redis, S3_BUCKET: _s3, ...inherited } = process.env;
    target = await startTarget('real', {
      env: {
        ...inherited,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATA_DIR: join(dir, 'data'),
        MAX_UPLOAD_BYTES: String(size + MiB),
        ...portEnv(0),
      },
      cpuProfDir: CPU_PROF_DIR,
    });
    const session = await api<{ accessToken: string }>(target, '/api/v1/auth/register', {
      username: 'bench_uploader',
      email: 'bench_uploader@example.com',
      password: 'a sturdy passphrase 42',
      role: 'creator',
    });
    const { video } = await api<{ video: { id: string } }>(
      target,
      '/api/v1/videos',
      { title: 'upload benchmark' },
      session.accessToken,
    );

    const putDir = join(dir, 'bare-put');
    await mkdir(putDir);
    anchor = await startTarget('bare-put', { env: { ...inherited, BENCH_PUT_DIR: putDir, ...portEnv(1) } });

    const copyBefore = await timeCopy(source, join(dir, 'copy.wav'), false);
    const durableBefore = await timeCopy(source, join(dir, 'copy.wav'), true);
    const putBefore = await timeBarePut(anchor.baseUrl, source, size);
    await rm(putDir, { recursive: true, force: true });
    await mkdir(putDir);
    const rssIdle = await rssMiB(target.pid);
    const rssSampler = sampleRss(target.pid);
    const { transferSeconds, uploadSeconds, transferCpuSeconds, finaliseCpuSeconds } = await timeTusUpload(
      target,
      session.accessToken,
      video.id,
      source,
      size,
    );
    const rssPeak = await rssSampler.stop();
    const putAfter = await timeBarePut(anchor.baseUrl, source, size);
    const copyAfter = await timeCopy(source, join(dir, 'copy.wav'), false);
    const durableAfter = await timeCopy(source, join(dir, 'copy.wav'), true);

    const stored = await stat(join(dir, 'data', 'media', 'videos', video.id, 'source'));
    if (stored.size !== size) throw new Error(`stored source is ${stored.size} bytes, expected ${size}`);

    const rate = (seconds: number) => size / MiB / seconds;
    const copySeconds = (copyBefore + copyAfter) / 2;
    const durableSeconds = (durableBefore + durableAfter) / 2;
    const putSeconds = (putBefore + putAfter) / 2;
    const finaliseSeconds = uploadSeconds - transferSeconds;
    const ratio = putSeconds / uploadSeconds;
    const percentOf = (seconds: number, baseline: number) => `${((baseline / seconds) * 100).toFixed(0)}%`;
    const row = (what: string, seconds: number) => [what, seconds.toFixed(2), rate(seconds).toFixed(0)];
    process.stdout.write(
      `\nUpload of ${(size / MiB).toFixed(0)} MiB on ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${dir}\n\n`,
    );
    process.stdout.write(
      `${markdownTable(
        ['path', 'seconds', 'MiB/s'],
        [
          row('plain copy (fs.copyFile, mean of before/after)', copySeconds),
          row('copy + fsync', durableSeconds),
          row('anchor: bare Node HTTP PUT streamed to a file (mean of before/after)', putSeconds),
          row('tus upload: transfer (bytes written by the server)', transferSeconds),
          row('tus upload: whole (finalised: sniffed, stored, processing)', uploadSeconds),
        ],
        ['left', 'right', 'right'],
      )}\n\n`,
    );
    process.stdout.write(
      `whole tus upload / bare PUT anchor = ${(ratio * 100).toFixed(0)}% (goal >= ${GOAL_RATIO * 100}%): ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'}\n`,
    );
    process.stdout.write(
      `finalisation (last PATCH: sniff, adopt, hand-over) ${finaliseSeconds.toFixed(2)} s (goal < ${FINALISE_GOAL_SECONDS} s): ${finaliseSeconds < FINALISE_GOAL_SECONDS ? 'met' : 'NOT met'}\n`,
    );
    process.stdout.write(
      `transfer alone / bare PUT = ${percentOf(transferSeconds, putSeconds)}; whole / plain copy = ${percentOf(uploadSeconds, copySeconds)}; whole / copy + fsync = ${percentOf(uploadSeconds, durableSeconds)}\n`,
    );
    process.stdout.write(
      `API process RSS: ${rssIdle.toFixed(0)} MiB before the upload, peak ${rssPeak.toFixed(0)} MiB during it (sampled every 100 ms)\n`,
    );
    process.stdout.write(
      `API process CPU: transfer ${transferCpuSeconds.toFixed(2)} s (${((transferCpuSeconds * 1e3) / (size / MiB)).toFixed(2)} ms/MiB), finalisation ${finaliseCpuSeconds.toFixed(2)} s; load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}\n`,
    );
  } finally {
    await target?.stop();
    await anchor?.stop();
    await stopAllTargets();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
