import { resolve } from 'node:path';
import { runFfmpeg } from './ffmpeg-binary.ts';
import type { MediaInfo } from './probe.ts';

export interface CoverImageOptions {
  input: string;
  /** JPEG path to write. */
  output: string;
  info: MediaInfo;
  signal?: AbortSignal;
}

const COVER_MAX_WIDTH = 1280;
const WAVEFORM_SIZE = '1280x720';

/**
 * A picture for audio-only uploads: the embedded artwork when the file carries one, otherwise a
 * waveform of the whole track. Returns which of the two it wrote.
 */
export async function extractCoverImage(options: CoverImageOptions): Promise<'embedded' | 'waveform'> {
  const { info, signal } = options;
  const input = resolve(options.input);
  const output = resolve(options.output);

  if (info.coverArtStreamIndex !== null) {
    await runFfmpeg(
      [
        '-i',
        input,
        '-map',
        `0:${info.coverArtStreamIndex}`,
        '-frames:v',
        '1',
        '-vf',
        `scale='min(${COVER_MAX_WIDTH},iw)':-1`,
        '-q:v',
        '3',
        output,
      ],
      { signal },
    );
    return 'embedded';
  }

  if (info.audioStreamIndex === null) throw new Error('cannot draw a waveform for a file without audio');
  // sqrt scale lifts quiet passages so speech does not draw as a flat line.
  const graph = [
    `[0:${info.audioStreamIndex}]showwavespic=s=${WAVEFORM_SIZE}:colors=0x60a5fa:scale=sqrt[wave]`,
    `color=c=0x111827:s=${WAVEFORM_SIZE}[background]`,
    '[background][wave]overlay=format=auto',
  ].join(';');
  await runFfmpeg(['-i', input, '-filter_complex', graph, '-frames:v', '1', '-q:v', '3', output], { signal });
  return 'waveform';
}
