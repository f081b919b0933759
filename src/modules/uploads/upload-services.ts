import type { Platform } from '../../platform/platform.ts';
import type { VideoService } from '../videos/service.ts';
import { DirectStaging } from './direct-staging.ts';
import { DirectUploadService } from './direct-upload-service.ts';
import { UploadService } from './service.ts';
import { TusEndpoint } from './tus-endpoint.ts';
import { createTusStorage, type TusStorage } from './tus-storage.ts';

export interface UploadServices {
  uploads: UploadService;
  direct: DirectUploadService;
  tus: TusEndpoint;
  tusStorage: TusStorage;
}

/** Wires the uploads module for this platform: tus on local files or S3, direct uploads with S3 only. */
export function createUploadServices(
  { config, storage, logger, database: { db } }: Pick<Platform, 'config' | 'storage' | 'logger' | 'database'>,
  videos: VideoService,
): UploadServices {
  const tusStorage = createTusStorage(config, storage);
  const uploads = new UploadService({
    config,
    db,
    logger,
    videos,
    staging: {
      tus: tusStorage.staging,
      ...(storage.presign ? { direct: new DirectStaging(storage, storage.presign) } : {}),
    },
  });
  return {
    uploads,
    direct: new DirectUploadService({ db, storage, uploads }),
    tus: new TusEndpoint({ config, datastore: tusStorage.datastore, uploads, logger }),
    tusStorage,
  };
}
