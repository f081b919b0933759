import { setFlagsFromString } from 'node:v8';

/** V8's default: each scavenge that finds the young generation too small doubles it (up to 16 MiB a semi-space). */
const DEFAULT_GROWTH_FACTOR = 2;

/**
 * Keeps V8's young generation at its initial size (1 MiB a semi-space) while the server starts, and lets it
 * grow as usual once it is up. Loading ~900 modules and opening the database make every scavenge find
 * many survivors, so V8 grows the young generation to its 32 MiB maximum during start-up and keeps it
 * committed for as long as the process allocates, which an idle server with polling workers always does: a
 * tenth of the embedded server's idle RSS. Only the growth factor is changed (V8 reads it at each
 * resize); the size limits are fixed when the process starts and stay untouched, so under load the young
 * generation grows back exactly as it would have. Returns the function that restores the default.
 *
 * Does nothing when the operator set a young-generation flag on the command line or in NODE_OPTIONS:
 * theirs wins, and restoring our default would overwrite it.
 */
export function holdYoungGenerationDuringStart(
  nodeFlags: readonly string[] = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)],
): () => void {
  if (nodeFlags.some((flag) => /semi[-_]space|max[-_]heap[-_]size/.test(flag))) return () => {};
  setFlagsFromString('--semi-space-growth-factor=1');
  let released = false;
  return () => {
    if (released) return;
    released = true;
    setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`);
  };
}
