// Test helpers that read HLS over real HTTP, the way a player does.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** URIs of a playlist (master: variant playlists; media: segments), resolved against its URL. */
export function playlistUris(playlist: string, playlistUrl: string): string[] {
  return playlist
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((uri) => new URL(uri, playlistUrl).toString());
}

export async function fetchText(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url, { headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** Fetches the master playlist, every variant playlist and every segment; returns the segment responses' content types. */
export async function crawlHls(
  masterUrl: string,
): Promise<{ variants: string[]; segments: { url: string; status: number; contentType: string | null }[] }> {
  const master = await fetchText(masterUrl);
  if (master.status !== 200 || !master.text.startsWith('#EXTM3U'))
    throw new Error(`master playlist: ${master.status} ${master.text.slice(0, 200)}`);
  const variants = playlistUris(master.text, masterUrl);
  const segments = [];
  for (const variant of variants) {
    const media = await fetchText(variant);
    if (media.status !== 200 || !media.text.includes('#EXTINF'))
      throw new Error(`variant playlist ${variant}: ${media.status}`);
    for (const url of playlistUris(media.text, variant)) {
      const response = await fetch(url);
      await response.arrayBuffer();
      segments.push({ url, status: response.status, contentType: response.headers.get('content-type') });
    }
  }
  return { variants, segments };
}

/** Decodes the whole stream with ffmpeg, as a player would; throws with ffmpeg's words on failure. */
export async function decodeWithFfmpeg(url: string): Promise<void> {
  await run(process.env.FFMPEG_PATH || 'ffmpeg', ['-nostdin', '-v', 'error', '-i', url, '-f', 'null', '-'], {
    timeout: 60_000,
  });
}

export async function mediaDuration(path: string): Promise<number> {
  const { stdout } = await run(process.env.FFPROBE_PATH || 'ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    path,
  ]);
  return Number(stdout.trim());
}
