import { stat } from 'node:fs/promises';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import type { VideoService } from '../videos/service.ts';
import { videoKeys } from '../videos/storage-keys.ts';
import type { LiveStreamRow, LiveStreamService } from './live-streams.ts';

/**
 * The ended stream's recording becomes a normal video: created for the channel, its MPEG-TS file
 * stored as the source, and handed to the same processing pipeline as an upload (ladder, captions,
 * analysis). The stream is 'processing' until that video is ready.
 */
export async function publishRecording(
  deps: { videos: VideoService; storage: ObjectStorage; liveStreams: LiveStreamService },
  stream: LiveStreamRow,
  recordingPath: string,
): Promise<string | undefined> {
  const size = (await stat(recordingPath).catch(() => undefined))?.size ?? 0;
  if (size === 0) {
    await deps.liveStreams.transition(stream.id, ['ended'], 'failed', { failureReason: 'Nothing was recorded' });
    return undefined;
  }
  const { video } = await deps.videos.create(
    { id: stream.channel_id, role: 'creator' },
    { title: stream.title, description: stream.description, tags: ['live'], category: 'other', visibility: 'public' },
    `live-recording:${stream.id}`,
  );
  const sourceKey = videoKeys(video.id).source;
  await deps.storage.putFile(sourceKey, recordingPath);
  await deps.liveStreams.transition(stream.id, ['ended'], 'processing', { videoId: video.id });
  await deps.videos.markSourceUploaded(video.id, { sourceKey, sizeBytes: size, originalFilename: 'live-recording.ts' });
  return video.id;
}
