import type { Ai } from '../../platform/ai/ai.ts';
import type { AiCallContext } from '../../platform/ai/ports.ts';
import type { TimedText } from '../../platform/ai/local/extractive-insights.ts';
import type { Chapter } from './tables.ts';

/** Words of each chapter's transcript shown to the generator: enough to name it, cheap to send. */
const EXCERPT_WORDS = 120;

/**
 * With a generator configured, chapters (already cut where the meaning shifts) get titles written by
 * it: one short line per chapter, from an excerpt of what is said in it. Any failure, or an answer
 * without one title per chapter, keeps the key-phrase titles: chapters never wait on a remote model.
 */
export async function writeChapterTitles(
  ai: Ai,
  chapters: Chapter[],
  segments: TimedText[],
  context: Omit<AiCallContext, 'signal'>,
): Promise<Chapter[]> {
  if (!ai.generation.available || chapters.length < 2) return chapters;
  const excerpts = chapters.map((chapter, index) => {
    const end = chapters[index + 1]?.startSeconds ?? Infinity;
    const words = segments
      .filter((segment) => segment.startSeconds >= chapter.startSeconds && segment.startSeconds < end)
      .map((segment) => segment.text)
      .join(' ')
      .split(/\s+/)
      .slice(0, EXCERPT_WORDS);
    return `${index + 1}. ${words.join(' ')}`;
  });
  try {
    const answer = await ai.generate(
      {
        messages: [
          {
            role: 'system',
            content:
              'You name the chapters of a video. Answer with exactly one title per chapter, one per line, numbered like the input, each at most six words, nothing else.',
          },
          { role: 'user', content: excerpts.join('\n') },
        ],
        maxTokens: 20 * chapters.length,
        temperature: 0.2,
      },
      context,
    );
    const titles = answer.value
      .split('\n')
      .map((line) => line.replace(/^\s*\d+[.)]\s*/, '').trim())
      .filter(Boolean);
    if (titles.length !== chapters.length) return chapters;
    return chapters.map((chapter, index) => ({ ...chapter, title: titles[index]!.slice(0, 80) }));
  } catch {
    return chapters;
  }
}
