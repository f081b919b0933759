import { createHash } from 'node:crypto';
import { open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Purging the nginx media edge cache without a purge module (Debian's ngx_cache_purge crashed nginx on
 * every PURGE). nginx stores a response under `<dir>/<levels>/<md5(key)>`, where the levels are taken
 * from the end of the hex digest (`levels=1:2`: the last character, then the two before it), and it
 * writes the key itself into the file's header as a `KEY: <key>` line. Removing the file makes the next
 * request a MISS: nginx finds its zone entry but no file, fetches from the origin and stores it again.
 */
export class EdgeCache {
  private readonly levels: number[];

  constructor(
    readonly directory: string,
    /** nginx's proxy_cache_path `levels` (default `1:2`, as ops/cluster/nginx-edge.conf). */
    levels = '1:2',
  ) {
    this.levels = levels
      .split(':')
      .filter(Boolean)
      .map((level) => Number(level));
    if (this.levels.some((level) => level !== 1 && level !== 2) || this.levels.length > 3) {
      throw new Error(`nginx cache levels must be 1 or 2, up to three of them: "${levels}"`);
    }
  }

  /** The file nginx keeps the response for `key` in (its proxy_cache_key, here the request URI). */
  fileFor(key: string): string {
    const digest = createHash('md5').update(key).digest('hex');
    const parts: string[] = [];
    let end = digest.length;
    for (const level of this.levels) {
      parts.push(digest.slice(end - level, end));
      end -= level;
    }
    return join(this.directory, ...parts, digest);
  }

  /** Removes the cached responses of these keys; resolves with how many files were there. */
  async purgeKeys(keys: Iterable<string>): Promise<number> {
    let removed = 0;
    for (const key of keys) {
      if (await removeIfPresent(this.fileFor(key))) removed++;
    }
    return removed;
  }

  /**
   * Removes every cached response whose key starts with `prefix`, by reading the `KEY:` line of each
   * cache file: for media whose objects are already gone (a deleted video), when the keys cannot be listed.
   */
  async purgePrefix(prefix: string): Promise<number> {
    let removed = 0;
    for (const file of await cacheFiles(this.directory, this.levels.length)) {
      const key = await readKey(file);
      if (key !== null && key.startsWith(prefix) && (await removeIfPresent(file))) removed++;
    }
    return removed;
  }
}

async function removeIfPresent(file: string): Promise<boolean> {
  try {
    await rm(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function cacheFiles(directory: string, depth: number): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (depth > 0 && entry.isDirectory()) files.push(...(await cacheFiles(path, depth - 1)));
    else if (depth === 0 && entry.isFile() && /^[0-9a-f]{32}$/.test(entry.name)) files.push(path);
  }
  return files;
}

const HEADER_BYTES = 4096;

/** The `KEY: ` line nginx writes after its binary header, or null for a file being written or not a cache file. */
async function readKey(file: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null;
  }
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    const start = head.indexOf('\nKEY: ');
    if (start < 0) return null;
    const end = head.indexOf('\n', start + 6);
    return end < 0 ? null : head.subarray(start + 6, end).toString('utf8');
  } finally {
    await handle.close();
  }
}
