import { createReadStream, type BigIntStats } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { discardSource, stageFile, stageHardLink, writeFileAtomically } from './atomic-file.ts';
import { resolveRange } from './byte-range.ts';
import { contentTypeForKey } from './content-types.ts';
import { assertValidKey, folderPrefix } from './object-keys.ts';
import {
  InvalidObjectKeyError,
  ObjectNotFoundError,
  type GetOptions,
  type ListedObject,
  type ObjectMetadata,
  type ObjectStorage,
  type PutOptions,
  type StoredObject,
} from './object-storage.ts';
import { listFilesRecursively, uploadDirectoryWith } from './upload-directory.ts';

/** Beside an object, records a content type that its extension wouldn't give. */
const METADATA_SUFFIX = '.~meta';
/** Both our temporary and metadata file names contain this, so it is reserved in local keys. */
const RESERVED_NAME_PART = '.~';
const UPLOAD_DIRECTORY_CONCURRENCY = 4;
/** stat calls in flight while sizing a folder: an HLS ladder is hundreds of segment files. */
const STAT_CONCURRENCY = 16;

interface MetadataSidecar {
  /** The ETag of the object file this describes; a mismatch means the sidecar is stale. */
  etag: string;
  contentType: string;
}

/**
 * Objects as plain files under `rootDir` (key "videos/a/hls/index.m3u8" is that relative path), so
 * the media folder stays inspectable with ordinary tools.
 *
 * Atomicity: every write goes to a flushed temporary file in the target's directory and is renamed
 * over the target; rename(2) is atomic, so readers (who hold an open descriptor) get the old or the
 * new file whole, and concurrent writers simply race to be the last rename.
 *
 * ETag: `"<inode>-<size>-<mtime ns>"`, taken from stat as Apache does, so stat and get never hash the
 * file. Every write creates its file while the previous version still exists, so consecutive
 * versions always differ at least in inode. Unlike S3's MD5 tag, two uploads of identical bytes get
 * different tags, which only costs a client one re-download.
 *
 * Content type: guessed from the extension; an explicit different type is kept in a small sidecar
 * bound to the object's ETag, so a sidecar left by an older write is ignored rather than misapplied.
 *
 * A local folder can't be both a file and a directory, so unlike S3 a key can't coexist with keys
 * under it ("a" and "a/b"); the key layout in docs/STORAGE.md never needs that.
 */
export class LocalObjectStorage implements ObjectStorage {
  readonly kind = 'local';
  private readonly root: string;

  constructor(rootDir: string) {
    this.root = resolve(rootDir);
  }

  async putObject(key: string, body: Buffer | Readable, options: PutOptions = {}): Promise<void> {
    let path: string;
    try {
      path = this.pathForKey(key);
    } catch (error) {
      discardSource(body);
      throw error;
    }
    await this.write(key, path, body, options.contentType);
  }

  async putFile(key: string, localPath: string, options: PutOptions = {}): Promise<void> {
    // Validate before opening the source, so a bad key can't leave a read stream dangling.
    const path = this.pathForKey(key);
    await this.write(key, path, createReadStream(localPath), options.contentType);
  }

  /**
   * Makes the local file at `localPath` the object without copying its bytes: a hard link renamed
   * into place, atomically like any write. The file stays where it was too; removing it there later
   * leaves the object intact. Falls back to a copy when the file is on another file system.
   */
  async adoptFile(key: string, localPath: string, options: PutOptions = {}): Promise<void> {
    const path = this.pathForKey(key);
    await this.explainingKeyConflicts(key, () => mkdir(dirname(path), { recursive: true }));
    const staged = await stageHardLink(path, localPath);
    if (!staged) return this.putFile(key, localPath, options);
    await this.publish(key, path, staged, options.contentType);
    // rename(2) does nothing when both names are links to one file (adopting the same file again),
    // which would leave the temporary link behind.
    await rm(staged, { force: true });
  }

  uploadDirectory(prefix: string, localDir: string): Promise<string[]> {
    return uploadDirectoryWith(this, prefix, localDir, UPLOAD_DIRECTORY_CONCURRENCY);
  }

