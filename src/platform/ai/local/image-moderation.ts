import { LazyModel } from './lazy-model.ts';
import { modelThread } from './model-thread.ts';

export const IMAGE_MODERATION_MODEL = { name: 'nsfwjs-mobilenet-v2', version: 'nsfwjs 4.4.0' };

/** nsfwjs' five classes, each 0..1, summing to 1. */
export interface ImageScores {
  drawing: number;
  hentai: number;
  neutral: number;
  porn: number;
  sexy: number;
}

/**
 * How unsafe an image is, 0..1: the explicit classes in full, "sexy" at half weight (swimwear, fitness
 * and beach videos land there and are not explicit on their own).
 */
export function unsafeScore(scores: ImageScores): number {
  return Math.min(1, scores.porn + scores.hentai + 0.5 * scores.sexy);
}

/**
 * nsfwjs (MIT) with its bundled MobileNetV2 weights (3.5 MB) on TensorFlow.js' WebAssembly backend:
 * 57–80 ms an image here, where the pure-JavaScript backend is 20–35 times slower. Loaded on first use
 * in the model thread, beside the sentence encoder on the same TensorFlow.js (model-worker.ts).
 */
const nsfw = new LazyModel<true>(IMAGE_MODERATION_MODEL.name, () => modelThread.call<true>('load-classifier'));

/** For the admin's moderation status: the model is there unless loading it failed in this process. */
export function imageModerationAvailability(): { available: boolean; reason: string } {
  const { state, error } = nsfw.status;
  return state === 'failed'
    ? { available: false, reason: `the image model could not load: ${error ?? 'unknown error'}` }
    : {
        available: true,
        reason: `${IMAGE_MODERATION_MODEL.name} scores posters and sampled frames (${state === 'loaded' ? 'loaded' : 'loads on first use'})`,
      };
}

/** Scores 224×224 RGB images (see `classifierPixels`); undefined when the model cannot load. */
export async function classifyImages(images: Uint8Array[]): Promise<ImageScores[] | undefined> {
  if (!(await nsfw.get())) return undefined;
  const rows = await modelThread.call<number[][]>('classify', images);
  return rows.map(([drawing = 0, hentai = 0, neutral = 0, porn = 0, sexy = 0]) => ({
    drawing,
    hentai,
    neutral,
    porn,
    sexy,
  }));
}
