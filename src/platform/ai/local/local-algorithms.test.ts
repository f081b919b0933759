import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reciprocalRankFusion } from '../rank-fusion.ts';
import { extractInsights } from './extractive-insights.ts';
import { embedText } from './hashed-embedder.ts';
import { parsePocketsphinxTimings } from './pocketsphinx-transcriber.ts';
import { topicBoundaries } from './text-tiling.ts';
import { stem } from './text-tokens.ts';
import { segmentWords } from './word-timings.ts';

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

test('pocketsphinx timings: words kept with their times, fillers and silences dropped, alternates folded', () => {
  const output = [
    'welcome to the kitchen',
    '<s> 0.000 0.170 0.997603',
    'welcome 0.180 0.600 0.966568',
    '<sil> 0.610 0.900 0.9',
    'kitchen(2) 0.910 1.400 0.5',
    '[NOISE] 1.41 1.5 0.1',
    '++BREATH++ 1.5 1.6 0.1',
    '</s> 1.610 1.700 1.0',
  ].join('\n');
  assert.deepEqual(parsePocketsphinxTimings(output), [
    { word: 'welcome', start: 0.18, end: 0.6 },
    { word: 'kitchen', start: 0.91, end: 1.4 },
  ]);
});

test('words group into caption segments at pauses and length limits', () => {
  const words = ['a', 'b', 'c'].map((word, index) => ({ word, start: index * 0.3, end: index * 0.3 + 0.28 }));
  const later = { word: 'd', start: 2, end: 2.3 };
  assert.deepEqual(
    segmentWords([...words, later]).map((segment) => segment.text),
    ['a b c', 'd'],
  );
  const many = Array.from({ length: 40 }, (_unused, index) => ({
    word: `w${index}`,
    start: index * 0.2,
    end: index * 0.2 + 0.19,
  }));
  assert.ok(
    segmentWords(many).every(
      (segment) => segment.text.split(' ').length <= 16 && segment.endSeconds - segment.startSeconds <= 7.2,
    ),
  );
});

test('the stemmer folds common English suffixes', () => {
  assert.equal(stem('running'), 'run');
  assert.equal(stem('puppies'), 'puppy');
});

test('hashed embeddings: unit length, related texts closer than unrelated ones', () => {
  const tire = embedText('repairing a punctured bicycle tire');
  assert.ok(Math.abs(Math.hypot(...tire) - 1) < 1e-9);
  assert.ok(
    cosine(tire, embedText('how to repair a bicycle tyre puncture')) >
      cosine(tire, embedText('baking sourdough bread at home')) + 0.2,
  );
  assert.deepEqual(embedText('the of and'), new Array(512).fill(0));
});

test('TextTiling finds the shift between two vocabularies', () => {
  const bread = [
    'knead the dough and flour',
    'the dough rises in a warm bowl',
    'bake the bread loaf in the oven',
    'flour water salt make bread dough',
  ];
  const space = [
    'mars is a red planet',
    'jupiter planet made of gas',
    'saturn rings of ice around the planet',
    'moons orbit each planet in space',
  ];
  assert.deepEqual(topicBoundaries([...bread, ...space], { minSegments: 2, block: 2 }), [0, 4]);
});

test('extractive insights only use what was said, and chapters start at segment times', () => {
  const texts = [
    'knead the dough and flour',
    'the dough rises in a warm bowl',
    'bake the bread loaf in the oven',
    'mars is a red planet with moons',
    'jupiter is a planet made of gas',
    'saturn is a planet with rings of ice',
  ];
  const insights = extractInsights(
    texts.map((text, index) => ({ startSeconds: index * 5, endSeconds: index * 5 + 4, text })),
  );
  for (const sentence of insights.summary.split(/(?<=\.) /))
    assert.ok(
      texts.some((text) => sentence.toLowerCase().startsWith(text)),
      sentence,
    );
  assert.equal(insights.chapters[0]?.startSeconds, 0);
  assert.ok(insights.chapters.every((chapter) => chapter.startSeconds % 5 === 0));
});

test('reciprocal-rank fusion rewards items several lists agree on', () => {
  const fused = reciprocalRankFusion([['a', 'b', 'c'], ['c', 'b'], ['b']]);
  assert.equal(fused[0]?.id, 'b');
  assert.deepEqual(fused.map((entry) => entry.id).sort(), ['a', 'b', 'c']);
});
