// Part of `npm run build`: tsc emits only JavaScript, so the files the server reads at runtime from
// beside its own modules (e.g. the moderation model's weights.json) are copied into dist/ here.
import { cpSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = join(root, 'src');
// The build test compiles into a temporary folder and passes it here.
const outDir = resolve(root, process.argv[2] ?? 'dist');

function isRuntimeAsset(name) {
  return !name.endsWith('.ts');
}

let copied = 0;
for (const entry of readdirSync(sourceDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !isRuntimeAsset(entry.name)) continue;
  const from = join(entry.parentPath, entry.name);
  cpSync(from, join(outDir, relative(sourceDir, from)));
  copied += 1;
}
console.log(`copied ${copied} runtime asset(s) from src/ to ${relative(root, outDir)}/`);
