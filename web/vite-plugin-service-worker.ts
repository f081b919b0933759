import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Stamps public/sw.js in the build output with this build's id and the files of its app shell (the
 * entry scripts, their static imports and the styles index.html loads). A new build thus changes the
 * worker's bytes, which is what makes browsers install it and drop the previous build's cache.
 */
export function serviceWorkerManifest(): Plugin {
  let outDir = '';
  let shell: string[] = [];
  let buildId = '';
  return {
    name: 'streamhub-service-worker-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      const addChunk = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || files.has(fileName)) return;
        files.add(fileName);
        if (chunk.type !== 'chunk') return;
        chunk.viteMetadata?.importedCss.forEach((css) => files.add(css));
        chunk.imports.forEach(addChunk);
      };
      Object.values(bundle).forEach((output) => {
        if (output.type === 'chunk' && output.isEntry) addChunk(output.fileName);
      });
      shell = [...files].sort().map((file) => `/${file}`);
      buildId = createHash('sha256').update(Object.keys(bundle).sort().join('\n')).digest('hex').slice(0, 12);
    },
    closeBundle() {
      const path = join(outDir, 'sw.js');
      const source = readFileSync(path, 'utf8');
      writeFileSync(
        path,
        source.replace('__STREAMHUB_BUILD_ID__', buildId).replace(`['__STREAMHUB_PRECACHE__']`, JSON.stringify(shell)),
      );
    },
  };
}
