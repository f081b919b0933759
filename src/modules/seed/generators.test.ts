import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { accruedShare, activityBetween, activityOffset, DAY_MS } from './activity.ts';
import { videoEngagement } from './engagement-generator.ts';
import { buildFollowerGraph, planUsers } from './follower-graph.ts';
import { resolveSeedOptions } from './options.ts';
import { Random, SeedIds } from './random.ts';
import { planVideos } from './video-generator.ts';
import { buildWords, TOPIC_NAMES } from './vocabulary.ts';

const ANCHOR = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('seed generators (no database)', () => {
  test("ids are deterministic, distinct per kind and index, and inside their kind's range", () => {
    const ids = new SeedIds(42);
    assert.equal(ids.id('video', 7), new SeedIds(42).id('video', 7));
    assert.notEqual(ids.id('video', 7), new SeedIds(43).id('video', 7));
    assert.notEqual(ids.id('video', 7), ids.id('user', 7));
    assert.match(ids.id('comment', 2 ** 40), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    const [low, high] = ids.range('video');
    for (const index of [0, 1, 255, 2 ** 32]) {
      const id = ids.id('video', index);
      assert.ok(id >= low && id <= high, `${id} in [${low}, ${high}]`);
    }
    assert.ok(ids.id('video', 9) < ids.id('video', 10), 'ids of a kind sort by index');
  });

  test('sampleDistinct gives distinct values in range, never the excluded one', () => {
    const random = new Random(1, 'test');
    for (const [size, count] of [
      [100, 10],
      [100, 90],
      [100, 99],
      [5, 10],
      [1000, 400],
    ] as const) {
      const sample = random.sampleDistinct(size, count, 3);
      assert.equal(sample.length, Math.min(count, size - 1));
      assert.equal(new Set(sample).size, sample.length);
      assert.ok(sample.every((value) => value >= 0 && value < size && value !== 3));
    }
  });

  test('the follower graph is a power law: most channels small, a few with most of the users', () => {
    const users = planUsers(1, 50_000, 0.1, ANCHOR, TOPIC_NAMES.length);
    const graph = buildFollowerGraph(1, users, ANCHOR);
    const followers = Array.from(graph.followers.subarray(0, users.channelCount)).sort((a, b) => b - a);
    const median = followers[Math.floor(followers.length / 2)]!;
    assert.ok(followers[0]! >= 35_000 && followers[0]! < 50_000, `biggest channel ${followers[0]}`);
    assert.ok(followers.filter((count) => count >= 10_000).length >= 3, 'a few channels above 10k');
    assert.ok(median >= 10 && median <= 1000, `median ${median}`);
    const typical = followers.filter((count) => count >= 10 && count <= 1000).length / followers.length;
    assert.ok(typical > 0.9, `${typical} of channels have 10–1,000 followers`);
    // Counters agree with the pairs, no one follows themselves, pairs are unique and sorted by time.
    const pairs = new Set<number>();
    const following = new Int32Array(users.count);
    let problems = 0;
    for (let n = 0; n < graph.subscriber.length; n += 1) {
      if (graph.subscriber[n] === graph.channel[n] || graph.createdAt[n]! > ANCHOR) problems += 1;
      if (n > 0 && graph.createdAt[n]! < graph.createdAt[n - 1]!) problems += 1;
      pairs.add(graph.subscriber[n]! * users.count + graph.channel[n]!);
      following[graph.subscriber[n]!]! += 1;
    }
    assert.equal(problems, 0, 'no self-subscriptions, none after the anchor, sorted by time');
    assert.equal(pairs.size, graph.subscriber.length);
    assert.deepEqual(following, graph.following);
  });

  test('the activity curve: most activity early, some every day, event times within the age', () => {
    assert.ok(Math.abs(activityBetween(0, 400 * DAY_MS) - 1) < 1e-3);
    assert.ok(accruedShare(DAY_MS) > 0.25 && accruedShare(DAY_MS) < 0.4);
    assert.ok(activityBetween(300 * DAY_MS, 301 * DAY_MS) > 0, 'old videos still get a trickle');
    const random = new Random(1, 'activity');
    for (let n = 0; n < 1000; n += 1) {
      const age = random.next() * 30 * DAY_MS;
      const offset = activityOffset(age, random);
      assert.ok(offset >= 0 && offset <= age);
    }
  });

  test('engagement rows match the planned counters exactly', () => {
    const options = resolveSeedOptions({ users: 500, videos: 400, seed: 3 });
    const users = planUsers(options.seed, options.users, options.channelShare, ANCHOR, TOPIC_NAMES.length);
    const graph = buildFollowerGraph(options.seed, users, ANCHOR);
    const videos = planVideos(options, users, graph, ANCHOR);
    const words = buildWords(options.seed);
    const random = new Random(options.seed, 'engagement');
    let recentLikes = 0;
    for (let video = 0; video < videos.count; video += 1) {
      const rows = videoEngagement(videos, video, users, ANCHOR, words, random);
      assert.equal(rows.likes.length, videos.likes[video]);
      assert.equal(rows.watches.length, videos.watchers[video]);
      assert.equal(rows.comments.length, videos.comments[video]);
      assert.equal(
        rows.daily.reduce((sum, row) => sum + row.views, 0),
        videos.views[video],
        'daily views add up to view_count',
      );
      assert.ok(rows.daily.every((row) => row.views > 0 && row.day <= Math.floor(ANCHOR / DAY_MS)));
      assert.equal(
        new Set(rows.watches.map((row) => row.user)).size,
        rows.watches.length,
        'one history row per viewer',
      );
      assert.ok(!rows.watches.some((row) => row.user === videos.creator[video]));
      for (const comment of rows.comments) {
        const replies = rows.comments.filter((other) => other.parentIndex === comment.index).length;
        assert.equal(comment.replyCount, replies);
        if (comment.parentIndex !== null) {
          const parent = rows.comments[comment.parentIndex]!;
          assert.equal(parent.parentIndex, null, 'threads are one level deep');
          assert.ok(comment.at >= parent.at);
        }
      }
      for (const row of [...rows.likes, ...rows.watches, ...rows.comments]) {
        assert.ok(row.at >= videos.uploadedAt[video]! && row.at <= ANCHOR);
        assert.ok(row.at > users.createdAt[row.user]!);
      }
      recentLikes += rows.likes.filter((row) => row.at > ANCHOR - 7 * DAY_MS).length;
    }
    assert.ok(recentLikes > 0, 'there is activity in the last week');
  });

  test('the same options give the same plan', () => {
    const options = resolveSeedOptions({ users: 200, videos: 100, seed: 9 });
    const plan = () => {
      const users = planUsers(options.seed, options.users, options.channelShare, ANCHOR, TOPIC_NAMES.length);
      return planVideos(options, users, buildFollowerGraph(options.seed, users, ANCHOR), ANCHOR);
    };
    assert.deepEqual(plan(), plan());
  });
});
