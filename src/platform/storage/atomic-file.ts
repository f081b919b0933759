import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Marks our in-flight temporary files. It starts with ".~", which local storage refuses in keys, so a
 * listing can skip these files without ever hiding a real object.
 */
const TEMPORARY_FILE_MARKER = '.~tmp-';

/**
 * Writes `source` to a new temporary file beside `targetPath` (same directory, so the later rename
 * stays on one file system and is atomic) and flushes it to disk, so that once renamed a crash can't
 * leave a name pointing at missing bytes. The directory must exist. Returns the temporary path; the
 * caller renames or removes it. A stream source is always consumed or destroyed, never left open.
 */
export async function stageFile(targetPath: string, source: Buffer | Readable): Promise<string> {
  const temporaryPath = `${targetPath}${TEMPORARY_FILE_MARKER}${randomUUID()}`;
  try {
    if (Buffer.isBuffer(source)) {
      await writeFile(temporaryPath, source, { flag: 'wx', flush: true });
    } else {
      await pipeline(source, createWriteStream(temporaryPath, { flags: 'wx', flush: true }));
    }
    return temporaryPath;
  } catch (error) {
    discardSource(source);
    await rm(temporaryPath, { force: true });
    throw error;
  }
}

/**
 * Like stageFile, but the temporary file is a new hard link to `sourcePath`: no byte is copied, so
 * it takes the same time for 1 KiB and 1 GiB. The shared data is flushed to disk before this
 * returns, as stageFile's copy is. Returns undefined when the two paths are on different file
 * systems (no hard link possible), so the caller can copy instead.
 */
export async function stageHardLink(targetPath: string, sourcePath: string): Promise<string | undefined> {
  const temporaryPath = `${targetPath}${TEMPORARY_FILE_MARKER}${randomUUID()}`;
  try {
    await link(sourcePath, temporaryPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EXDEV: another file system; EPERM/ENOTSUP: one that has no hard links (some network mounts).
    if (code === 'EXDEV' || code === 'EPERM' || code === 'ENOTSUP') return undefined;
    throw error;
  }
  try {
    const handle = await open(temporaryPath, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temporaryPath;
  } catch (error) {
    await rm(temporaryPath, { force: true });
    throw error;
  }
}

/**
 * Readers of `targetPath` see the previous file or the complete new one, never a partial write.
 * Creates missing parent directories.
 */
export async function writeFileAtomically(targetPath: string, source: Buffer | Readable): Promise<void> {
  try {
    await mkdir(dirname(targetPath), { recursive: true });
  } catch (error) {
    discardSource(source);
    throw error;
  }
  const temporaryPath = await stageFile(targetPath, source);
  try {
    await rename(temporaryPath, targetPath);
  } catch (error) {
    await rm(temporaryPath, { force: true });
    throw error;
  }
}

/** For a caller that fails before handing `source` to stageFile: closes a stream's underlying file or socket. */
export function discardSource(source: Buffer | Readable): void {
  if (!Buffer.isBuffer(source)) source.destroy();
}