  async getObject(key: string, options: GetOptions = {}): Promise<StoredObject> {
    const path = this.pathForKey(key);
    const handle = await open(path, 'r').catch((error: unknown) => {
      throw isMissingPathError(error) ? new ObjectNotFoundError(key) : error;
    });
    try {
      // Stat the open descriptor, not the path: a concurrent rename may replace the path, but these
      // bytes and this metadata stay together.
      const stats = await handle.stat({ bigint: true });
      if (!stats.isFile()) throw new ObjectNotFoundError(key);
      const metadata = await this.metadataFor(key, path, stats);
      if (!options.range) return { ...metadata, body: handle.createReadStream() };
      const contentRange = resolveRange(key, options.range, metadata.size);
      return { ...metadata, contentRange, body: handle.createReadStream(contentRange) };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async statObject(key: string): Promise<ObjectMetadata | null> {
    const path = this.pathForKey(key);
    const stats = await statFile(path);
    return stats ? this.metadataFor(key, path, stats) : null;
  }

  async downloadToFile(key: string, localPath: string): Promise<void> {
    const object = await this.getObject(key);
    await writeFileAtomically(localPath, object.body);
  }

  async deleteObject(key: string): Promise<void> {
    const path = this.pathForKey(key);
    // A directory at this path holds other keys ("a/b" when deleting "a"); there is no object "a" to delete.
    if (!(await statFile(path))) return;
    await unlink(path).catch((error: unknown) => {
      if (!isMissingPathError(error)) throw error;
    });
    await rm(path + METADATA_SUFFIX, { force: true });
  }

  async deletePrefix(prefix: string): Promise<number> {
    const folder = folderPrefix(prefix, { allowRoot: false });
    const keys = await this.listObjects(folder);
    if (keys.length === 0) return 0;
    // Retries cover a writer adding a file to the tree while rm is emptying it.
    await rm(this.pathForFolder(folder), { recursive: true, force: true, maxRetries: 3 });
    return keys.length;
  }

  async listObjects(prefix: string): Promise<string[]> {
    const folder = folderPrefix(prefix, { allowRoot: true });
    const files = await listFilesRecursively(this.pathForFolder(folder)).catch((error: unknown) => {
      if (isMissingPathError(error)) return [];
      throw error;
    });
    return files.filter((file) => !file.includes(RESERVED_NAME_PART)).map((file) => folder + file);
  }

  async listObjectSizes(prefix: string): Promise<ListedObject[]> {
    const keys = await this.listObjects(prefix);
    const sized = async (key: string): Promise<ListedObject | null> => {
      const stats = await statFile(this.pathForKey(key));
      return stats && { key, size: Number(stats.size) };
    };
    const objects: ListedObject[] = [];
    for (let start = 0; start < keys.length; start += STAT_CONCURRENCY) {
      const batch = await Promise.all(keys.slice(start, start + STAT_CONCURRENCY).map(sized));
      // A file removed between the listing and its stat is no longer an object.
      for (const object of batch) if (object) objects.push(object);
    }
    return objects;
  }

  private async write(key: string, path: string, body: Buffer | Readable, explicitContentType?: string): Promise<void> {
    try {
      await this.explainingKeyConflicts(key, () => mkdir(dirname(path), { recursive: true }));
    } catch (error) {
      discardSource(body);
      throw error;
    }
    await this.publish(key, path, await stageFile(path, body), explicitContentType);
  }

  /** Renames a staged file over the object's path, with the content-type sidecar it needs. */
  private async publish(key: string, path: string, staged: string, explicitContentType?: string): Promise<void> {
    const contentType = explicitContentType ?? contentTypeForKey(key);
    const needsSidecar = contentType !== contentTypeForKey(key);
    try {
      if (needsSidecar) {
        const sidecar: MetadataSidecar = { etag: etagOf(await stat(staged, { bigint: true })), contentType };
        await writeFileAtomically(path + METADATA_SUFFIX, Buffer.from(JSON.stringify(sidecar)));
      }
      await this.explainingKeyConflicts(key, () => rename(staged, path));
    } catch (error) {
      await rm(staged, { force: true });
      throw error;
    }
    // A sidecar from an earlier write would be ignored anyway (its ETag no longer matches); this tidies up.
    if (!needsSidecar) await rm(path + METADATA_SUFFIX, { force: true });
  }

  private async metadataFor(key: string, path: string, stats: BigIntStats): Promise<ObjectMetadata> {
    const etag = etagOf(stats);
    return {
      key,
      size: Number(stats.size),
      contentType: (await this.sidecarContentType(path, etag)) ?? contentTypeForKey(key),
      etag,
      lastModified: stats.mtime,
    };
  }

  private async sidecarContentType(path: string, etag: string): Promise<string | undefined> {
    try {
      const sidecar = JSON.parse(await readFile(path + METADATA_SUFFIX, 'utf8')) as MetadataSidecar;
      return sidecar.etag === etag ? sidecar.contentType : undefined;
    } catch (error) {
      if (isMissingPathError(error)) return undefined;
      throw error;
    }
  }

  /** Validates the key, then double-checks the resolved path is inside the root (defence in depth). */
  private pathForKey(key: string): string {
    assertValidKey(key);
    if (key.includes(RESERVED_NAME_PART)) {
      throw new InvalidObjectKeyError(key, `"${RESERVED_NAME_PART}" is reserved for local storage's own files`);
    }
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new InvalidObjectKeyError(key, 'resolves outside the storage root');
    return path;
  }

  private pathForFolder(folder: string): string {
    return folder === '' ? this.root : this.pathForKey(folder.slice(0, -1));
  }

  /** Turns the file system's "a is a file so a/b can't exist" errors into a message about keys. */
  private async explainingKeyConflicts<T>(key: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST') {
        throw new InvalidObjectKeyError(
          key,
          'local storage cannot hold both a key and other keys under it as a folder',
        );
      }
      throw error;
    }
  }
}

function etagOf(stats: BigIntStats): string {
  return `"${stats.ino.toString(36)}-${stats.size.toString(36)}-${stats.mtimeNs.toString(36)}"`;
}

/** Null when nothing, or a directory, is at `path`. */
async function statFile(path: string): Promise<BigIntStats | null> {
  const stats = await stat(path, { bigint: true }).catch((error: unknown) => {
    if (isMissingPathError(error)) return null;
    throw error;
  });
  return stats?.isFile() ? stats : null;
}

/** ENOTDIR: a parent of the path is a file, so the key can't exist either. */
function isMissingPathError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
