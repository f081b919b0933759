// Runs every *.test.ts under src/ and test/ (or the paths given) with node's test runner,
// then prints one "N passed, N failed" line so CI can tell a green run from an empty one.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(path) {
  if (statSync(path).isFile()) return path.endsWith('.test.ts') ? [path] : [];
  return readdirSync(path)
    .filter((name) => name !== 'node_modules')
    .flatMap((name) => findTests(join(path, name)));
}

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'test'];
const files = roots.flatMap(findTests).sort();
if (files.length === 0) {
  console.error('no test files found under', roots.join(', '));
  process.exit(1);
}

// Files run side by side: each test app gets its own database and Redis key prefix, so files share no
// state. Two at a time on CI's two cores: three was measured (docs/OPERATIONS.md, "CI") and did not help.
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 2);
const startedAt = Date.now();
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    // A handle a test forgot to close (socket, timer) must not hang the whole run once its tests are done.
    '--test-force-exit',
    // A test stuck on a lock or an event that never comes fails after 20 minutes instead of holding CI to its limit.
    '--test-timeout=1200000',
    '--test-reporter=spec',
    ...files,
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  },
);

// The spec reporter's closing lines ("ℹ pass N") are read from its output as it is echoed, line by line:
// the list of failing tests it prints after them can be long.
const counts = {};
let partial = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (partial + chunk.toString()).split('\n');
  partial = lines.pop() ?? '';
  for (const line of lines) {
    const match = line.match(/^ℹ (pass|fail|cancelled|skipped) (\d+)$/);
    if (match) counts[match[1]] = Number(match[2]);
  }
});

const status = await new Promise((resolve) => child.once('close', (code) => resolve(code ?? 1)));
const count = (label) => counts[label] ?? 0;
const passed = count('pass');
const failed = count('fail') + count('cancelled');
console.log(
  `\n${files.length} test file${files.length === 1 ? '' : 's'} in ${Math.round((Date.now() - startedAt) / 1000)} s, ${concurrency} at a time`,
);
console.log(`${passed} passed, ${failed} failed, ${count('skipped')} skipped`);
process.exit(status === 0 && failed === 0 && passed > 0 ? 0 : 1);
