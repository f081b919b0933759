import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';

/** S3's cap on parts per upload; with the default part size an object can reach 80 GiB. */
export const MAX_PARTS = 10_000;
/** Above S3's 5 MiB minimum part size. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

export interface StreamUploadTarget {
  client: S3Client;
  bucket: string;
  key: string;
  contentType: string;
}

/**
 * Uploads a stream of unknown length without holding it in memory: one PutObject when it fits in a
 * single part, otherwise a multipart upload sent one buffered part at a time (at most two parts in
 * memory). Buffered parts also make each request retryable by the SDK, which a raw stream isn't.
 * A failed multipart upload is aborted so S3 doesn't keep billing for orphaned parts.
 */
export async function uploadStream(
  target: StreamUploadTarget,
  body: Readable,
  partSize = DEFAULT_PART_SIZE,
): Promise<void> {
  try {
    const parts = fixedSizeParts(body, partSize);
    const first = await parts.next();
    if (first.done) return await putWhole(target, Buffer.alloc(0));
    const second = await parts.next();
    if (second.done) return await putWhole(target, first.value);
    await uploadInParts(target, partSize, prepend([first.value, second.value], parts));
  } catch (error) {
    // Release the source (an open file for putFile) whatever failed: S3, the network or the stream.
    body.destroy();
    throw error;
  }
}

async function putWhole({ client, bucket, key, contentType }: StreamUploadTarget, bytes: Buffer): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }));
}

async function uploadInParts(
  target: StreamUploadTarget,
  partSize: number,
  parts: AsyncIterable<Buffer>,
): Promise<void> {
  const { client, bucket, key, contentType } = target;
  const created = await client.send(
    new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }),
  );
  const uploadId = required(created.UploadId, 'CreateMultipartUpload returned no UploadId');
  try {
    const uploaded: { PartNumber: number; ETag: string }[] = [];
    for await (const bytes of parts) {
      const partNumber = uploaded.length + 1;
      if (partNumber > MAX_PARTS)
        throw new Error(`${key}: stream needs more than ${MAX_PARTS} parts of ${partSize} bytes`);
      const response = await client.send(
        new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber, Body: bytes }),
      );
      uploaded.push({ PartNumber: partNumber, ETag: required(response.ETag, 'UploadPart returned no ETag') });
    }
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: uploaded },
      }),
    );
  } catch (error) {
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => {
      // The original failure matters more; an S3 lifecycle rule can reap an upload we failed to abort.
    });
    throw error;
  }
}

async function* prepend(leading: Buffer[], rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer, void> {
  yield* leading;
  yield* rest;
}

/** Re-chunks a stream into Buffers of exactly `partSize` bytes, the last one possibly shorter. */
async function* fixedSizeParts(stream: Readable, partSize: number): AsyncGenerator<Buffer, void> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of stream) {
    let bytes: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    while (pendingBytes + bytes.length >= partSize) {
      const needed = partSize - pendingBytes;
      pending.push(bytes.subarray(0, needed));
      yield Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      bytes = bytes.subarray(needed);
    }
    if (bytes.length > 0) {
      pending.push(bytes);
      pendingBytes += bytes.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}

function required<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new Error(message);
  return value;
}
