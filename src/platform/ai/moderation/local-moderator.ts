import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  MODERATION_CATEGORIES,
  type Classification,
  type ModerationCategory,
  type ModerationProvider,
  type TextModeration,
} from '../moderator.ts';
import type { Metered, ModelInfo } from '../ports.ts';
import { extractFeatures, type Evidence } from './features.ts';
import * as lexicon from './lexicon.ts';
import { predict, type LogisticModel } from './logistic.ts';

export type ModerationWeights = Record<ModerationCategory, LogisticModel>;

const WEIGHTS_URL = new URL('./weights.json', import.meta.url);

/** The shipped weights, trained by `npm run bench -- moderation --write-weights` on bench/moderation/labelled-comments.ts. */
export function loadShippedWeights(): ModerationWeights {
  return JSON.parse(readFileSync(WEIGHTS_URL, 'utf8')) as ModerationWeights;
}

/** Changes whenever the weights or the word lists change, so stored scores name exactly what produced them. */
function versionOf(weights: ModerationWeights): string {
  return createHash('sha256')
    .update(JSON.stringify(weights))
    .update(JSON.stringify(lexicon))
    .digest('hex')
    .slice(0, 12);
}

const MAX_REASONS = 8;

function toReasons(evidence: Evidence[]): string[] {
  const byKind = new Map<string, Set<string>>();
  for (const item of evidence) {
    const texts = byKind.get(item.kind) ?? new Set<string>();
    texts.add(item.text.length > 60 ? `${item.text.slice(0, 57)}...` : item.text);
    byKind.set(item.kind, texts);
  }
  return [...byKind]
    .map(([kind, texts]) => `${kind.replace('_', ' ')}: ${[...texts].slice(0, 3).join(', ')}`)
    .slice(0, MAX_REASONS);
}

/**
 * StreamHub's offline text classifier: de-obfuscating word lists and spam features (features.ts) feeding
 * one logistic regression per category (weights.json). Runs in well under a millisecond per comment.
 */
export class LocalModerator implements ModerationProvider {
  static readonly modelName = 'streamhub-lexicon-logreg';
  readonly model: ModelInfo;

  constructor(private readonly weights: ModerationWeights = loadShippedWeights()) {
    this.model = { provider: 'local', name: LocalModerator.modelName, version: versionOf(weights) };
  }

  /** Synchronous at heart; no tokens to meter. */
  async classify(text: string): Promise<Metered<Classification>> {
    const { features, evidence } = extractFeatures(text);
    const scores = Object.fromEntries(
      MODERATION_CATEGORIES.map((category) => [
        category,
        Math.round(predict(this.weights[category], features) * 1000) / 1000,
      ]),
    ) as Record<ModerationCategory, number>;
    return { value: { scores, reasons: toReasons(evidence) }, usage: {} };
  }

  /** Scores without routing or metering: for the bench and tests. */
  async moderateText(text: string): Promise<TextModeration> {
    return { ...(await this.classify(text)).value, model: this.model };
  }
}
