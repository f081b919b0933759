import { resolve } from 'node:path';
import { z } from 'zod';
import { FfmpegError, runFfmpeg, runFfprobeJson } from './ffmpeg-binary.ts';

/** The picture formats accepted from users, by the bytes every file of that format starts with. */
export type StillImageType = 'image/jpeg' | 'image/png' | 'image/webp';

const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

/** What the file's first bytes say it is, whatever its sender claimed; null for anything else. */
export function sniffImageType(bytes: Uint8Array): StillImageType | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** The file is not a picture ffmpeg can decode; the message is written for the uploader. */
export class UndecodableImageError extends Error {
  override readonly name = 'UndecodableImageError';
}

const probedStream = z.object({ streams: z.array(z.object({ width: z.number(), height: z.number() })).min(1) });

/** The pixel size of a still picture. */
export async function probeStillImage(path: string, signal?: AbortSignal): Promise<{ width: number; height: number }> {
  const raw = await runFfprobeJson(['-select_streams', 'v:0', '-show_streams', resolve(path)], { signal }).catch(
    (error: unknown) => {
      if (error instanceof FfmpegError) throw new UndecodableImageError('This picture could not be read.');
      throw error;
    },
  );
  const parsed = probedStream.safeParse(raw);
  if (!parsed.success) throw new UndecodableImageError('This file has no picture in it.');
  const { width, height } = parsed.data.streams[0]!;
  return { width, height };
}

/**
 * Decodes a picture and writes it again as a baseline JPEG of exactly `width`×`height`, scaled to fit and
 * letterboxed (or pillarboxed) in black, with no metadata: what is served is always our own encode, never
 * the uploaded bytes. A transparent PNG is flattened.
 */
export async function renderLetterboxedJpeg(
  input: string,
  output: string,
  size: { width: number; height: number },
  signal?: AbortSignal,
): Promise<void> {
  const { width, height } = size;
  const filters = [
    `scale=${width}:${height}:force_original_aspect_ratio=decrease:flags=lanczos`,
    `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:color=black`,
    'setsar=1',
    'format=yuvj420p',
  ];
  const args = ['-i', resolve(input), '-map_metadata', '-1', '-vf', filters.join(','), '-frames:v', '1'];
  await runFfmpeg([...args, '-q:v', '3', resolve(output)], { signal }).catch((error: unknown) => {
    if (error instanceof FfmpegError) throw new UndecodableImageError('This picture could not be decoded.');
    throw error;
  });
}
