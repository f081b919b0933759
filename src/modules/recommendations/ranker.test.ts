import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { VideoRow } from '../videos/repo.ts';
import { diversify, rankCandidates, type Candidate } from './ranker.ts';

const NOW = new Date('2026-01-10T00:00:00Z');

function video(id: string, channel: string, daysOld = 30): VideoRow {
  return {
    id,
    creator_id: channel,
    processed_at: new Date(NOW.getTime() - daysOld * 86_400_000),
    created_at: NOW,
  } as VideoRow;
}

describe('recommendation ranker', () => {
  test('diversify keeps the order but defers a channel past its two places in ten, and drops what fits nowhere', () => {
    const items = ['a1', 'a2', 'a3', 'b1', 'c1', 'a4'];
    const result = diversify(items, (item) => item[0]!, 10);
    assert.deepEqual(result, ['a1', 'a2', 'b1', 'c1'], 'a3 and a4 find no place within ten items of a1 and a2');
    const long = [...'aaabbbcccddddddeeeefff'].map((channel, index) => `${channel}${index}`);
    const mixed = diversify(long, (item) => item[0]!, 30);
    for (let start = 0; start + 10 <= mixed.length; start += 1) {
      const window = mixed.slice(start, start + 10).map((item) => item[0]);
      for (const channel of new Set(window)) assert.ok(window.filter((c) => c === channel).length <= 2);
    }
  });

  test('scores: personal sources over trending, agreement and freshness add, lowered channels and exclusions apply', () => {
    const videos = new Map(
      [
        video('cowatched', 'c1'),
        video('trending', 'c2'),
        video('both', 'c3'),
        video('fresh-trending', 'c4', 0),
        video('lowered', 'c5'),
        video('watched', 'c6'),
      ].map((row) => [row.id, row]),
    );
    const candidate = (videoId: string, source: Candidate['source'], strength = 1): Candidate => ({
      videoId,
      source,
      strength,
      reason: `${source}:${videoId}`,
    });
    const ranked = rankCandidates({
      candidates: [
        candidate('trending', 'trending'),
        candidate('cowatched', 'cowatch'),
        candidate('both', 'trending', 0.9),
        candidate('both', 'fresh', 0.9),
        candidate('fresh-trending', 'trending', 0.9),
        candidate('lowered', 'cowatch'),
        candidate('watched', 'cowatch'),
        candidate('unknown', 'cowatch'),
      ],
      videos,
      exclude: new Set(['watched']),
      loweredChannels: new Set(['c5']),
      now: NOW,
      limit: 10,
    });
    assert.deepEqual(
      ranked.map((entry) => entry.v),
      ['cowatched', 'fresh-trending', 'both', 'trending', 'lowered'],
    );
    assert.deepEqual(ranked[2], { v: 'both', s: 'trending', r: 'trending:both' }, 'the best source gives the reason');
  });
});
