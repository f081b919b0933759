import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startS3Server, type TestS3Server } from '../../../test/support/s3-server.ts';
import { MiB, patternedBytes, readAll, sha256 } from '../../../test/support/storage-bytes.ts';
import { InvalidObjectKeyError, MultipartUploadNotFoundError } from './object-storage.ts';
import { S3ObjectStorage, type S3StorageOptions } from './s3-storage.ts';

// Presigned URLs and multipart uploads, which only the S3 adapter has; the shared contract is in storage.test.ts.
let s3Server: TestS3Server | undefined;
async function s3rverOptions(): Promise<S3StorageOptions> {
  s3Server ??= await startS3Server();
  return { ...s3Server, forcePathStyle: true };
}
after(async () => {
  await s3Server?.close();
});

describe('S3 presigned URLs and multipart uploads (s3rver)', () => {
  let storage: S3ObjectStorage;
  const run = `presign-${randomUUID()}`;

  before(async () => {
    storage = new S3ObjectStorage(await s3rverOptions());
  });
  after(async () => {
    await storage.deletePrefix(run);
    storage.close();
  });

  test('a presigned GET URL downloads the object with plain fetch', async () => {
    const key = `${run}/get/poster.jpg`;
    await storage.putObject(key, Buffer.from('jpeg bytes'));
    const response = await fetch(await storage.presign.getUrl(key, 60));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/jpeg');
    assert.equal(await response.text(), 'jpeg bytes');
  });

  test('a presigned PUT URL uploads with plain fetch, with the signed content type', async () => {
    const key = `${run}/put/source`;
    const url = await storage.presign.putUrl(key, 60, 'video/mp4');
    const bytes = patternedBytes(100_000, 5);
    const response = await fetch(url, { method: 'PUT', body: bytes, headers: { 'content-type': 'video/mp4' } });
    assert.equal(response.status, 200, await response.text());
    const object = await storage.getObject(key);
    assert.equal(object.contentType, 'video/mp4');
    assert.deepEqual(await readAll(object.body), bytes);
  });

  test('a multipart upload through presigned part URLs assembles the parts in order', async () => {
    const key = `${run}/multipart/source`;
    const parts = [patternedBytes(5 * MiB + 1, 6), patternedBytes(5 * MiB, 7), patternedBytes(12_345, 8)];
    const uploadId = await storage.presign.createMultipartUpload(key, 'video/webm');

    const uploaded = await Promise.all(
      parts.map(async (bytes, index) => {
        const partNumber = index + 1;
        const response = await fetch(await storage.presign.partUrl(key, uploadId, partNumber, 60), {
          method: 'PUT',
          body: bytes,
        });
        assert.equal(response.status, 200, await response.text());
        const etag = response.headers.get('etag');
        assert.ok(etag, 'the part response carries an ETag');
        return { partNumber, etag };
      }),
    );

    const listed = await storage.presign.listParts(key, uploadId);
    assert.deepEqual(
      listed.map(({ partNumber, etag, size }) => ({ partNumber, etag, size })),
      uploaded.map((part, index) => ({ ...part, size: parts[index]?.length })),
    );

    await storage.presign.completeMultipartUpload(key, uploadId, [...uploaded].reverse());
    const object = await storage.getObject(key);
    assert.equal(object.contentType, 'video/webm');
    assert.equal(sha256(await readAll(object.body)), sha256(Buffer.concat(parts)));
  });

  test('an aborted multipart upload leaves nothing behind and can no longer be used', async () => {
    const key = `${run}/aborted/source`;
    const uploadId = await storage.presign.createMultipartUpload(key, 'video/mp4');
    const response = await fetch(await storage.presign.partUrl(key, uploadId, 1, 60), {
      method: 'PUT',
      body: patternedBytes(5 * MiB, 9),
    });
    assert.equal(response.status, 200);
    const etag = response.headers.get('etag') ?? '';

    await storage.presign.abortMultipartUpload(key, uploadId);
    await assert.rejects(storage.presign.listParts(key, uploadId), MultipartUploadNotFoundError);
    await assert.rejects(
      storage.presign.completeMultipartUpload(key, uploadId, [{ partNumber: 1, etag }]),
      MultipartUploadNotFoundError,
    );
    await assert.rejects(storage.presign.abortMultipartUpload(key, uploadId), MultipartUploadNotFoundError);
    assert.equal(await storage.statObject(key), null);
  });

  test('presigning validates keys and part numbers', async () => {
    await assert.rejects(storage.presign.getUrl('../secret', 60), InvalidObjectKeyError);
    await assert.rejects(storage.presign.putUrl('/abs', 60), InvalidObjectKeyError);
    await assert.rejects(storage.presign.partUrl(`${run}/x`, 'id', 0, 60), RangeError);
    await assert.rejects(storage.presign.partUrl(`${run}/x`, 'id', 10_001, 60), RangeError);
  });

  test('ensureBucket creates a missing bucket and is idempotent', async () => {
    const fresh = new S3ObjectStorage({ ...(await s3rverOptions()), bucket: `fresh-${randomUUID().slice(0, 8)}` });
    try {
      await assert.rejects(fresh.listObjects(''));
      await fresh.ensureBucket();
      await fresh.ensureBucket();
      await fresh.putObject('hello.txt', Buffer.from('hi'));
      assert.deepEqual(await fresh.listObjects(''), ['hello.txt']);
    } finally {
      fresh.close();
    }
  });
});
