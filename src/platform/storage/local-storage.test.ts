import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalObjectStorage } from './local-storage.ts';
import { InvalidObjectKeyError } from './object-storage.ts';

// What only the local-directory adapter does; the shared contract is in storage.test.ts.
describe('LocalObjectStorage specifics', () => {
  let root: string;
  let storage: LocalObjectStorage;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'storage-local-only-'));
    storage = new LocalObjectStorage(root);
  });
  after(() => rm(root, { recursive: true, force: true }));

  test('objects are plain files at their key path, and failed writes leave no temporary files', async () => {
    await storage.putObject('videos/v1/hls/index.m3u8', Buffer.from('#EXTM3U'));
    assert.equal(await readFile(join(root, 'videos/v1/hls/index.m3u8'), 'utf8'), '#EXTM3U');

    const broken = Readable.from(
      (async function* () {
        yield Buffer.from('half');
        throw new Error('broken source');
      })(),
    );
    await assert.rejects(storage.putObject('videos/v1/hls/seg-0.ts', broken), /broken source/);
    assert.deepEqual(await readdir(join(root, 'videos/v1/hls')), ['index.m3u8']);
  });

  test('adopting a local file links it in without a copy, and survives removing the original', async () => {
    const received = join(root, 'received-upload');
    await writeFile(received, 'the whole upload');
    await storage.adoptFile('videos/v2/source', received);
    await storage.adoptFile('videos/v2/source', received); // a finaliser starting over does the same again
    const [original, object] = await Promise.all([stat(received), stat(join(root, 'videos/v2/source'))]);
    assert.equal(object.ino, original.ino, 'the same bytes on disk, not a copy');
    await unlink(received);
    assert.equal(await readFile(join(root, 'videos/v2/source'), 'utf8'), 'the whole upload');
    assert.deepEqual(await readdir(join(root, 'videos/v2')), ['source'], 'no temporary files left');
    assert.equal((await storage.statObject('videos/v2/source'))?.size, 'the whole upload'.length);
  });

  test('a key cannot also be a folder of other keys, as it can on S3', async () => {
    await storage.putObject('conflict/a', Buffer.from('file'));
    await assert.rejects(storage.putObject('conflict/a/b', Buffer.from('x')), InvalidObjectKeyError);
    await storage.putObject('conflict/dir/b', Buffer.from('x'));
    await assert.rejects(storage.putObject('conflict/dir', Buffer.from('x')), InvalidObjectKeyError);
    await storage.deleteObject('conflict/dir');
    assert.ok(await storage.statObject('conflict/dir/b'), 'deleting the folder-named key removed nothing');
  });

  test('names containing ".~" are reserved for its temporary and metadata files', async () => {
    await assert.rejects(storage.putObject('videos/x.~meta', Buffer.from('x')), InvalidObjectKeyError);
    await storage.putObject('typed/source', Buffer.from('x'), { contentType: 'video/mp4' });
    assert.deepEqual(await storage.listObjects('typed'), ['typed/source'], 'the content-type sidecar is not listed');
  });
});
