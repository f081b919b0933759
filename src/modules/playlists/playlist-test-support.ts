import assert from 'node:assert/strict';
import { json, type TestApp } from '../../../test/support/app.ts';
import { call, type TestAccount } from '../channels/channel-test-support.ts';

export interface PlaylistEntry {
  position: number;
  video: { id: string };
}

/** The playlist's order as `as` sees it, all pages. */
export async function playlistOrder(t: TestApp, playlistId: string, as?: TestAccount): Promise<PlaylistEntry[]> {
  const entries: PlaylistEntry[] = [];
  let cursor: string | null = null;
  do {
    const response = await call(t, 'GET', `/playlists/${playlistId}?limit=100${cursor ? `&cursor=${cursor}` : ''}`, as);
    assert.equal(response.statusCode, 200, response.body);
    entries.push(...json(response).data.items);
    cursor = json(response).meta.nextCursor;
  } while (cursor);
  return entries;
}
