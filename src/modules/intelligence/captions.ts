import { text } from 'node:stream/consumers';
import type { TranscriptSegment } from '../../platform/ai/ports.ts';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import { videoKeys } from '../videos/storage-keys.ts';

/** Captions live beside the HLS renditions, so every way the master playlist is served reaches them. */
export const captionKeys = (videoId: string, language: string) => {
  const hls = videoKeys(videoId).hls;
  return {
    vtt: `${hls}/subs/${language}.vtt`,
    playlist: `${hls}/subs/${language}.m3u8`,
    master: videoKeys(videoId).masterPlaylist,
  };
};

const SUBTITLE_GROUP = 'subs';
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  pt: 'Português',
};

function timestamp(seconds: number): string {
  const millis = Math.max(0, Math.round(seconds * 1000));
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(millis / 3_600_000))}:${pad(Math.floor(millis / 60_000) % 60)}:${pad(Math.floor(millis / 1000) % 60)}.${pad(millis % 1000, 3)}`;
}

/** WebVTT cues from transcript segments; cue text is escaped, since `<` and `&` are markup in WebVTT. */
export function toWebVtt(segments: TranscriptSegment[]): string {
  const cues = segments.map((segment, index) => {
    const text = segment.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `${index + 1}\n${timestamp(segment.startSeconds)} --> ${timestamp(Math.max(segment.endSeconds, segment.startSeconds + 0.5))}\n${text}`;
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** A VOD subtitle playlist whose single segment is the whole WebVTT file. */
export function subtitlePlaylist(language: string, durationSeconds: number): string {
  const duration = Math.max(1, durationSeconds);
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${Math.ceil(duration)}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${duration.toFixed(3)},`,
    `${language}.vtt`,
    '#EXT-X-ENDLIST',
    '',
  ].join('\n');
}

/**
 * The master playlist with StreamHub's subtitle rendition (`#EXT-X-MEDIA:TYPE=SUBTITLES`) and every
 * variant pointing at its group; without a language it is the playlist with them removed. Idempotent:
 * earlier subtitle lines are replaced, not repeated.
 */
export function withSubtitles(master: string, language: string | null): string {
  const lines = master
    .split('\n')
    .filter((line) => !line.startsWith('#EXT-X-MEDIA:TYPE=SUBTITLES'))
    .map((line) => line.replace(new RegExp(`,SUBTITLES="${SUBTITLE_GROUP}"`), ''));
  if (!language) return lines.join('\n');
  const media = `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="${SUBTITLE_GROUP}",NAME="${LANGUAGE_NAMES[language] ?? language}",LANGUAGE="${language}",DEFAULT=NO,AUTOSELECT=YES,URI="subs/${language}.m3u8"`;
  const firstVariant = lines.findIndex((line) => line.startsWith('#EXT-X-STREAM-INF:'));
  const withVariants = lines.map((line) =>
    line.startsWith('#EXT-X-STREAM-INF:') ? `${line},SUBTITLES="${SUBTITLE_GROUP}"` : line,
  );
  withVariants.splice(firstVariant < 0 ? withVariants.length : firstVariant, 0, media);
  return withVariants.join('\n');
}

/** Writes the WebVTT file and its playlist, then lists them in the master playlist (in that order, so the master never points at a missing file). */
export async function publishCaptions(
  storage: ObjectStorage,
  videoId: string,
  language: string,
  segments: TranscriptSegment[],
  durationSeconds: number,
): Promise<void> {
  const keys = captionKeys(videoId, language);
  await storage.putObject(keys.vtt, Buffer.from(toWebVtt(segments)), { contentType: 'text/vtt; charset=utf-8' });
  await storage.putObject(keys.playlist, Buffer.from(subtitlePlaylist(language, durationSeconds)), {
    contentType: 'application/vnd.apple.mpegurl',
  });
  const master = await text((await storage.getObject(keys.master)).body);
  await storage.putObject(keys.master, Buffer.from(withSubtitles(master, segments.length > 0 ? language : null)), {
    contentType: 'application/vnd.apple.mpegurl',
  });
}

export async function removeCaptions(storage: ObjectStorage, videoId: string, language: string): Promise<void> {
  const keys = captionKeys(videoId, language);
  await Promise.all([storage.deleteObject(keys.vtt), storage.deleteObject(keys.playlist)]);
}
