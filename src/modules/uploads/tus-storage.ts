import { join } from 'node:path';
import type { DataStore } from '@tus/server';
import type { Config } from '../../config.ts';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import { videoKeys } from '../videos/storage-keys.ts';
import type { SourceStaging } from './source-staging.ts';
import { TusFileStaging } from './tus-file-staging.ts';
import { LazyDataStore } from './lazy-data-store.ts';
import { LocalTusStore } from './tus-local-store.ts';
import { TusS3Staging } from './tus-s3-staging.ts';
import { UPLOAD_TTL_MS } from './upload-policy.ts';

export interface TusStorage {
  datastore: DataStore;
  staging: SourceStaging;
  /** The id tus stores an upload's bytes under. */
  storeIdFor(uploadId: string, videoId: string): string;
}

/** Parts S3Store sends; S3's minimum is 5 MiB, and bigger parts mean fewer round trips. */
const S3_PART_SIZE = 8 * 1024 * 1024;

/** What S3Store implements (its constructor sets them; the uploads S3 test checks this list against it). */
export const S3_TUS_EXTENSIONS = [
  'creation',
  'creation-with-upload',
  'creation-defer-length',
  'termination',
  'expiration',
] as const;

/**
 * Where tus receives bytes: a local directory in embedded mode, or straight into the S3 bucket
 * at the video's source key in S3 mode (no copy after a multi-GB upload). The expiration period
 * makes tus refuse late PATCHes with 410 and announce Upload-Expires; the uploads sweeper removes
 * the bytes.
 */
export function createTusStorage(config: Config, storage: ObjectStorage): TusStorage {
  if (config.s3) {
    const { s3 } = config;
    const openS3Store = async () => {
      const { S3Store } = await import('@tus/s3-store');
      return new S3Store({
        partSize: S3_PART_SIZE,
        expirationPeriodInMilliseconds: UPLOAD_TTL_MS,
        // Expiry is tracked in our uploads table; object tags are not supported by every S3-compatible store.
        useTags: false,
        s3ClientConfig: {
          bucket: s3.bucket,
          endpoint: s3.endpoint,
          region: s3.region,
          forcePathStyle: s3.forcePathStyle,
          credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
          // As in the storage adapter: no default CRC32 / aws-chunked bodies, which many stores reject.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        },
      });
    };
    // Imported on the first upload request: see lazy-data-store.ts.
    const datastore = new LazyDataStore(openS3Store, S3_TUS_EXTENSIONS, UPLOAD_TTL_MS);
    return {
      datastore,
      staging: new TusS3Staging(datastore, storage),
      storeIdFor: (_uploadId, videoId) => videoKeys(videoId).source,
    };
  }
  const datastore = new LocalTusStore({
    directory: join(config.dataDir, 'uploads'),
    expirationPeriodInMilliseconds: UPLOAD_TTL_MS,
  });
  return { datastore, staging: new TusFileStaging(datastore, storage), storeIdFor: (uploadId) => uploadId };
}
