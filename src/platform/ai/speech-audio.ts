import { runFfmpeg } from '../media/index.ts';

/**
 * Writes a media file's first audio track as 16 kHz mono 16-bit WAV: what speech recognisers expect
 * (pocketsphinx's acoustic model is trained at 16 kHz) and a compact upload for remote ones.
 */
export function extractSpeechAudio(inputPath: string, wavPath: string, signal?: AbortSignal): Promise<void> {
  return runFfmpeg(
    [
      '-y',
      '-i',
      inputPath,
      '-map',
      '0:a:0',
      '-vn',
      '-ac',
      '1',
      '-ar',
      '16000',
      '-sample_fmt',
      's16',
      '-f',
      'wav',
      wavPath,
    ],
    { signal },
  );
}
