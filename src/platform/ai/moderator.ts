/*
 * The Moderator port: scores a text per category. A local classifier always answers; an
 * OpenAI-compatible model can be routed in front of it (see remote-moderator.ts).
 */

export const MODERATION_CATEGORIES = ['toxicity', 'spam', 'profanity'] as const;
export type ModerationCategory = typeof MODERATION_CATEGORIES[number];
export type ModerationScores = Record<ModerationCategory, number>;

/** Which model produced a result, stored with it so a better model can re-score later. */
export interface ModelInfo { name: string; version: string }

export interface TextModeration {
  /** 0..1 per category: the model's probability that the text belongs to it. */
  scores: ModerationScores;
  /** Short human-readable evidence for moderators ("insult: idiot", "2 links"). */
  reasons: string[];
  model: ModelInfo;
}

export interface Moderator {
  moderateText(text: string, signal?: AbortSignal): Promise<TextModeration>;
}

/** The highest category score: what thresholds compare against. */
export function topScore(scores: ModerationScores): { category: ModerationCategory; score: number } {
  return MODERATION_CATEGORIES
    .map((category) => ({ category, score: scores[category] }))
    .reduce((best, candidate) => candidate.score > best.score ? candidate : best);
}
