import type { Rendition } from './ladder.ts';

/** Where a rendition's media playlist lives, relative to the master playlist. */
export function variantPlaylistPath(rendition: Pick<Rendition, 'name'>): string {
  return `${rendition.name}/index.m3u8`;
}

function streamInf(rendition: Rendition): string {
  const attributes = [`BANDWIDTH=${rendition.bandwidth}`];
  if (rendition.kind === 'video') {
    attributes.push(`RESOLUTION=${rendition.width}x${rendition.height}`, `FRAME-RATE=${rendition.fps.toFixed(3)}`);
  }
  attributes.push(`CODECS="${rendition.codecs}"`);
  return `#EXT-X-STREAM-INF:${attributes.join(',')}`;
}

/**
 * Written from the ladder rather than taken from ffmpeg, whose master omits CODECS or RESOLUTION in
 * some stream layouts; players need both to pick a variant without downloading it first.
 */
export function renderMasterPlaylist(renditions: readonly Rendition[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const rendition of renditions) lines.push(streamInf(rendition), variantPlaylistPath(rendition));
  return `${lines.join('\n')}\n`;
}

/**
 * ffmpeg rounds EXT-X-TARGETDURATION, so a clip shorter than half a second gets 0, which players treat
 * as a missing or broken tag. 1 is still a valid upper bound for such a segment.
 */
export function withNonZeroTargetDuration(playlist: string): string {
  return playlist.replace(/^#EXT-X-TARGETDURATION:0$/m, '#EXT-X-TARGETDURATION:1');
}

/** Total of the EXTINF durations, or 0 if the playlist has no segments or was never finished. */
export function mediaPlaylistDuration(playlist: string): number {
  if (!playlist.includes('#EXT-X-ENDLIST')) return 0;
  let total = 0;
  for (const match of playlist.matchAll(/^#EXTINF:([\d.]+)/gm)) total += Number(match[1]);
  return total;
}
