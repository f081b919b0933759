import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { contentTypeForKey } from './content-types.ts';
import { assertValidKey, folderPrefix } from './object-keys.ts';
import type { ObjectStorage } from './object-storage.ts';

/** Regular files under `dir`, as "/"-separated paths relative to it, sorted. Symlinks are not followed. */
export async function listFilesRecursively(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * Shared body of `ObjectStorage.uploadDirectory`. Every key is validated before the first upload so
 * a bad file name fails the call without leaving half a directory behind; uploads then run a few at
 * a time because an HLS rendition is hundreds of small segments and S3 round trips dominate.
 */
export async function uploadDirectoryWith(
  storage: Pick<ObjectStorage, 'putFile'>,
  prefix: string,
  localDir: string,
  concurrency: number,
): Promise<string[]> {
  const folder = folderPrefix(prefix, { allowRoot: false });
  const files = (await listFilesRecursively(localDir)).map((path) => ({ path, key: `${folder}${path}` }));
  for (const file of files) assertValidKey(file.key);

  // On the first failure the other workers stop taking files, and we wait for their in-flight puts
  // so that a caller cleaning up with deletePrefix doesn't race a straggler.
  let next = 0;
  let failed = false;
  const worker = async () => {
    for (let file = files[next++]; file && !failed; file = files[next++]) {
      try {
        await storage.putFile(file.key, join(localDir, file.path), { contentType: contentTypeForKey(file.key) });
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return files.map((file) => file.key);
}
