import { CLASSIFIER_SIZE } from '../../media/frame-sampling.ts';
import { LazyModel } from './lazy-model.ts';

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

type Tf = typeof import('@tensorflow/tfjs');
interface Classifier {
  tf: Tf;
  model: import('nsfwjs').NSFWJS;
}

/**
 * nsfwjs (MIT) with its bundled MobileNetV2 weights (3.5 MB) on TensorFlow.js' WebAssembly backend:
 * 57–80 ms an image here, where the pure-JavaScript backend is 20–35 times slower. Loaded on first use.
 */
const nsfw = new LazyModel<Classifier>(IMAGE_MODERATION_MODEL.name, async () => {
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend('wasm'))) throw new Error('the TensorFlow.js WebAssembly backend did not start');
  await tf.ready();
  const nsfwjs = await import('nsfwjs');
  const log = console.log;
  // nsfwjs announces its bundled model on the console; StreamHub logs through pino.
  console.log = () => undefined;
  try {
    return { tf, model: await nsfwjs.load('MobileNetV2') };
  } finally {
    console.log = log;
  }
});

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
  const classifier = await nsfw.get();
  if (!classifier) return undefined;
  const { tf, model } = classifier;
  const results: ImageScores[] = [];
  for (const pixels of images) {
    const tensor = tf.tensor3d(pixels, [CLASSIFIER_SIZE, CLASSIFIER_SIZE, 3], 'int32');
    try {
      const predictions = await model.classify(tensor, 5);
      const score = (name: string) => predictions.find((prediction) => prediction.className === name)?.probability ?? 0;
      results.push({
        drawing: score('Drawing'),
        hentai: score('Hentai'),
        neutral: score('Neutral'),
        porn: score('Porn'),
        sexy: score('Sexy'),
      });
    } finally {
      tensor.dispose();
    }
  }
  return results;
}
