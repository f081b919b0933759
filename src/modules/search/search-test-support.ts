// Shared by the search tests: an app per database kind with a creator whose channel name starts with
// "zorba", videos made searchable with the numbers a test needs, and search requests.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { json, registerUser, startTestApp } from '../../../test/support/app.ts';
import { describeOnEachDatabase } from '../../../test/support/describe-app.ts';
import type { DatabaseKind } from '../../platform/db/database.ts';
import { createVideo } from '../videos/video-test-support.ts';

interface VideoFields {
  title: string;
  description?: string;
  tags?: string[];
  category?: string;
  visibility?: 'public' | 'unlisted' | 'private';
  status?: 'ready' | 'processing' | 'deleted';
  duration?: number;
  views?: number;
  uploadedAgo?: string;
}

/** What every search test gets: an app, the creator of its videos, and shorthands for videos and searches. */
async function startSearchApp(kind: DatabaseKind) {
  const t = await startTestApp(kind);
  const creator = await registerUser(t.app, { role: 'creator', username: `zorbachannel_${kind}` });

  /** Created through the API (so the trigger indexes it), then made ready and given its numbers in the database. */
  async function video(fields: VideoFields): Promise<string> {
    const { id } = await createVideo(t, creator.accessToken, {
      title: fields.title,
      description: fields.description ?? '',
      tags: fields.tags ?? [],
      category: fields.category ?? 'other',
      visibility: fields.visibility ?? 'public',
    });
    await sql`update videos set status = ${fields.status ?? 'ready'}, duration_seconds = ${fields.duration ?? 60},
      view_count = ${fields.views ?? 0}, uploaded_at = now() - ${fields.uploadedAgo ?? '1 minute'}::interval
      where id = ${id}`.execute(t.platform.database.db);
    return id;
  }

  const search = async (query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/search?${query}` });
    assert.equal(response.statusCode, 200, response.body);
    return json(response);
  };
  const ids = async (query: string) => (await search(query)).data.map((item: { id: string }) => item.id);

  return { t, creator, video, search, ids };
}

export type SearchKit = Awaited<ReturnType<typeof startSearchApp>>;

/** A describe block per database kind on a fresh app; `cases` reads the kit with kit() inside each test. */
export function describeSearch(title: string, cases: (kit: () => SearchKit) => void): void {
  describeOnEachDatabase(title, startSearchApp, cases);
}
