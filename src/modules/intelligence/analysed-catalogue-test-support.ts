import type { TestApp } from '../../../test/support/app.ts';
import type { TranscriptSegment } from '../../platform/ai/ports.ts';
import { videoKeys } from '../videos/storage-keys.ts';
import { refreshDerivedOutputs } from './analyse-video.ts';
import { transcriptRepo } from './transcript-repo.ts';

export interface CatalogueVideo {
  title: string;
  description?: string;
  tags?: string[];
  segments?: TranscriptSegment[];
}

/**
 * Ready, public videos with a transcript, analysed the way the worker does it after transcription
 * (captions, chapters, embeddings by refreshDerivedOutputs), without media processing: search and
 * chapter tests need the analysis, not the encoding, and stay fast.
 */
export async function insertAnalysedVideos(t: TestApp, videos: CatalogueVideo[]): Promise<string[]> {
  const db = t.platform.database.db;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const creator = await db
    .insertInto('users')
    .values({ username: `c_${tag}`, email: `c_${tag}@example.com`, password_hash: 'not-a-login' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: string[] = [];
  for (const video of videos) {
    const segments = video.segments ?? [];
    const row = await db
      .insertInto('videos')
      .values({
        creator_id: creator.id,
        title: video.title,
        description: video.description ?? '',
        tags: video.tags ?? [],
        category: null,
        status: 'ready',
        visibility: 'public',
        duration_seconds: segments.at(-1)?.endSeconds ?? 10,
        uploaded_at: new Date(),
        updated_at: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Captions are listed in the master playlist, so the video needs one.
    await t.platform.storage.putObject(videoKeys(row.id).masterPlaylist, Buffer.from('#EXTM3U\n'));
    if (segments.length > 0)
      await transcriptRepo.save(db, row.id, {
        language: 'en',
        segments,
        model: { provider: 'local', name: 'test-transcript', version: '1' },
        editedBy: 'model',
      });
    await refreshDerivedOutputs(t.platform, t.services.ai, row);
    ids.push(row.id);
  }
  return ids;
}
