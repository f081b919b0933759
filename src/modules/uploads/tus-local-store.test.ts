import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ERRORS, Upload } from '@tus/server';
import { LocalTusStore } from './tus-local-store.ts';

const MiB = 1024 * 1024;

/** The body as a request delivers it: socket-sized chunks, optionally failing after some of them. */
function chunked(bytes: Buffer, failAfter = Infinity): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += 64 * 1024) {
        if (at >= failAfter) throw new Error('client went away');
        yield bytes.subarray(at, Math.min(at + 64 * 1024, bytes.length, failAfter));
      }
    })(),
  );
}

describe('tus local store: batched writes', () => {
  let dir: string;
  let store: LocalTusStore;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'streamhub-tus-store-'));
    store = new LocalTusStore({ directory: dir });
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const newUpload = async (size: number) => {
    const id = randomUUID();
    await store.create(new Upload({ id, size, offset: 0 }));
    return id;
  };

  test('bodies spanning several batches land byte-exact at the offset, which then reads as the file size', async () => {
    const whole = randomBytes(11 * MiB + 123);
    const id = await newUpload(whole.length);
    const first = 1000;
    assert.equal(await store.write(chunked(whole.subarray(0, first)), id, 0), first);
    assert.equal((await store.getUpload(id)).offset, first);

    // A resumed PATCH: the rest, from the offset the first one ended at.
    assert.equal(await store.write(chunked(whole.subarray(first)), id, first), whole.length);
    assert.deepEqual(await readFile(join(dir, id)), whole);
    assert.equal((await store.getUpload(id)).offset, whole.length);
  });

  test('when the client goes away, every byte that arrived is kept and the write fails as tus expects', async () => {
    const body = randomBytes(9 * MiB);
    const id = await newUpload(body.length);
    const arrived = 5 * MiB + 7;
    await assert.rejects(store.write(chunked(body, arrived), id, 0), (error) => error === ERRORS.FILE_WRITE_ERROR);
    assert.equal((await store.getUpload(id)).offset, arrived);
    assert.deepEqual(await readFile(join(dir, id)), body.subarray(0, arrived));

    // The client resumes from there and finishes.
    assert.equal(await store.write(chunked(body.subarray(arrived)), id, arrived), body.length);
    assert.deepEqual(await readFile(join(dir, id)), body);
  });

  test('an upload whose file is gone, or an id outside the directory, is refused', async () => {
    const id = await newUpload(10);
    await rm(join(dir, id));
    await assert.rejects(store.write(chunked(randomBytes(10)), id, 0), (error) => error === ERRORS.FILE_WRITE_ERROR);
    await assert.rejects(
      store.write(chunked(randomBytes(10)), '../escape', 0),
      (error) => error === ERRORS.FILE_NOT_FOUND,
    );
  });
});
