import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertValidKey } from './object-keys.ts';
import {
  MultipartUploadNotFoundError,
  type ListedPart,
  type PresignCapability,
  type UploadedPart,
} from './object-storage.ts';
import { MAX_PARTS } from './s3-stream-upload.ts';

/**
 * Presigned URLs and the multipart calls around them, so a browser sends and fetches video bytes
 * straight to and from the store while our server only signs and bookkeeps.
 */
export class S3Presigner implements PresignCapability {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async getUrl(key: string, ttlSeconds: number): Promise<string> {
    assertValidKey(key);
    return await getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: ttlSeconds,
    });
  }

  async putUrl(key: string, ttlSeconds: number, contentType?: string): Promise<string> {
    assertValidKey(key);
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType });
    return await getSignedUrl(this.client, command, { expiresIn: ttlSeconds });
  }

  async createMultipartUpload(key: string, contentType: string): Promise<string> {
    assertValidKey(key);
    const created = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }),
    );
    if (!created.UploadId) throw new Error(`CreateMultipartUpload for ${key} returned no UploadId`);
    return created.UploadId;
  }

  async partUrl(key: string, uploadId: string, partNumber: number, ttlSeconds: number): Promise<string> {
    assertValidKey(key);
    assertPartNumber(partNumber);
    const command = new UploadPartCommand({
      Bucket: this.bucket,
      Key: key,
      UploadId: uploadId,
      PartNumber: partNumber,
    });
    return await getSignedUrl(this.client, command, { expiresIn: ttlSeconds });
  }

  async completeMultipartUpload(key: string, uploadId: string, parts: UploadedPart[]): Promise<void> {
    assertValidKey(key);
    if (parts.length === 0) throw new RangeError('a multipart upload needs at least one part');
    for (const part of parts) assertPartNumber(part.partNumber);
    // S3 requires ascending part numbers; clients finishing parts in parallel report them in any order.
    const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
    const command = new CompleteMultipartUploadCommand({
      Bucket: this.bucket,
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts: sorted.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })) },
    });
    await uploadMustExist(key, uploadId, this.client.send(command));
  }

  async abortMultipartUpload(key: string, uploadId: string): Promise<void> {
    assertValidKey(key);
    const command = new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId });
    await uploadMustExist(key, uploadId, this.client.send(command));
  }

  async listParts(key: string, uploadId: string): Promise<ListedPart[]> {
    assertValidKey(key);
    const parts: ListedPart[] = [];
    let marker: string | undefined;
    do {
      const command = new ListPartsCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        PartNumberMarker: marker,
      });
      const page = await uploadMustExist(key, uploadId, this.client.send(command));
      for (const part of page.Parts ?? []) {
        if (part.PartNumber === undefined || part.ETag === undefined) continue;
        parts.push({ partNumber: part.PartNumber, etag: part.ETag, size: part.Size ?? 0 });
      }
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker);
    return parts;
  }
}

/** Turns S3's NoSuchUpload (unknown, aborted or completed upload) into our typed error. */
async function uploadMustExist<T>(key: string, uploadId: string, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if ((error as Error).name === 'NoSuchUpload') throw new MultipartUploadNotFoundError(key, uploadId);
    throw error;
  }
}

function assertPartNumber(partNumber: number): void {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PARTS) {
    throw new RangeError(`part number must be an integer from 1 to ${MAX_PARTS}, got ${partNumber}`);
  }
}
