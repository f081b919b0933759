import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files worth compressing; images, fonts and media are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;
/** Below this, the headers outweigh what compression saves. */
const MIN_BYTES = 1024;

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Writes a brotli (`.br`, maximum quality) and a gzip (`.gz`, level 9) copy beside every text file of
 * the build, once, at build time: the server hands them out as they are (@fastify/static's
 * preCompressed) instead of compressing per request or sending the files raw. Runs after every other
 * plugin has written its files (the service worker's stamp included), and only keeps a copy that is smaller.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'streamhub-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        for (const path of filesUnder(outDir)) {
          if (!COMPRESSIBLE.test(path) || statSync(path).size < MIN_BYTES) continue;
          const raw = readFileSync(path);
          const brotli = brotliCompressSync(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          });
          const gzip = gzipSync(raw, { level: 9 });
          if (brotli.length < raw.length) writeFileSync(`${path}.br`, brotli);
          if (gzip.length < raw.length) writeFileSync(`${path}.gz`, gzip);
        }
      },
    },
  };
}
