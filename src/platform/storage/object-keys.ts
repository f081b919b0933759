import { InvalidObjectKeyError } from './object-storage.ts';

/** S3's own limit; keeping it everywhere means a key valid locally stays valid after moving to S3. */
const MAX_KEY_BYTES = 1024;

/** Control characters (NUL above all) break file systems, S3's XML listings and log lines alike. */
function hasControlCharacter(key: string): boolean {
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Throws InvalidObjectKeyError unless `key` is a plain relative path: "/"-separated, non-empty
 * segments, none of them "." or "..". The same rule on both adapters means a key can never climb out
 * of the local root, and never names two different things locally (`a//b` and `a/b` would be one file).
 */
export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0)
    throw new InvalidObjectKeyError(String(key), 'must be a non-empty string');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES)
    throw new InvalidObjectKeyError(key, `longer than ${MAX_KEY_BYTES} bytes`);
  if (key.startsWith('/')) throw new InvalidObjectKeyError(key, 'must not start with "/"');
  if (key.includes('\\')) throw new InvalidObjectKeyError(key, 'must not contain a backslash');
  if (hasControlCharacter(key)) throw new InvalidObjectKeyError(key, 'must not contain control characters such as NUL');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidObjectKeyError(key, 'must not contain empty segments or end with "/"');
    if (segment === '.' || segment === '..')
      throw new InvalidObjectKeyError(key, 'must not contain "." or ".." segments');
  }
}

/**
 * Turns a folder-like prefix ("videos/abc" or "videos/abc/") into the string every key under it
 * starts with ("videos/abc/"). `''` means the whole store and is accepted only when `allowRoot`.
 */
export function folderPrefix(prefix: string, { allowRoot }: { allowRoot: boolean }): string {
  if (prefix === '') {
    if (allowRoot) return '';
    throw new InvalidObjectKeyError(prefix, 'an empty prefix would address the whole store');
  }
  const folder = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  assertValidKey(folder);
  return `${folder}/`;
}
