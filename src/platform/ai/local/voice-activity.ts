import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node';
import { LazyModel } from './lazy-model.ts';
import { DEFAULT_REGION_OPTIONS, speechRegions, type SpeechRegion } from './speech-regions.ts';
import { parseWav, type PcmAudio } from './wav-pcm.ts';

export const VOICE_ACTIVITY_MODEL = { name: 'silero-vad', version: '5 (@livekit/agents-plugin-silero 1.9.0)' };

/** Silero VAD v5 at 16 kHz: 512-sample windows (32 ms), each seen with the 64 samples before it. */
const SAMPLE_RATE = 16_000;
const WINDOW = 512;
const CONTEXT = 64;

interface Silero {
  session: InferenceSession;
  Tensor: typeof OrtTensor;
}

/**
 * The Silero VAD network (MIT/Apache-2.0, 2.3 MB) ships inside the npm package
 * `@livekit/agents-plugin-silero`; we only take its ONNX file and run it with onnxruntime-node, one
 * thread, so a long video's analysis leaves the other core to the rest of StreamHub.
 */
const silero = new LazyModel<Silero>(VOICE_ACTIVITY_MODEL.name, async () => {
  const ort = await import('onnxruntime-node');
  const pluginEntry = createRequire(import.meta.url).resolve('@livekit/agents-plugin-silero');
  const session = await ort.InferenceSession.create(join(dirname(pluginEntry), 'silero_vad.onnx'), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
  });
  return { session, Tensor: ort.Tensor };
});

export interface SpeechActivity {
  audio: PcmAudio;
  audioSeconds: number;
  regions: SpeechRegion[];
}

/** Per-window speech probabilities of 16 kHz mono audio (the model's recurrent state carried across windows). */
async function speechProbabilities({ session, Tensor }: Silero, samples: Int16Array): Promise<Float32Array> {
  const windows = Math.floor(samples.length / WINDOW);
  const probabilities = new Float32Array(windows);
  const input = new Float32Array(CONTEXT + WINDOW);
  let state = new Float32Array(2 * 128);
  const sampleRate = new Tensor('int64', BigInt64Array.from([BigInt(SAMPLE_RATE)]), []);
  for (let index = 0; index < windows; index++) {
    input.copyWithin(0, WINDOW); // the last 64 samples of the previous window become the context
    for (let i = 0; i < WINDOW; i++) input[CONTEXT + i] = samples[index * WINDOW + i]! / 32768;
    const result = await session.run({
      input: new Tensor('float32', input, [1, CONTEXT + WINDOW]),
      state: new Tensor('float32', state, [2, 1, 128]),
      sr: sampleRate,
    });
    state = new Float32Array(result.stateN!.data as Float32Array);
    probabilities[index] = (result.output!.data as Float32Array)[0]!;
  }
  return probabilities;
}

/**
 * Where people speak in a 16 kHz mono WAV (see `extractSpeechAudio`). Undefined when the model cannot
 * load: the caller then sends the whole file to the recogniser, as before voice activity existed.
 */
export async function detectSpeech(wavPath: string): Promise<SpeechActivity | undefined> {
  const model = await silero.get();
  if (!model) return undefined;
  const audio = parseWav(await readFile(wavPath));
  if (audio.sampleRate !== SAMPLE_RATE) throw new Error(`voice activity needs ${SAMPLE_RATE} Hz audio`);
  const probabilities = await speechProbabilities(model, audio.samples);
  return {
    audio,
    audioSeconds: audio.samples.length / SAMPLE_RATE,
    regions: speechRegions(probabilities, { ...DEFAULT_REGION_OPTIONS, windowSeconds: WINDOW / SAMPLE_RATE }),
  };
}
