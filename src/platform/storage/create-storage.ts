import { join } from 'node:path';
import { LocalObjectStorage } from './local-storage.ts';
import type { ObjectStorage } from './object-storage.ts';
import { S3ObjectStorage, type S3StorageOptions } from './s3-storage.ts';

export interface ObjectStorageOptions {
  dataDir: string;
  /** Set (from the S3_* variables) to use an S3-compatible store; absent means files under `${dataDir}/media`. */
  s3?: S3StorageOptions;
}

export function createObjectStorage(options: ObjectStorageOptions): ObjectStorage {
  return options.s3 ? new S3ObjectStorage(options.s3) : new LocalObjectStorage(join(options.dataDir, 'media'));
}
