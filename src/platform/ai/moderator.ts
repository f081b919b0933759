import type { Metered, ModelInfo, Provider } from './ports.ts';

/*
 * Moderation ports. A `ModerationProvider` is one model (the local classifier, or an OpenAI-compatible
 * chat model); a `Moderator` is what features call: the routed chain (routed-moderation-translation.ts).
 */

export const MODERATION_CATEGORIES = ['toxicity', 'spam', 'profanity'] as const;
export type ModerationCategory = (typeof MODERATION_CATEGORIES)[number];
export type ModerationScores = Record<ModerationCategory, number>;

export interface TextModeration {
  /** 0..1 per category: the model's probability that the text belongs to it. */
  scores: ModerationScores;
  /** Short human-readable evidence for moderators ("insult: idiot", "2 links"). */
  reasons: string[];
  model: ModelInfo;
}

export type Classification = Omit<TextModeration, 'model'>;

export interface ModerationProvider extends Provider {
  classify(text: string, signal: AbortSignal): Promise<Metered<Classification>>;
}

export interface Moderator {
  /** `context.userId`: whose content it is, so remote spending counts against the platform's budget, metered per user. */
  moderateText(text: string, context?: { userId?: string | null; videoId?: string | null }): Promise<TextModeration>;
}

/** The highest category score: what thresholds compare against. */
export function topScore(scores: ModerationScores): { category: ModerationCategory; score: number } {
  return MODERATION_CATEGORIES.map((category) => ({ category, score: scores[category] })).reduce((best, candidate) =>
    candidate.score > best.score ? candidate : best,
  );
}
