import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ai } from '../../platform/ai/ai.ts';
import type { AiCallContext, Transcription } from '../../platform/ai/ports.ts';
import type { Routed } from '../../platform/ai/router.ts';
import { cutToRegions, originalTime, speechSeconds } from '../../platform/ai/local/speech-regions.ts';
import { VOICE_ACTIVITY_MODEL, detectSpeech } from '../../platform/ai/local/voice-activity.ts';
import { encodeWav } from '../../platform/ai/local/wav-pcm.ts';
import type { SpeechActivitySummary } from './speech-activity-repo.ts';

export type SpeechOutcome =
  | { kind: 'transcribed'; result: Routed<Transcription>; activity: SpeechActivitySummary | null }
  | { kind: 'no-speech'; activity: SpeechActivitySummary };

/** Silence put between speech regions in the cut audio, so the recogniser ends an utterance at each cut. */
const GAP_SECONDS = 0.5;
/** With this much speech, cutting saves too little to be worth the recogniser seeing a spliced file. */
const CUT_WHEN_SPEECH_BELOW = 0.85;

/**
 * Recognition of the speech only: voice activity (Silero VAD) finds where people speak, the recogniser
 * (pocketsphinx or the remote one) hears just those stretches, and the words' times are moved back onto
 * the video's timeline. Music and silence never reach the recogniser, so it cannot invent captions over
 * them, and a long video with little talk is recognised in the time its talk takes. Audio without any
 * speech gives "no speech detected". When the voice activity model cannot load, the whole audio is
 * recognised as before (and /ready shows the model as failed).
 */
export async function transcribeSpeech(
  ai: Ai,
  wavPath: string,
  workDir: string,
  context: AiCallContext,
): Promise<SpeechOutcome> {
  const activity = await detectSpeech(wavPath);
  if (!activity) return { kind: 'transcribed', result: await ai.transcribe(wavPath, context), activity: null };
  const summary: SpeechActivitySummary = {
    audioSeconds: activity.audioSeconds,
    speechSeconds: speechSeconds(activity.regions),
    regions: activity.regions.length,
    modelName: VOICE_ACTIVITY_MODEL.name,
  };
  if (activity.regions.length === 0) return { kind: 'no-speech', activity: summary };
  if (summary.speechSeconds >= CUT_WHEN_SPEECH_BELOW * summary.audioSeconds) {
    return { kind: 'transcribed', result: await ai.transcribe(wavPath, context), activity: summary };
  }
  const cut = cutToRegions(activity.audio.samples, activity.audio.sampleRate, activity.regions, GAP_SECONDS);
  const speechPath = join(workDir, 'speech-only.wav');
  await writeFile(speechPath, encodeWav({ sampleRate: activity.audio.sampleRate, samples: cut.samples }));
  const result = await ai.transcribe(speechPath, context);
  const segments = result.value.segments.map((segment) => {
    const startSeconds = originalTime(segment.startSeconds, cut.pieces, 'start');
    return {
      ...segment,
      startSeconds,
      endSeconds: Math.max(startSeconds, originalTime(segment.endSeconds, cut.pieces, 'end')),
    };
  });
  return { kind: 'transcribed', result: { ...result, value: { ...result.value, segments } }, activity: summary };
}
