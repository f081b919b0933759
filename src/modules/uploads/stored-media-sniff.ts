import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { probeMedia } from '../../platform/media/index.ts';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';

/**
 * Bytes read from each end of a stored object. Containers keep what ffprobe needs at the start (MKV,
 * WebM, MPEG-TS, fast-start MP4) or at the end (the moov index of a plain MP4, a few MB even for
 * hours of video), and ffprobe's own stream analysis reads at most ~5 MB of packets from the start.
 */
const SNIFF_WINDOW_BYTES = 32 * 1024 * 1024;

/**
 * Runs ffprobe on a stored object without downloading all of it: a sparse local copy holding only
 * its first and last SNIFF_WINDOW_BYTES (the middle reads as zeros ffprobe never looks at). Throws
 * NotMediaError like probeMedia. probeMedia reads local paths only, hence the copy rather than a
 * presigned URL.
 */
export async function sniffStoredObject(storage: ObjectStorage, key: string, sizeBytes: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'streamhub-sniff-'));
  const path = join(dir, 'source');
  try {
    if (sizeBytes <= 2 * SNIFF_WINDOW_BYTES) {
      await storage.downloadToFile(key, path);
    } else {
      const file = await open(path, 'w');
      await file.truncate(sizeBytes).finally(() => file.close());
      await copyRange(storage, key, path, 0, SNIFF_WINDOW_BYTES - 1);
      await copyRange(storage, key, path, sizeBytes - SNIFF_WINDOW_BYTES, sizeBytes - 1);
    }
    await probeMedia(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function copyRange(storage: ObjectStorage, key: string, path: string, start: number, end: number): Promise<void> {
  const object = await storage.getObject(key, { range: { start, end } });
  await pipeline(object.body, createWriteStream(path, { flags: 'r+', start }));
}
