import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Metered, ModelInfo, Transcriber, Transcription } from '../ports.ts';
import { segmentWords, type TimedWord } from './word-timings.ts';

const BINARY = 'pocketsphinx_continuous';
/** `word start end confidence`, one line per recognised token when run with `-time yes`. */
const WORD_LINE = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/;
/** Sentence marks, silence, fillers and noise: timing only, never words. */
const NOT_A_WORD = /^(?:<\/?s>|<sil>|\[[A-Z_]+\]|\+\+.*\+\+)$/;

/** Parses `pocketsphinx_continuous -time yes` output into timed words (alternate pronunciations "word(2)" folded). */
export function parsePocketsphinxTimings(output: string): TimedWord[] {
  const words: TimedWord[] = [];
  for (const line of output.split('\n')) {
    const match = WORD_LINE.exec(line.trim());
    if (!match || NOT_A_WORD.test(match[1]!)) continue;
    words.push({ word: match[1]!.replace(/\(\d+\)$/, ''), start: Number(match[2]), end: Number(match[3]) });
  }
  return words;
}

/**
 * Speech-to-text with CMU PocketSphinx (Debian packages `pocketsphinx` and `pocketsphinx-en-us`: the
 * continuous-speech decoder and its US English acoustic model, language model and dictionary, BSD
 * licence, 37 MB). It runs as a child process on the WAV file; English only.
 */
export class PocketsphinxTranscriber implements Transcriber {
  readonly model: ModelInfo;

  constructor(
    private readonly modelDir: string,
    version: string,
  ) {
    this.model = { provider: 'local', name: 'pocketsphinx-en-us', version };
  }

  /** Whether the decoder and the model are installed; without them the task has no local provider. */
  static detect(modelDir: string): PocketsphinxTranscriber | undefined {
    if (!existsSync(join(modelDir, 'en-us', 'mdef'))) return undefined;
    let version = 'unknown';
    try {
      version =
        execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'pocketsphinx-en-us'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }).trim() || version;
    } catch {
      // Not a Debian system: the model is there, its packaged version is not known.
    }
    return new PocketsphinxTranscriber(modelDir, version);
  }

  transcribe(audioPath: string, signal: AbortSignal): Promise<Metered<Transcription>> {
    const args = [
      // -remove_silence no: with silence removal the word times drift by seconds (they count only speech frames).
      '-infile',
      audioPath,
      '-time',
      'yes',
      '-logfn',
      '/dev/null',
      '-samprate',
      '16000',
      '-remove_silence',
      'no',
      '-hmm',
      join(this.modelDir, 'en-us'),
      '-lm',
      join(this.modelDir, 'en-us.lm.bin'),
      '-dict',
      join(this.modelDir, 'cmudict-en-us.dict'),
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(BINARY, args, { signal, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-2000);
      });
      child.on('error', (error) =>
        reject(
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? new Error(`${BINARY} is not installed (Debian package "pocketsphinx")`)
            : error,
        ),
      );
      child.on('close', (code) => {
        if (code !== 0) return reject(new Error(`${BINARY} exited with ${code}: ${stderr.trim().slice(-500)}`));
        const words = parsePocketsphinxTimings(stdout);
        resolve({
          value: { language: 'en', segments: segmentWords(words) },
          usage: { audioSeconds: words.at(-1)?.end ?? 0 },
        });
      });
    });
  }
}
