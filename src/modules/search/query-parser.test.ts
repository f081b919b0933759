import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseQuery, parseSearchQuery } from './query-parser.ts';

describe('parseSearchQuery', () => {
  test('words are AND-ed and the last word is a prefix', () => {
    assert.deepEqual(parseSearchQuery('Video transc'), {
      tsquery: "'video' & 'transc':*",
      plainText: 'video transc',
      typoTolerant: true,
    });
  });

  test('quoted phrases follow each other and are never prefixes', () => {
    assert.equal(parseSearchQuery('learn "hls streaming"').tsquery, "'learn' & ('hls' <-> 'streaming')");
    assert.equal(parseSearchQuery('"unterminated phrase').tsquery, "('unterminated' <-> 'phrase')");
  });

  test('minus excludes words and phrases; exclusions alone leave no query', () => {
    assert.equal(parseSearchQuery('ffmpeg -gpu').tsquery, "'ffmpeg' & !'gpu'");
    assert.equal(parseSearchQuery('ffmpeg -"live stream"').tsquery, "'ffmpeg' & !('live' <-> 'stream')");
    assert.deepEqual(parseSearchQuery('-gpu -"x y"'), { tsquery: null, plainText: '', typoTolerant: false });
    assert.equal(parseSearchQuery('ffmpeg -gpu').typoTolerant, false);
    assert.equal(parseSearchQuery('"hls streaming"').typoTolerant, false);
  });

  test('tsquery operators and quotes in the input are stripped, never passed through', () => {
    assert.equal(parseSearchQuery("'&|!:*()<-> \\ ").tsquery, null);
    assert.equal(parseSearchQuery("it's a:*(b|c)").tsquery, "('it' <-> 's') & ('a' <-> 'b' <-> 'c')");
    assert.equal(parseSearchQuery('Übung café').tsquery, "'übung' & 'café':*");
  });
});

describe('normaliseQuery', () => {
  test('lower-cases, collapses spaces and caps the length', () => {
    assert.equal(normaliseQuery('  Hello \n  World '), 'hello world');
    assert.equal(normaliseQuery('x'.repeat(300)).length, 100);
  });
});
