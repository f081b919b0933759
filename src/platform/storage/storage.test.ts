import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startS3Server, type TestS3Server } from '../../../test/support/s3-server.ts';
import { MiB, patternedBytes, readAll, sha256, trickle } from '../../../test/support/storage-bytes.ts';
import { loadConfig } from '../../config.ts';
import { createObjectStorage } from './create-storage.ts';
import { LocalObjectStorage } from './local-storage.ts';
import {
  InvalidObjectKeyError,
  ObjectNotFoundError,
  RangeNotSatisfiableError,
  type ObjectStorage,
} from './object-storage.ts';
import { S3ObjectStorage, type S3StorageOptions } from './s3-storage.ts';

// CI (or a developer) points the contract at a real S3-compatible store too by setting S3_*.
const externalS3 = loadConfig().s3;

interface StorageUnderTest {
  storage: ObjectStorage;
  dispose(): Promise<void>;
}

interface ContractOptions {
  /** Set when the backing server, not the adapter, can't honour the contract; names the reason. */
  nonAtomicServer?: string;
}

/** The behaviour every ObjectStorage adapter promises; each adapter runs this same suite. */
function describeStorageContract(
  name: string,
  makeStorage: () => Promise<StorageUnderTest>,
  options: ContractOptions = {},
) {
  describe(`ObjectStorage contract: ${name}`, () => {
    let subject: StorageUnderTest;
    let storage: ObjectStorage;
    // Every key lives under one run-specific folder, so the suite can share a real bucket safely.
    const run = `contract-${randomUUID()}`;
    const keyFor = (path: string) => `${run}/${path}`;

    before(async () => {
      subject = await makeStorage();
      storage = subject.storage;
    });
    after(async () => {
      await storage.deletePrefix(run);
      await subject.dispose();
    });

    test('a Buffer and a stream both round-trip with their metadata', async () => {
      const bytes = patternedBytes(10_000, 1);
      await storage.putObject(keyFor('roundtrip/buffer.bin'), bytes);
      await storage.putObject(keyFor('roundtrip/stream.bin'), trickle(bytes, 1000));
      for (const key of [keyFor('roundtrip/buffer.bin'), keyFor('roundtrip/stream.bin')]) {
        const object = await storage.getObject(key);
        assert.deepEqual(await readAll(object.body), bytes);
        assert.equal(object.key, key);
        assert.equal(object.size, bytes.length);
        assert.match(object.etag, /^".+"$/);
        assert.ok(Math.abs(object.lastModified.getTime() - Date.now()) < 60_000);
        assert.equal(object.contentRange, undefined);
      }
    });

    test('an empty object round-trips', async () => {
      await storage.putObject(keyFor('empty/nothing.bin'), Buffer.alloc(0));
      const object = await storage.getObject(keyFor('empty/nothing.bin'));
      assert.equal(object.size, 0);
      assert.equal((await readAll(object.body)).length, 0);
    });

    test('range reads return the first bytes, a middle slice and an open-ended tail', async () => {
      const bytes = patternedBytes(1000, 2);
      const key = keyFor('ranges/object.bin');
      await storage.putObject(key, bytes);

      const cases = [
        { range: { start: 0, end: 9 }, expected: { start: 0, end: 9 } },
        { range: { start: 400, end: 599 }, expected: { start: 400, end: 599 } },
        { range: { start: 950 }, expected: { start: 950, end: 999 } },
        { range: { start: 990, end: 5000 }, expected: { start: 990, end: 999 } },
      ];
      for (const { range, expected } of cases) {
        const object = await storage.getObject(key, { range });
        assert.deepEqual(object.contentRange, expected, JSON.stringify(range));
        assert.equal(object.size, 1000, 'size is the whole object');
        assert.deepEqual(await readAll(object.body), bytes.subarray(expected.start, expected.end + 1));
      }
      await assert.rejects(storage.getObject(key, { range: { start: 1000 } }), RangeNotSatisfiableError);
      await assert.rejects(storage.getObject(key, { range: { start: 10, end: 5 } }), RangeError);
    });

    test('content types: explicit ones are kept, otherwise guessed from the extension', async () => {
      const expectations: [path: string, explicit: string | undefined, stored: string][] = [
        ['types/index.m3u8', undefined, 'application/vnd.apple.mpegurl'],
        ['types/seg-000.ts', undefined, 'video/mp2t'],
        ['types/seg-001.m4s', undefined, 'video/iso.segment'],
        ['types/captions.vtt', undefined, 'text/vtt'],
        ['types/poster.JPG', undefined, 'image/jpeg'],
        ['types/no-extension', undefined, 'application/octet-stream'],
        ['types/source', 'video/quicktime', 'video/quicktime'],
        ['types/notes.json', 'text/plain; charset=utf-8', 'text/plain; charset=utf-8'],
      ];
      for (const [path, explicit, stored] of expectations) {
        await storage.putObject(keyFor(path), Buffer.from(path), explicit ? { contentType: explicit } : {});
        assert.equal((await storage.statObject(keyFor(path)))?.contentType, stored, path);
        const object = await storage.getObject(keyFor(path));
        object.body.resume();
        assert.equal(object.contentType, stored, path);
      }
      // Rewriting without a type must not inherit the previous write's explicit one.
      await storage.putObject(keyFor('types/source'), Buffer.from('again'));
      assert.equal((await storage.statObject(keyFor('types/source')))?.contentType, 'application/octet-stream');
    });

    test('stat describes an object without reading it, and returns null when absent', async () => {
      const key = keyFor('stat/object.bin');
      await storage.putObject(key, Buffer.from('first version'));
      const first = await storage.statObject(key);
      assert.ok(first);
      assert.equal(first.key, key);
      assert.equal(first.size, 13);
      const object = await storage.getObject(key);
      object.body.resume();
      assert.equal(object.etag, first.etag);

      await storage.putObject(key, Buffer.from('second version'));
      const second = await storage.statObject(key);
      assert.equal(second?.size, 14);
      assert.notEqual(second?.etag, first.etag, 'a rewrite changes the ETag');

      assert.equal(await storage.statObject(keyFor('stat/missing.bin')), null);
      assert.equal(await storage.statObject(keyFor('stat')), null, 'a folder is not an object');
    });

    test('a missing object is an ObjectNotFoundError naming the key', async () => {
      const key = keyFor('missing/nothing-here.mp4');
      await assert.rejects(storage.getObject(key), (error: unknown) => {
        assert.ok(error instanceof ObjectNotFoundError);
        assert.equal(error.key, key);
        return true;
      });
      await assert.rejects(storage.getObject(keyFor('missing/nothing-here.mp4/below')), ObjectNotFoundError);
    });

    test('list returns the keys under a folder, sorted, and not those of a sibling with a longer name', async () => {
      const keys = ['list/abc/b.ts', 'list/abc/a.ts', 'list/abc/nested/deep/c.vtt', 'list/abcdef/x.ts'].map(keyFor);
      for (const key of keys) await storage.putObject(key, Buffer.from(key));

      const expected = [keyFor('list/abc/a.ts'), keyFor('list/abc/b.ts'), keyFor('list/abc/nested/deep/c.vtt')];
      assert.deepEqual(await storage.listObjects(keyFor('list/abc')), expected);
      assert.deepEqual(await storage.listObjects(keyFor('list/abc/')), expected);
      assert.deepEqual(await storage.listObjects(keyFor('list/nothing')), []);
      const everything = await storage.listObjects('');
      for (const key of keys) assert.ok(everything.includes(key), key);
    });

    test('listObjectSizes gives each object under a folder with its size, and nothing of local sidecars', async () => {
      await storage.putObject(keyFor('sizes/v1/hls/seg-1.ts'), Buffer.alloc(1000));
      // An explicit content type the extension wouldn't give: a local metadata sidecar, which is no object.
      await storage.putObject(keyFor('sizes/v1/poster.jpg'), Buffer.alloc(250), { contentType: 'image/webp' });
      await storage.putObject(keyFor('sizes/v10/source'), Buffer.alloc(7));

      assert.deepEqual(await storage.listObjectSizes(keyFor('sizes/v1')), [
        { key: keyFor('sizes/v1/hls/seg-1.ts'), size: 1000 },
        { key: keyFor('sizes/v1/poster.jpg'), size: 250 },
      ]);
      assert.deepEqual(await storage.listObjectSizes(keyFor('sizes/nothing')), []);
    });

    test('delete removes an object and is idempotent', async () => {
      const key = keyFor('delete/object.bin');
      await storage.putObject(key, Buffer.from('bye'));
      await storage.deleteObject(key);
      assert.equal(await storage.statObject(key), null);
      await storage.deleteObject(key);
      await storage.deleteObject(keyFor('delete/never-existed.bin'));
    });

    test('deletePrefix removes a whole folder tree, counts it, and leaves siblings alone', async () => {
      const doomed = ['prefix/video1/source', 'prefix/video1/hls/index.m3u8', 'prefix/video1/hls/720p/seg-0.ts'];
      const kept = ['prefix/video10/source', 'prefix/other/video1/source'];
      for (const path of [...doomed, ...kept]) await storage.putObject(keyFor(path), Buffer.from(path));

      assert.equal(await storage.deletePrefix(keyFor('prefix/video1')), doomed.length);
      assert.deepEqual(await storage.listObjects(keyFor('prefix/video1')), []);
      for (const path of kept) assert.ok(await storage.statObject(keyFor(path)), path);
      assert.equal(await storage.deletePrefix(keyFor('prefix/video1')), 0, 'idempotent');
      await assert.rejects(storage.deletePrefix(''), InvalidObjectKeyError, 'never the whole store');
    });

    test('uploadDirectory uploads a rendition tree with content types from extensions', async () => {
      const localDir = await mkdtemp(join(tmpdir(), 'storage-upload-dir-'));
      const files: Record<string, string> = {
        'index.m3u8': '#EXTM3U',
        '720p/index.m3u8': '#EXTM3U 720p',
        '720p/init.mp4': 'init',
        '720p/seg-000.m4s': 'segment 0',
        '360p/seg-000.ts': 'ts segment',
        'thumbs/poster.jpg': 'jpeg',
        'thumbs/sprite.png': 'png',
        'captions/en.vtt': 'WEBVTT',
        'chapters.json': '[]',
      };
      try {
        for (const [path, content] of Object.entries(files)) {
          await mkdir(join(localDir, path, '..'), { recursive: true });
          await writeFile(join(localDir, path), content);
        }
        const uploaded = await storage.uploadDirectory(keyFor('upload/hls'), localDir);
        const expectedKeys = Object.keys(files)
          .map((path) => keyFor(`upload/hls/${path}`))
          .sort();
        assert.deepEqual(uploaded, expectedKeys);
        assert.deepEqual(await storage.listObjects(keyFor('upload/hls')), expectedKeys);

        const typeOf = async (path: string) => (await storage.statObject(keyFor(`upload/hls/${path}`)))?.contentType;
        assert.equal(await typeOf('index.m3u8'), 'application/vnd.apple.mpegurl');
        assert.equal(await typeOf('720p/init.mp4'), 'video/mp4');
        assert.equal(await typeOf('720p/seg-000.m4s'), 'video/iso.segment');
        assert.equal(await typeOf('360p/seg-000.ts'), 'video/mp2t');
        assert.equal(await typeOf('thumbs/poster.jpg'), 'image/jpeg');
        assert.equal(await typeOf('thumbs/sprite.png'), 'image/png');
        assert.equal(await typeOf('captions/en.vtt'), 'text/vtt');
        assert.equal(await typeOf('chapters.json'), 'application/json');
        const segment = await storage.getObject(keyFor('upload/hls/720p/seg-000.m4s'));
        assert.equal((await readAll(segment.body)).toString(), 'segment 0');
      } finally {
        await rm(localDir, { recursive: true, force: true });
      }
    });

    test('putFile and downloadToFile copy files in and out', async () => {
      const workDir = await mkdtemp(join(tmpdir(), 'storage-files-'));
      try {
        const bytes = patternedBytes(3 * MiB + 17, 3);
        await writeFile(join(workDir, 'upload.mp4'), bytes);
        await storage.putFile(keyFor('files/source'), join(workDir, 'upload.mp4'), { contentType: 'video/mp4' });
        assert.equal((await storage.statObject(keyFor('files/source')))?.contentType, 'video/mp4');

        const target = join(workDir, 'nested/dir/copy.mp4');
        await storage.downloadToFile(keyFor('files/source'), target);
        assert.equal(sha256(await readFile(target)), sha256(bytes));

        const missingTarget = join(workDir, 'missing.mp4');
        await assert.rejects(storage.downloadToFile(keyFor('files/absent'), missingTarget), ObjectNotFoundError);
        assert.equal(existsSync(missingTarget), false);
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    });

    test('invalid keys are rejected by every operation', async () => {
      const invalid = [
        '',
        '/etc/passwd',
        '../escape',
        'a/../../b',
        'a/./b',
        'a\\b',
        'nul\0byte',
        'a//b',
        'trailing/',
        'x'.repeat(1025),
      ];
      for (const key of invalid) {
        const label = JSON.stringify(key);
        await assert.rejects(storage.putObject(key, Buffer.from('x')), InvalidObjectKeyError, label);
        await assert.rejects(storage.getObject(key), InvalidObjectKeyError, label);
        await assert.rejects(storage.statObject(key), InvalidObjectKeyError, label);
        await assert.rejects(storage.deleteObject(key), InvalidObjectKeyError, label);
        await assert.rejects(storage.putFile(key, '/dev/null'), InvalidObjectKeyError, label);
      }
      for (const prefix of ['../up', '/abs', 'a/../b']) {
        await assert.rejects(storage.listObjects(prefix), InvalidObjectKeyError, prefix);
        await assert.rejects(storage.listObjectSizes(prefix), InvalidObjectKeyError, prefix);
        await assert.rejects(storage.deletePrefix(prefix), InvalidObjectKeyError, prefix);
      }
    });

    test(
      'concurrent writes to one key leave one whole write, and readers never see a mix',
      { skip: options.nonAtomicServer },
      async () => {
        const key = keyFor('concurrent/object.bin');
        const size = 2 * MiB;
        const versions = [1, 2, 3, 4].map((fill) => Buffer.alloc(size, fill));
        await storage.putObject(key, Buffer.alloc(size, 0));

        let writing = true;
        const reads: Buffer[] = [];
        const reader = (async () => {
          while (writing) reads.push(await readAll((await storage.getObject(key)).body));
        })();
        await Promise.all(versions.map((version) => storage.putObject(key, trickle(version))));
        writing = false;
        await reader;

        const isWholeVersion = (bytes: Buffer) => bytes.length === size && bytes.every((byte) => byte === bytes[0]);
        const final = await readAll((await storage.getObject(key)).body);
        assert.ok(isWholeVersion(final) && final[0] !== 0, 'final object is exactly one of the writes');
        assert.ok(reads.length > 0);
        for (const read of reads) assert.ok(isWholeVersion(read), 'a concurrent reader saw a partial or mixed object');
      },
    );

    test('a write whose stream fails leaves the previous object untouched', async () => {
      const key = keyFor('failed-write/source');
      await storage.putObject(key, Buffer.from('previous version'));
      // Big enough that the S3 adapter has started a multipart upload when the stream breaks.
      const failing = Readable.from(
        (async function* () {
          for (let sent = 0; sent < 17 * MiB; sent += MiB) yield Buffer.alloc(MiB, 7);
          throw new Error('client went away');
        })(),
      );
      await assert.rejects(storage.putObject(key, failing), /client went away/);
      assert.equal((await readAll((await storage.getObject(key)).body)).toString(), 'previous version');
      assert.deepEqual(await storage.listObjects(keyFor('failed-write')), [key]);
    });

    test('a 20 MB object streams in and out intact', async () => {
      const key = keyFor('large/video.mp4');
      const bytes = patternedBytes(20 * MiB, 4);
      await storage.putObject(key, trickle(bytes, 256 * 1024), { contentType: 'video/mp4' });
      const object = await storage.getObject(key);
      assert.equal(object.size, bytes.length);
      assert.equal(sha256(await readAll(object.body)), sha256(bytes));
      const tail = await storage.getObject(key, { range: { start: 20 * MiB - 100 } });
      assert.deepEqual(await readAll(tail.body), bytes.subarray(20 * MiB - 100));
    });
  });
}

describeStorageContract('local directory', async () => {
  const root = await mkdtemp(join(tmpdir(), 'storage-local-'));
  return { storage: new LocalObjectStorage(root), dispose: () => rm(root, { recursive: true, force: true }) };
});

let s3Server: TestS3Server | undefined;
async function s3rverOptions(): Promise<S3StorageOptions> {
  s3Server ??= await startS3Server();
  return { ...s3Server, forcePathStyle: true };
}
after(async () => {
  await s3Server?.close();
});

describeStorageContract(
  's3 (s3rver)',
  async () => {
    const storage = new S3ObjectStorage(await s3rverOptions());
    return { storage, dispose: async () => storage.close() };
  },
  // s3rver truncates and rewrites the object file in place, so overlapping PUTs interleave on its
  // disk; S3 itself (and MinIO etc.) replace objects atomically.
  { nonAtomicServer: 's3rver writes objects in place, so it cannot show S3 atomicity' },
);

if (externalS3) {
  describeStorageContract(`s3 (${externalS3.endpoint ?? 'AWS'})`, async () => {
    const storage = new S3ObjectStorage(externalS3);
    return { storage, dispose: async () => storage.close() };
  });
}

describe('createObjectStorage', () => {
  test('uses a local folder under the data dir unless S3 is configured', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'storage-factory-'));
    try {
      const local = await createObjectStorage({ dataDir });
      assert.equal(local.kind, 'local');
      assert.equal(local.presign, undefined);
      await local.putObject('videos/v1/source', Buffer.from('x'));
      assert.ok(existsSync(join(dataDir, 'media/videos/v1/source')));

      const s3 = await createObjectStorage({ dataDir, s3: await s3rverOptions() });
      assert.equal(s3.kind, 's3');
      assert.ok(s3.presign);
      (s3 as S3ObjectStorage).close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
