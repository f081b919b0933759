import { sql } from 'kysely';
import type { TableSpec, WriteStats } from './bulk-writer.ts';
import type { SampleMedia } from './sample-media.ts';

// How the seed's bulk writer lays out the video tables, and its per-table totals.

export function mergeStats(all: WriteStats[]): WriteStats[] {
  const byTable = new Map<string, WriteStats>();
  for (const stats of all) {
    const merged = byTable.get(stats.table) ?? { table: stats.table, offered: 0, inserted: 0 };
    merged.offered += stats.offered;
    merged.inserted += stats.inserted;
    byTable.set(stats.table, merged);
  }
  return [...byTable.values()];
}

export function videoSpec(sample: SampleMedia, searchOff: boolean): TableSpec {
  return {
    table: 'videos',
    columns: {
      id: 'uuid',
      creator_id: 'uuid',
      title: 'text',
      description: 'text',
      tags: 'tags',
      category: 'text',
      visibility: 'text',
      created_at: 'epochMs',
      uploaded_at: 'epochMs',
      processed_at: 'epochMs',
      updated_at: 'epochMs',
      duration_seconds: 'double',
      view_count: 'bigint',
      like_count: 'integer',
      comment_count: 'integer',
    },
    constants: {
      status: { kind: 'text', value: 'ready' },
      processing_progress: { kind: 'double', value: 100 },
      width: { kind: 'integer', value: sample.width },
      height: { kind: 'integer', value: sample.height },
      fps: { kind: 'double', value: sample.fps },
      video_codec: { kind: 'text', value: sample.videoCodec },
      audio_codec: { kind: 'text', value: sample.audioCodec },
      bitrate: { kind: 'bigint', value: sample.bitrate },
      has_audio: { kind: 'boolean', value: sample.audioCodec !== null },
      rotation: { kind: 'integer', value: 0 },
      master_playlist_key: { kind: 'text', value: sample.masterPlaylistKey },
      thumbnail_key: { kind: 'text', value: sample.thumbnailKey },
      storyboard_image_key: { kind: 'text', value: sample.storyboardImageKey },
      storyboard_vtt_key: { kind: 'text', value: sample.storyboardVttKey },
    },
    // This transaction only: the search trigger skips these rows; indexUnindexedVideos indexes them after.
    ...(searchOff ? { beforeInsert: sql`select set_config('streamhub.search_sync', 'off', true)` } : {}),
  };
}

export function renditionSpec(): TableSpec {
  return {
    table: 'video_renditions',
    columns: {
      video_id: 'uuid',
      name: 'text',
      kind: 'text',
      width: 'integer',
      height: 'integer',
      bandwidth: 'integer',
      codecs: 'text',
      playlist_key: 'text',
    },
  };
}
