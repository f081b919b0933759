import type { Readable } from 'node:stream';

/**
 * The object-storage port: a flat namespace of keys ("videos/abc/hls/720p/seg-001.ts") holding
 * immutable blobs. Adapters: a local directory (embedded) and any S3-compatible store (scale-out).
 *
 * Prefixes are folder-like: `deletePrefix('videos/abc')` and `listObjects('videos/abc')` act on keys
 * under `videos/abc/` and never on `videos/abcdef/...`, so removing one video can't touch another.
 */
export interface ObjectStorage {
  readonly kind: 'local' | 's3';

  /** Stores a whole object, replacing any previous one. Readers see the old or the new object, never a mix. */
  putObject(key: string, body: Buffer | Readable, options?: PutOptions): Promise<void>;
  putFile(key: string, localPath: string, options?: PutOptions): Promise<void>;
  /**
   * Local storage only: makes a local file the object without copying its bytes (a hard link, for
   * a finished upload received on the same disk). The file may be removed from `localPath` afterwards.
   */
  adoptFile?(key: string, localPath: string, options?: PutOptions): Promise<void>;
  /**
   * Uploads every regular file under `localDir` as `<prefix>/<relative path>`, with a content type
   * guessed from the extension. Returns the keys written, sorted.
   */
  uploadDirectory(prefix: string, localDir: string): Promise<string[]>;

  /** Throws ObjectNotFoundError when the key is absent, RangeNotSatisfiableError when `range.start` is past the end. */
  getObject(key: string, options?: GetOptions): Promise<StoredObject>;
  statObject(key: string): Promise<ObjectMetadata | null>;
  /** Writes the object to `localPath` (parent folders created), atomically: the file appears whole or not at all. */
  downloadToFile(key: string, localPath: string): Promise<void>;

  /** Idempotent: deleting a missing key succeeds. */
  deleteObject(key: string): Promise<void>;
  /** Removes every key under the folder-like prefix (which must not be empty); returns how many were removed. */
  deletePrefix(prefix: string): Promise<number>;
  /** Every key under the folder-like prefix (`''` lists everything), sorted by code unit like S3. */
  listObjects(prefix: string): Promise<string[]>;
  /** `listObjects` with each object's size: what a folder occupies, from the store's own listing. */
  listObjectSizes(prefix: string): Promise<ListedObject[]>;

  /** Direct-to-store URLs so browsers upload and download without passing bytes through our server. S3 only. */
  readonly presign?: PresignCapability;
}

export interface PutOptions {
  /** Defaults to a guess from the key's extension (see content-types.ts). */
  contentType?: string;
}

/** Inclusive byte offsets, as in an HTTP `Range: bytes=start-end` header. */
export interface ByteRange {
  start: number;
  /** Omitted means "to the end"; past the end is clamped to the last byte (HTTP semantics). */
  end?: number;
}

export interface GetOptions {
  range?: ByteRange;
}

export interface ObjectMetadata {
  key: string;
  /** Size of the whole object in bytes, even when only a range is read. */
  size: number;
  contentType: string;
  /** A quoted strong entity tag, usable as-is in an HTTP `ETag` header; changes whenever the object is rewritten. */
  etag: string;
  lastModified: Date;
}

export interface ListedObject {
  key: string;
  size: number;
}

export interface StoredObject extends ObjectMetadata {
  body: Readable;
  /** Present when a range was requested: the inclusive offsets actually returned (`end` clamped to the object). */
  contentRange?: { start: number; end: number };
}

export interface UploadedPart {
  partNumber: number;
  etag: string;
}

export interface ListedPart extends UploadedPart {
  size: number;
}

export interface PresignCapability {
  getUrl(key: string, ttlSeconds: number): Promise<string>;
  /** When `contentType` is given it is signed, so the uploader must send exactly that `Content-Type`. */
  putUrl(key: string, ttlSeconds: number, contentType?: string): Promise<string>;
  /** Starts a multipart upload; returns the upload id. Parts must be at least 5 MiB except the last. */
  createMultipartUpload(key: string, contentType: string): Promise<string>;
  /** A URL the client PUTs one part's bytes to; the response's `ETag` header is the part's etag. */
  partUrl(key: string, uploadId: string, partNumber: number, ttlSeconds: number): Promise<string>;
  completeMultipartUpload(key: string, uploadId: string, parts: UploadedPart[]): Promise<void>;
  /** Discards the uploaded parts. Throws MultipartUploadNotFoundError for an unknown or finished upload. */
  abortMultipartUpload(key: string, uploadId: string): Promise<void>;
  /** Parts received so far, by part number, so an interrupted client can resume. */
  listParts(key: string, uploadId: string): Promise<ListedPart[]>;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`object not found: ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

export class InvalidObjectKeyError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`invalid object key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'InvalidObjectKeyError';
  }
}

/** The requested range starts at or past the end of the object (HTTP 416). */
export class RangeNotSatisfiableError extends Error {
  constructor(
    readonly key: string,
    readonly size: number,
  ) {
    super(`range not satisfiable for ${key} (size ${size})`);
    this.name = 'RangeNotSatisfiableError';
  }
}

export class MultipartUploadNotFoundError extends Error {
  constructor(
    readonly key: string,
    readonly uploadId: string,
  ) {
    super(`multipart upload not found: ${uploadId} for ${key}`);
    this.name = 'MultipartUploadNotFoundError';
  }
}
