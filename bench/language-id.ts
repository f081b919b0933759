/**
 * Language ID on short comments: fastText lid.176 vs franc, accuracy on the labelled set's tuning and held-out halves.
 *
 * The labelled comments are src/platform/ai/translation/short-comments.ts (17 languages plus
 * untellable ones such as "lol 👍"). Prints accuracy, per-language misses and the time per comment,
 * with the load average beside it. Results: docs/AI.md, "Speech, images, language".
 */
import { loadavg } from 'node:os';
import { identifyLanguage } from '../src/platform/ai/local/language-id.ts';
import { francDetector } from '../src/platform/ai/translation/language-detector.ts';
import { SHORT_COMMENTS, type LabelledComment } from '../src/platform/ai/translation/short-comments.ts';

type Detect = (text: string) => Promise<string | null>;

const detectors: Record<string, Detect> = {
  'fastText lid.176': async (text) => (await identifyLanguage(text))?.language ?? null,
  'franc 6.2.0': async (text) => (await francDetector.detect(text)).language,
};

async function measure(detect: Detect, set: LabelledComment[]) {
  let correct = 0;
  const misses: string[] = [];
  const started = performance.now();
  for (const [text, expected] of set) {
    const found = await detect(text);
    if (found === expected) correct++;
    else misses.push(`${expected ?? 'none'}→${found ?? 'none'}`);
  }
  return { accuracy: correct / set.length, msPerText: (performance.now() - started) / set.length, misses };
}

await detectors['fastText lid.176']!('warm up'); // model loading is not part of the per-text time
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
for (const [half, set] of Object.entries(SHORT_COMMENTS)) {
  for (const [name, detect] of Object.entries(detectors)) {
    const result = await measure(detect, set);
    console.log(
      `${half.padEnd(8)} ${name.padEnd(17)} accuracy ${(result.accuracy * 100).toFixed(1)}% of ${set.length}` +
        `  ${result.msPerText.toFixed(3)} ms/comment  load ${load()}`,
    );
    console.log(`         misses: ${result.misses.join(', ') || 'none'}`);
  }
}
