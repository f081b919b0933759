/**
 * Comment language detection accuracy (franc) and apertium translation samples with timing.
 *
 *   npm run bench -- translation
 *
 * Detection is scored on StreamHub's labelled comments below (short and long, eight languages).
 * Translation quality is shown, not scored: each sample prints apertium's output beside a reference
 * translation, with the share of the reference's content words the output contains.
 */
import { ApertiumTranslator } from '../src/platform/ai/translation/apertium-translator.ts';
import { languageDetector } from '../src/platform/ai/translation/language-detector.ts';

const DETECTION_SET: Array<[string, string | null]> = [
  ['This video is great, thanks for sharing it with us', 'en'],
  ['I tried the recipe yesterday and my kids loved it', 'en'],
  ['Could you make a follow-up about error handling?', 'en'],
  ['The audio is a bit quiet in the second half', 'en'],
  ['Great explanation', 'en'],
  ['Me encanta este vídeo, muchas gracias por compartirlo', 'es'],
  ['¿Puedes hacer un tutorial sobre bases de datos?', 'es'],
  ['Probé la receta ayer y a mis hijos les encantó', 'es'],
  ['El audio se escucha muy bajo al final del vídeo', 'es'],
  ['Muy buena explicación', 'es'],
  ['Saludos desde México, sigue así', 'es'],
  ['Ce tutoriel est vraiment excellent, merci beaucoup', 'fr'],
  ["J'ai essayé la recette hier et mes enfants ont adoré", 'fr'],
  ['Le son est un peu faible à la fin de la vidéo', 'fr'],
  ['Das ist ein sehr gutes Video, vielen Dank dafür', 'de'],
  ['Ich habe das Rezept gestern ausprobiert und es war lecker', 'de'],
  ['Der Ton ist am Ende des Videos etwas leise', 'de'],
  ['Questo video è davvero fantastico, grazie mille', 'it'],
  ['Ho provato la ricetta ieri ed era buonissima', 'it'],
  ['Este vídeo é muito bom, obrigado por compartilhar', 'pt'],
  ['Experimentei a receita ontem e os meus filhos adoraram', 'pt'],
  ['Это очень хорошее видео, спасибо большое', 'ru'],
  ['Я попробовал рецепт вчера, было очень вкусно', 'ru'],
  ['Dit is een hele goede video, bedankt voor het delen', 'nl'],
  ['lol', null],
  ['👍👍👍', null],
  ['ok thx', null],
];

const TRANSLATION_SAMPLES: Array<{ from: string; to: string; text: string; reference: string }> = [
  {
    from: 'es',
    to: 'en',
    text: 'Me encanta este vídeo, gracias por compartir la receta de la abuela.',
    reference: "I love this video, thanks for sharing grandma's recipe.",
  },
  {
    from: 'es',
    to: 'en',
    text: 'El audio se escucha muy bajo al final del vídeo.',
    reference: 'The audio sounds very quiet at the end of the video.',
  },
  {
    from: 'es',
    to: 'en',
    text: '¿Puedes hacer un tutorial sobre bases de datos?',
    reference: 'Can you make a tutorial about databases?',
  },
  {
    from: 'es',
    to: 'en',
    text: 'Probé la receta ayer y a mis hijos les encantó.',
    reference: 'I tried the recipe yesterday and my children loved it.',
  },
  {
    from: 'es',
    to: 'en',
    text: 'No entiendo por qué el código no funciona en Windows.',
    reference: 'I do not understand why the code does not work on Windows.',
  },
  {
    from: 'en',
    to: 'es',
    text: 'Great video, thanks for sharing the recipe.',
    reference: 'Gran vídeo, gracias por compartir la receta.',
  },
  {
    from: 'en',
    to: 'es',
    text: 'The audio is a bit quiet in the second half.',
    reference: 'El audio está un poco bajo en la segunda mitad.',
  },
  {
    from: 'en',
    to: 'es',
    text: 'Could you make a tutorial about databases?',
    reference: '¿Podrías hacer un tutorial sobre bases de datos?',
  },
];

const STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'to',
  'and',
  'at',
  'in',
  'on',
  'el',
  'la',
  'de',
  'en',
  'y',
  'un',
  'una',
  'por',
  'sobre',
  'i',
  'my',
  'it',
  'is',
  'do',
  'not',
  'why',
]);
const contentWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\s']/gu, ' ')
    .split(/\s+/)
    .filter((word) => word && !STOP_WORDS.has(word));

let correct = 0;
const confusions: string[] = [];
let detector = '';
for (const [text, expected] of DETECTION_SET) {
  const result = await languageDetector.detect(text);
  detector = result.detector;
  const detected = result.language;
  if (detected === expected) correct += 1;
  else confusions.push(`  expected ${expected ?? 'none'}, got ${detected ?? 'none'}: ${text}`);
}
console.log(
  `Language detection (${detector}): ${correct}/${DETECTION_SET.length} correct (${((100 * correct) / DETECTION_SET.length).toFixed(1)}%)`,
);
if (confusions.length) console.log(confusions.join('\n'));

const apertium = new ApertiumTranslator();
const pairs = [...(await apertium.installedPairs()).keys()];
console.log(
  `\nApertium pairs installed: ${pairs.length ? pairs.join(', ') : 'none (install apertium and apertium-eng-spa)'}`,
);
let coverage = 0;
let counted = 0;
for (const sample of TRANSLATION_SAMPLES) {
  if (!(await apertium.supports(sample.from, sample.to))) continue;
  const started = performance.now();
  const { text } = await apertium.translate(sample.text, sample.from, sample.to);
  const milliseconds = performance.now() - started;
  const produced = new Set(contentWords(text));
  const expected = contentWords(sample.reference);
  const share = expected.filter((word) => produced.has(word)).length / expected.length;
  coverage += share;
  counted += 1;
  console.log(
    `\n${sample.from}->${sample.to} (${milliseconds.toFixed(0)} ms, ${(share * 100).toFixed(0)}% of reference content words)\n  source:    ${sample.text}\n  apertium:  ${text}\n  reference: ${sample.reference}`,
  );
}
if (counted)
  console.log(
    `\nMean reference content-word coverage: ${((100 * coverage) / counted).toFixed(1)}% over ${counted} samples`,
  );
