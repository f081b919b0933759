import type { Platform } from '../platform.ts';
import { ApertiumTranslator } from './translation/apertium-translator.ts';
import type { Translator } from './translation/translator.ts';

const translators = new WeakMap<Platform, Translator>();

/** One translator per platform: apertium's installed pairs are read once. */
export function translatorFor(platform: Platform): Translator {
  let translator = translators.get(platform);
  if (!translator) {
    translator = new ApertiumTranslator();
    translators.set(platform, translator);
  }
  return translator;
}
