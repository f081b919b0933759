/**
 * The model thread's entry (worker_threads): TensorFlow.js is loaded here once and serves the sentence
 * encoder and nsfwjs, so their forward passes run beside the event loop, not on it. Requests come from
 * model-thread.ts as { id, task, input } and are answered in order of completion as { id, value } or
 * { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { CLASSIFIER_SIZE } from '../../media/frame-sampling.ts';
import { loadSentenceEncoderModel, type SentenceEncoder } from './sentence-encoder-model.ts';
import { loadTensorflow } from './tf-runtime.ts';
import type { ModelTask } from './model-thread.ts';

type NsfwModel = import('nsfwjs').NSFWJS;
let encoder: Promise<SentenceEncoder> | undefined;
let nsfw: Promise<NsfwModel> | undefined;

async function loadNsfw(): Promise<NsfwModel> {
  await loadTensorflow();
  const nsfwjs = await import('nsfwjs');
  const log = console.log;
  // nsfwjs announces its bundled model on the console; StreamHub logs through pino.
  console.log = () => undefined;
  try {
    return await nsfwjs.load('MobileNetV2');
  } finally {
    console.log = log;
  }
}

const CLASSES = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'] as const;

async function classify(images: Uint8Array[]): Promise<number[][]> {
  const tf = await loadTensorflow();
  const model = await (nsfw ??= loadNsfw());
  const results: number[][] = [];
  for (const pixels of images) {
    const tensor = tf.tensor3d(pixels, [CLASSIFIER_SIZE, CLASSIFIER_SIZE, 3], 'int32');
    try {
      const predictions = await model.classify(tensor, 5);
      results.push(CLASSES.map((name) => predictions.find((p) => p.className === name)?.probability ?? 0));
    } finally {
      tensor.dispose();
    }
  }
  return results;
}

async function run(task: ModelTask, input: unknown): Promise<unknown> {
  switch (task) {
    case 'load-encoder':
      await (encoder ??= loadSentenceEncoderModel());
      return true;
    case 'embed':
      return (await (encoder ??= loadSentenceEncoderModel())).embed(input as string[]);
    case 'load-classifier':
      await (nsfw ??= loadNsfw());
      return true;
    case 'classify':
      return classify(input as Uint8Array[]);
  }
}

parentPort!.on('message', (message: { id: number; task: ModelTask; input: unknown }) => {
  run(message.task, message.input).then(
    (value) => parentPort!.postMessage({ id: message.id, value }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: (error as Error).message ?? String(error) }),
  );
});
