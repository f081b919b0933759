import type { ModelInfo } from '../ports.ts';
import { inverseDocumentFrequency, surfaceForms, termCounts } from './term-vectors.ts';
import { textRank, topUnits } from './textrank.ts';
import { meaningBoundaries } from './meaning-tiling.ts';
import { topicBoundaries } from './text-tiling.ts';

export interface TimedText {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

export interface Insights {
  summary: string;
  keyPoints: string[];
  chapters: { title: string; startSeconds: number }[];
}

export const EXTRACTIVE_INSIGHTS_MODEL: ModelInfo = { provider: 'local', name: 'textrank-texttiling', version: '1' };
/** Chapters cut where the sentence embeddings of the transcript change topic (meaning-tiling.ts). */
export const MEANING_INSIGHTS_MODEL: ModelInfo = { provider: 'local', name: 'textrank-meaning-tiling', version: '1' };

const SUMMARY_UNITS = 3;
const MAX_KEY_POINTS = 6;
const TITLE_TERMS = 3;

const sentence = (text: string) => {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
};

/** "sourdough", "bread", "flour" -> "Sourdough, bread and flour". */
function titleFrom(terms: string[]): string {
  const joined = terms.length > 1 ? `${terms.slice(0, -1).join(', ')} and ${terms.at(-1)}` : (terms[0] ?? '');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/**
 * Extractive insights of a transcript, no model needed: the summary is the three most central
 * segments by TextRank, in spoken order; chapters start where TextTiling finds a topic shift and are
 * titled with the words most particular to them (TF-IDF across chapters); key points are each
 * chapter's most central segment. Nothing is invented: every sentence was said in the video.
 * With `vectors` (one sentence embedding per segment) chapters start where the meaning shifts instead.
 */
export function extractInsights(segments: TimedText[], vectors?: number[][]): Insights {
  const texts = segments.map((segment) => segment.text);
  const scores = textRank(texts);
  const summary = topUnits(texts, scores, SUMMARY_UNITS)
    .map((index) => sentence(texts[index]!))
    .join(' ');

  const starts =
    vectors && vectors.length === segments.length
      ? meaningBoundaries(
          segments.map((segment, index) => ({ startSeconds: segment.startSeconds, vector: vectors[index]! })),
        )
      : topicBoundaries(texts);
  const ranges = starts.map((start, index) => [start, starts[index + 1] ?? texts.length] as const);
  const chapterCounts = ranges.map(([from, to]) => termCounts(texts.slice(from, to).join(' ')));
  const idf = inverseDocumentFrequency(chapterCounts);
  const forms = surfaceForms(texts.join(' '));
  const chapters = ranges.map(([from], index) => {
    const distinctive = [...chapterCounts[index]!]
      .map(([term, count]) => ({ term, weight: count * (idf.get(term) ?? 1) }))
      .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
      .slice(0, TITLE_TERMS)
      .map(({ term }) => forms.get(term) ?? term);
    return {
      title: titleFrom(distinctive) || `Part ${index + 1}`,
      startSeconds: index === 0 ? 0 : segments[from]!.startSeconds,
    };
  });

  const keyPoints = ranges.slice(0, MAX_KEY_POINTS).flatMap(([from, to]) => {
    const [best] = topUnits(texts.slice(from, to), scores.slice(from, to), 1);
    return best === undefined ? [] : [sentence(texts[from + best]!)];
  });
  return { summary, keyPoints, chapters };
}
