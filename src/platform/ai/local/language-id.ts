import { getLIDModel } from 'fasttext.wasm.js';
import { toIso6391 } from '../translation/languages.ts';
import type { DetectedLanguage } from '../translation/language-detector.ts';
import { LazyModel } from './lazy-model.ts';

export const LANGUAGE_ID_MODEL = { name: 'fasttext-lid176', version: 'lid.176.ftz (fasttext.wasm.js 1.0.0)' };

/**
 * Below this the model is guessing: "lol 👍" and "ok!!" get no language. Chosen on the tuning half of
 * the labelled comments (src/platform/ai/translation/short-comments.ts); the held-out half is reported.
 */
const MIN_PROBABILITY = 0.4;
/** Fewer letters say nothing of a language, whatever the model answers ("ok 👍" comes out English). */
const MIN_LETTERS = 3;
/** How many of fastText's 176 labels are read to find the best one StreamHub knows. */
const TOP_LABELS = 5;

/** fastText lid.176 (CC BY-SA 3.0, 0.9 MB, 176 languages), bundled in `fasttext.wasm.js` and run in WebAssembly. */
const lid176 = new LazyModel(LANGUAGE_ID_MODEL.name, async () => {
  const model = await getLIDModel();
  await model.load();
  return model;
});

/** One line of plain words: fastText reads up to a newline, and links and handles say nothing of the language. */
function normalise(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[@#]\w+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The language of a short text, limited to the languages StreamHub knows (languages.ts), as the
 * franc detector answers. Undefined when the model cannot load, so the caller can fall back to franc.
 */
export async function identifyLanguage(text: string): Promise<DetectedLanguage | undefined> {
  const model = await lid176.get();
  if (!model) return undefined;
  const line = normalise(text);
  if ((line.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return { language: null, confidence: 0 };
  const ranked = await model.identify(line, TOP_LABELS);
  const known = ranked.find(
    (candidate: { alpha3: string; alpha2: string | null }) =>
      toIso6391(candidate.alpha3) ?? knownAlpha2(candidate.alpha2),
  );
  if (!known || known.possibility < MIN_PROBABILITY) return { language: null, confidence: 0 };
  const language = toIso6391(known.alpha3) ?? knownAlpha2(known.alpha2)!;
  return { language, confidence: Math.round(known.possibility * 1000) / 1000 };
}

/** fastText names some languages by macro-language codes ("ara", "zho", "fas", "msa", "swa"): read its ISO 639-1 code. */
const KNOWN_ALPHA2 = new Set(['ar', 'zh', 'fa', 'ms', 'sw', 'nb', 'no']);
function knownAlpha2(alpha2: string | null): string | undefined {
  if (!alpha2 || !KNOWN_ALPHA2.has(alpha2)) return undefined;
  return alpha2 === 'no' ? 'nb' : alpha2;
}
