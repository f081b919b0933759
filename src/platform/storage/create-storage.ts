import { join } from 'node:path';
import { LocalObjectStorage } from './local-storage.ts';
import type { ObjectStorage } from './object-storage.ts';
import type { S3StorageOptions } from './s3-storage.ts';

export interface ObjectStorageOptions {
  dataDir: string;
  /** Set (from the S3_* variables) to use an S3-compatible store; absent means files under `${dataDir}/media`. */
  s3?: S3StorageOptions;
}

/**
 * The S3 adapter is imported only in S3 mode: the AWS SDK it pulls in costs ~4 MiB of heap and its code,
 * which the embedded default (a local directory) never uses.
 */
export async function createObjectStorage(options: ObjectStorageOptions): Promise<ObjectStorage> {
  if (!options.s3) return new LocalObjectStorage(join(options.dataDir, 'media'));
  const { S3ObjectStorage } = await import('./s3-storage.ts');
  return new S3ObjectStorage(options.s3);
}
