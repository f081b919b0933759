import type { Logger } from 'pino';
import { z } from 'zod';
import type { Ai } from '../../platform/ai/ai.ts';
import type { GenerationRequest } from '../../platform/ai/ports.ts';
import type { VideoRow } from '../videos/repo.ts';
import { diversify } from './ranker.ts';
import type { RankedEntry } from './repo.ts';
import { categoryLabel } from './reasons.ts';

/** Only the top of the ranker's list goes to the model: enough choice, a bounded prompt. */
export const RERANK_TOP = 50;
const MAX_REASON_LENGTH = 120;

/** The answer the model is asked for: item numbers in its order, each with a short reason. */
const modelAnswer = z.array(z.object({ n: z.number().int(), reason: z.string().min(1) })).min(1);

export interface RerankInput {
  userId: string;
  entries: RankedEntry[];
  videos: ReadonlyMap<string, VideoRow>;
  recentTitles: string[];
}

function prompt({ entries, videos, recentTitles }: RerankInput): GenerationRequest {
  const lines = entries.slice(0, RERANK_TOP).map((entry, index) => {
    const video = videos.get(entry.v)!;
    const category = video.category ? ` [${categoryLabel(video.category)}]` : '';
    return `${index + 1}. ${video.title}${category} (${entry.r})`;
  });
  return {
    temperature: 0.2,
    maxTokens: 1500,
    messages: [
      {
        role: 'system',
        content:
          'You order video recommendations for one viewer of a video platform. Answer with JSON only: an array of ' +
          '{"n": <item number>, "reason": "<one short sentence for the viewer>"} from the best item to the worst. ' +
          'Use only the numbers listed; leave out items that do not suit the viewer.',
      },
      {
        role: 'user',
        content: `Recently watched: ${recentTitles.join('; ') || 'nothing yet'}\nCandidates:\n${lines.join('\n')}`,
      },
    ],
  };
}

/** The first JSON array in the text (models like to wrap it in prose or a code fence). */
function parseAnswer(text: string): z.output<typeof modelAnswer> {
  const start = text.indexOf('[');
  const end = text.lastIndexOf(']');
  if (start < 0 || end <= start) throw new Error('the model did not answer with a JSON array');
  return modelAnswer.parse(JSON.parse(text.slice(start, end + 1)));
}

/**
 * Lets the configured generator re-order the top of a viewer's list and word its reasons. Items the
 * model names come first in its order with its reasons; the rest of the top follow in the ranker's
 * order; the diversity rule is applied again. Any failure (provider error, spent quota or budget, an
 * answer that is not the asked JSON) leaves the ranker's list as it was.
 */
export async function rerankWithModel(ai: Ai, input: RerankInput, logger: Logger): Promise<RankedEntry[]> {
  const top = input.entries.slice(0, RERANK_TOP);
  try {
    const generated = await ai.generate(prompt(input), { userId: input.userId });
    const chosen = new Map<number, string>();
    for (const item of parseAnswer(generated.value)) {
      if (item.n >= 1 && item.n <= top.length && !chosen.has(item.n))
        chosen.set(item.n, item.reason.trim().slice(0, MAX_REASON_LENGTH));
    }
    if (chosen.size === 0) throw new Error('the model named none of the candidates');
    const reordered: RankedEntry[] = [
      ...[...chosen].map(([n, reason]) => ({ v: top[n - 1]!.v, s: 'model' as const, r: reason })),
      ...top.filter((_entry, index) => !chosen.has(index + 1)),
    ];
    const channelOf = (entry: RankedEntry) => input.videos.get(entry.v)!.creator_id;
    return diversify([...reordered, ...input.entries.slice(RERANK_TOP)], channelOf, input.entries.length);
  } catch (error) {
    logger.warn({ err: error, userId: input.userId }, 'recommendations: model re-rank failed; the ranker order stands');
    return input.entries;
  }
}
