/**
 * Summarises a V8 .cpuprofile (from BENCH_CPU_PROF=<dir>): the functions with the most self time, and
 * the packages / source files where that time is spent. BENCH_PROFILE_LAST=<seconds> keeps only the
 * last N seconds of samples (the measured window, without start-up and module loading).
 *   tsx bench/support/cpuprofile-top.ts <file.cpuprofile> [rows=25]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: tsx bench/support/cpuprofile-top.ts <file.cpuprofile> [rows]\n');
  process.exit(2);
}
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const lastSeconds = Number(process.env.BENCH_PROFILE_LAST ?? 0);
const stamps: number[] = [];
profile.timeDeltas.reduce((at, delta, i) => (stamps[i] = at + delta), 0);
const end = stamps[stamps.length - 1] ?? 0;
const from = lastSeconds > 0 ? end - lastSeconds * 1e6 : -Infinity;

const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => {
  if ((stamps[i] ?? 0) < from) return;
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);

/** node_modules/<pkg> (scoped too), a repo-relative file for our code, or "(node internals)"/"(V8)". */
function bucket(url: string): string {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return '(node internals)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const own = /\/(src|bench|test)\/(.+)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

const byFunction = new Map<string, number>();
const byBucket = new Map<string, number>();
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0;
  if (!micros) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = bucket(url);
  const key = `${functionName || '(anonymous)'}  ${where}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  byBucket.set(where, (byBucket.get(where) ?? 0) + micros);
}

const percent = (micros: number) => `${((micros / total) * 100).toFixed(1).padStart(5)} %`;
const top = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, rows);

console.log(`${file}: ${(total / 1e6).toFixed(1)} s of samples`);
console.log('\nSelf time by package / file:');
for (const [name, micros] of top(byBucket)) console.log(`${percent(micros)}  ${name}`);
console.log('\nSelf time by function:');
for (const [name, micros] of top(byFunction)) console.log(`${percent(micros)}  ${name}`);
