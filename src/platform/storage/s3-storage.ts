import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
} from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { discardSource, writeFileAtomically } from './atomic-file.ts';
import { assertWellFormedRange } from './byte-range.ts';
import { contentTypeForKey, DEFAULT_CONTENT_TYPE } from './content-types.ts';
import { assertValidKey, folderPrefix } from './object-keys.ts';
import {
  ObjectNotFoundError,
  RangeNotSatisfiableError,
  type GetOptions,
  type ListedObject,
  type ObjectMetadata,
  type ObjectStorage,
  type PutOptions,
  type StoredObject,
} from './object-storage.ts';
import { S3Presigner } from './s3-presign.ts';
import { DEFAULT_PART_SIZE, MAX_PARTS, uploadStream } from './s3-stream-upload.ts';
import { uploadDirectoryWith } from './upload-directory.ts';

export interface S3StorageOptions {
  /** Omit for AWS itself; set for MinIO, Ceph, R2, Backblaze B2, s3rver... */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`; most self-hosted stores need it. */
  forcePathStyle: boolean;
}

/** Small HLS segments dominate directory uploads; this many in flight hides per-request latency. */
const UPLOAD_DIRECTORY_CONCURRENCY = 8;

export class S3ObjectStorage implements ObjectStorage {
  readonly kind = 's3';
  readonly presign: S3Presigner;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Recent SDKs add CRC32 checksums (and aws-chunked bodies) to every upload by default, which many
      // S3-compatible stores reject or store verbatim, and which would leak into presigned PUT URLs.
      // Sending them only where S3 demands one (DeleteObjects) keeps us portable across stores.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.presign = new S3Presigner(this.client, this.bucket);
  }

  async putObject(key: string, body: Buffer | Readable, options: PutOptions = {}): Promise<void> {
    try {
      assertValidKey(key);
    } catch (error) {
      discardSource(body);
      throw error;
    }
    const bytes = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    await uploadStream(this.target(key, options), bytes);
  }

  async putFile(key: string, localPath: string, options: PutOptions = {}): Promise<void> {
    assertValidKey(key);
    const { size } = await stat(localPath);
    // Grow parts for huge files so they still fit in S3's 10,000-part limit.
    const partSize = Math.max(DEFAULT_PART_SIZE, Math.ceil(size / MAX_PARTS));
    await uploadStream(this.target(key, options), createReadStream(localPath), partSize);
  }

  uploadDirectory(prefix: string, localDir: string): Promise<string[]> {
    return uploadDirectoryWith(this, prefix, localDir, UPLOAD_DIRECTORY_CONCURRENCY);
  }

  async getObject(key: string, options: GetOptions = {}): Promise<StoredObject> {
    assertValidKey(key);
    if (options.range) assertWellFormedRange(options.range);
    const range = options.range ? `bytes=${options.range.start}-${options.range.end ?? ''}` : undefined;
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range }));
      if (!(response.Body instanceof Readable)) throw new Error(`GetObject for ${key} returned a non-stream body`);
      const contentRange = response.ContentRange ? parseContentRange(response.ContentRange) : undefined;
      return {
        key,
        size: contentRange?.size ?? response.ContentLength ?? 0,
        contentType: response.ContentType ?? DEFAULT_CONTENT_TYPE,
        etag: response.ETag ?? '',
        lastModified: response.LastModified ?? new Date(0),
        body: response.Body,
        ...(options.range && contentRange && { contentRange: { start: contentRange.start, end: contentRange.end } }),
      };
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key);
      if (isErrorNamed(error, 'InvalidRange')) {
        const size = await this.statObject(key);
        throw new RangeNotSatisfiableError(key, size?.size ?? 0);
      }
      throw error;
    }
  }

  async statObject(key: string): Promise<ObjectMetadata | null> {
    assertValidKey(key);
    try {
      const response = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        size: response.ContentLength ?? 0,
        contentType: response.ContentType ?? DEFAULT_CONTENT_TYPE,
        etag: response.ETag ?? '',
        lastModified: response.LastModified ?? new Date(0),
      };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async downloadToFile(key: string, localPath: string): Promise<void> {
    const object = await this.getObject(key);
    await writeFileAtomically(localPath, object.body);
  }

  async deleteObject(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async deletePrefix(prefix: string): Promise<number> {
    const folder = folderPrefix(prefix, { allowRoot: false });
    let deleted = 0;
    // Listing pages hold at most 1000 keys, exactly DeleteObjects' batch limit. Deleting a page before
    // fetching the next is safe: the continuation token is a position in key order, not an offset.
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix: folder })) {
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
      if (keys.length === 0) continue;
      const response = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: keys.map((key) => ({ Key: key })), Quiet: true },
        }),
      );
      const failure = response.Errors?.[0];
      if (failure)
        throw new Error(`deleting ${failure.Key ?? '?'} failed: ${failure.Code ?? ''} ${failure.Message ?? ''}`);
      deleted += keys.length;
    }
    return deleted;
  }

  async listObjects(prefix: string): Promise<string[]> {
    return (await this.listObjectSizes(prefix)).map((object) => object.key);
  }

  async listObjectSizes(prefix: string): Promise<ListedObject[]> {
    const folder = folderPrefix(prefix, { allowRoot: true });
    const objects: ListedObject[] = [];
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix: folder })) {
      for (const object of page.Contents ?? [])
        if (object.Key) objects.push({ key: object.Key, size: object.Size ?? 0 });
    }
    return objects;
  }

  /** Creates the bucket when it doesn't exist: for embedded S3 servers and tests, not production setup. */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      if (!isMissing(error)) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket })).catch((createError: unknown) => {
        // Another process creating it at the same moment is success too.
        if (!isErrorNamed(createError, 'BucketAlreadyOwnedByYou')) throw createError;
      });
    }
  }

  /** Closes the SDK's keep-alive sockets so a process (or test run) can exit promptly. */
  close(): void {
    this.client.destroy();
  }

  private target(key: string, options: PutOptions) {
    return {
      client: this.client,
      bucket: this.bucket,
      key,
      contentType: options.contentType ?? contentTypeForKey(key),
    };
  }
}

/** "bytes 0-9/100" → inclusive offsets and the whole object's size. */
function parseContentRange(header: string): { start: number; end: number; size: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header);
  if (!match) return undefined;
  return { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) };
}

function isErrorNamed(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

/**
 * A missing key (or, for HEAD requests, whose responses have no body to name the error, a bare 404).
 * NoSuchBucket is deliberately not "missing": a misconfigured bucket must fail loudly, not look empty.
 */
function isMissing(error: unknown): boolean {
  if (isErrorNamed(error, 'NoSuchKey') || isErrorNamed(error, 'NotFound')) return true;
  if (isErrorNamed(error, 'NoSuchBucket')) return false;
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode === 404;
}
