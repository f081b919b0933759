import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NotMediaError } from '../../platform/media/index.ts';
import { LocalObjectStorage } from '../../platform/storage/local-storage.ts';
import { sniffStoredObject } from './stored-media-sniff.ts';

const run = promisify(execFile);

describe('sniffing a stored object too big to download whole', () => {
  let dir: string;
  let storage: LocalObjectStorage;
  let movie: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'streamhub-sniff-test-'));
    storage = new LocalObjectStorage(join(dir, 'media'));
    // ~77 MB of PCM in a QuickTime file: its index (moov) comes after the media data, at the very end.
    movie = join(dir, 'long.mov');
    await run(process.env.FFMPEG_PATH || 'ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'sine=d=400:sample_rate=48000',
      '-ac',
      '2',
      '-c:a',
      'pcm_s16le',
      movie,
    ]);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('reads the head and the tail, so an index at the end of the file is found', async () => {
    const { size } = await stat(movie);
    assert.ok(size > 70 * 1024 * 1024, `fixture is ${size} bytes`);
    await storage.putFile('videos/v1/source', movie);
    await sniffStoredObject(storage, 'videos/v1/source', size);
  });

  test('the same file without its index is not media', async () => {
    await truncate(movie, (await stat(movie)).size - 2000);
    await storage.putFile('videos/v2/source', movie);
    await assert.rejects(sniffStoredObject(storage, 'videos/v2/source', (await stat(movie)).size), NotMediaError);
  });
});
