import type stream from 'node:stream';
import { DataStore, type Upload } from '@tus/server';

/**
 * A tus DataStore that imports the real one on its first use. @tus/s3-store loads the whole AWS SDK
 * (~4 MiB of heap plus its code); behind this, a server in local-storage mode never loads it, and one in
 * S3 mode loads it on its first upload request, while the services are still composed synchronously.
 * The real store's extensions must be known up front (tus reads them when it answers OPTIONS), and its
 * expiry period is fixed by our configuration. A failed import fails that request and is retried on the
 * next one, so a missing package shows in every upload's error.
 */
export class LazyDataStore extends DataStore {
  private loading: Promise<DataStore> | undefined;

  constructor(
    private readonly load: () => Promise<DataStore>,
    extensions: readonly string[],
    private readonly expirationMs: number,
  ) {
    super();
    this.extensions = [...extensions];
  }

  private store(): Promise<DataStore> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  override async create(upload: Upload): Promise<Upload> {
    return (await this.store()).create(upload);
  }

  override async remove(id: string): Promise<void> {
    return (await this.store()).remove(id);
  }

  override async write(readable: stream.Readable, id: string, offset: number): Promise<number> {
    return (await this.store()).write(readable, id, offset);
  }

  override async getUpload(id: string): Promise<Upload> {
    return (await this.store()).getUpload(id);
  }

  override async declareUploadLength(id: string, length: number): Promise<void> {
    return (await this.store()).declareUploadLength(id, length);
  }

  override async deleteExpired(): Promise<number> {
    return (await this.store()).deleteExpired();
  }

  override getExpiration(): number {
    return this.expirationMs;
  }

  /** tus's GET handler uses `read` when the store has one (S3Store does). */
  async read(id: string): Promise<stream.Readable> {
    const store = (await this.store()) as DataStore & { read?: (id: string) => Promise<stream.Readable> };
    if (!store.read) throw new Error('this tus store cannot read uploads back');
    return store.read(id);
  }
}
