import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { ERRORS, isPathInsideDirectory } from '@tus/server';

/** Bytes gathered from the request before one writev: few system calls, and the next batch fills meanwhile. */
const WRITE_BATCH_BYTES = 4 * 1024 * 1024;
/** Written bytes after which a background fdatasync starts (one at a time). */
const SYNC_EVERY_BYTES = 32 * 1024 * 1024;

/**
 * @tus/file-store with a cheaper write path for large bodies. FileStore writes each socket chunk
 * (≤ 64 KiB) on its own through a counting Transform into a 16 KiB WriteStream; this store gathers
 * the chunks into batches written with one writev each while the next batch fills, and flushes what
 * it has written to disk in the background as the upload grows, so the fsync when media storage
 * adopts the finished file has only the last stretch left instead of the whole file.
 *
 * The protocol is unchanged: the offset is still the file's size (so a restarted server resumes from
 * what reached the file), and bytes received before the client went away are written before the
 * error is reported, as FileStore's stream pipeline does.
 */
export class LocalTusStore extends FileStore {
  override async write(readable: Readable, fileId: string, offset: number): Promise<number> {
    const path = join(this.directory, fileId);
    if (!isPathInsideDirectory(this.directory, path)) throw ERRORS.FILE_NOT_FOUND;
    const file = await open(path, 'r+').catch(() => {
      throw ERRORS.FILE_WRITE_ERROR;
    });
    const writer = new BatchWriter(file, offset);
    try {
      let sourceError: unknown;
      try {
        for await (const chunk of readable) await writer.add(chunk as Buffer);
      } catch (error) {
        sourceError = error;
      }
      // After a source error too: what arrived is kept, and is the offset a resuming client gets.
      await writer.finish();
      if (sourceError) throw sourceError;
      return writer.position;
    } catch {
      throw ERRORS.FILE_WRITE_ERROR;
    } finally {
      await writer.close();
    }
  }
}

class BatchWriter {
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private writing: Promise<void> = Promise.resolve();
  private syncing: Promise<void> | undefined;
  private unsyncedBytes = 0;

  constructor(
    private readonly file: FileHandle,
    /** Where the next batch goes: every byte before it has been written (or is being written). */
    public position: number,
  ) {}

  /** Adds a chunk; waits for the previous batch's write only when this one is full. */
  async add(chunk: Buffer): Promise<void> {
    this.batch.push(chunk);
    this.batchBytes += chunk.length;
    if (this.batchBytes >= WRITE_BATCH_BYTES) await this.flush();
  }

  /** Starts writing the gathered batch once the previous write is done; resolves when that one is. */
  async flush(): Promise<void> {
    await this.writing;
    if (this.batchBytes === 0) return;
    const buffers = this.batch;
    const bytes = this.batchBytes;
    const at = this.position;
    this.batch = [];
    this.batchBytes = 0;
    this.position += bytes;
    this.writing = this.file.writev(buffers, at).then(({ bytesWritten }) => {
      if (bytesWritten !== bytes) throw new Error(`short write: ${bytesWritten} of ${bytes} bytes`);
      this.syncInBackground(bytes);
    });
    // The caller goes on reading while this batch is written; a failure surfaces at the next flush.
    this.writing.catch(() => undefined);
  }

  /** Writes what is left and waits for every write; throws if one failed. */
  async finish(): Promise<void> {
    await this.flush();
    await this.writing;
  }

  /** Waits for the writes and the background sync to end (the file must not close under them), then closes it. */
  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
    await this.syncing;
    await this.file.close();
  }

  private syncInBackground(bytes: number): void {
    this.unsyncedBytes += bytes;
    if (this.syncing || this.unsyncedBytes < SYNC_EVERY_BYTES) return;
    this.unsyncedBytes = 0;
    // Only an early flush of pages the adopting fsync would flush anyway: a failure here changes nothing.
    this.syncing = this.file
      .datasync()
      .catch(() => undefined)
      .finally(() => (this.syncing = undefined));
  }
}
