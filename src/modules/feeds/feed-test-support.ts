// Shared by the feeds and trending tests: videos that become ready the way processing makes them
// ready (row and video.ready event in one transaction), at a chosen publish time.
import { bearer, json, type TestApp } from '../../../test/support/app.ts';
import type { TestAccount } from '../channels/channel-test-support.ts';
import { publishVideoEvent, VIDEO_READY } from '../videos/events.ts';
import { createVideo, waitFor } from '../videos/video-test-support.ts';

export interface ReadyVideoOptions {
  publishedAt?: Date;
  visibility?: 'public' | 'unlisted' | 'private';
  title?: string;
  tags?: string[];
  category?: string;
  durationSeconds?: number;
}

export async function publishReadyVideo(
  t: TestApp,
  creator: TestAccount,
  options: ReadyVideoOptions = {},
): Promise<string> {
  const { id } = await createVideo(t, creator.token, {
    title: options.title ?? `Video ${Math.random().toString(36).slice(2, 8)}`,
    visibility: options.visibility ?? 'public',
    ...(options.tags ? { tags: options.tags } : {}),
    ...(options.category ? { category: options.category } : {}),
  });
  await t.platform.database.db.transaction().execute(async (trx) => {
    const ready = await trx
      .updateTable('videos')
      .set({
        status: 'ready',
        processed_at: options.publishedAt ?? new Date(),
        duration_seconds: options.durationSeconds ?? 60,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await publishVideoEvent(trx, VIDEO_READY, ready);
  });
  return id;
}

/** The whole subscriptions feed of `reader`, following cursors, with `limit` per page. */
export async function readWholeFeed(t: TestApp, reader: TestAccount, limit = 50): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = json(
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/feed/subscriptions?limit=${limit}${query}`,
        headers: bearer(reader.token),
      }),
    );
    if (!page.success) throw new Error(`feed read failed: ${JSON.stringify(page.error)}`);
    ids.push(...(page.data as { id: string }[]).map((video) => video.id));
    cursor = page.meta.nextCursor as string | null;
  } while (cursor);
  return ids;
}

/**
 * Waits until the reader's feed is exactly `expected` (fan-out and event delivery are asynchronous;
 * a subscription's backfill took over 20 s once on a machine busy with browser tests beside the suite).
 */
export function waitForFeed(
  t: TestApp,
  reader: TestAccount,
  expected: string[],
  timeoutMs = 60_000,
): Promise<string[]> {
  return waitFor(
    `feed of ${reader.id} to be ${expected.length} videos`,
    async () => {
      const feed = await readWholeFeed(t, reader);
      return JSON.stringify(feed) === JSON.stringify(expected) ? feed : undefined;
    },
    timeoutMs,
  );
}
