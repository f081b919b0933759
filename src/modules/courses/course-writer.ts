import type { Ai } from '../../platform/ai/ai.ts';
import { AiSpendingLimitError } from '../../platform/ai/spending-limits.ts';
import { courseDraftSchema, type CourseDraft } from './course-draft.ts';
import type { SourceSection } from './generation-sources.ts';

/** Keeps the prompt (and the bill) bounded however long the sources are. */
const MAX_PASSAGE_CHARACTERS = 24_000;
const RATE_LIMIT_RETRIES = 3;
const RATE_LIMIT_BASE_MS = 500;

export interface WrittenCourse {
  draft: CourseDraft;
  /** Which generator wrote it; 'local' when the local result stands. */
  generator: string;
  tokens: number;
  /** Why the local result stands, when a generator was asked. */
  fallbackReason?: string;
}

const isRateLimited = (error: unknown) =>
  !(error instanceof AiSpendingLimitError) && /\b429\b|rate.?limit/i.test((error as Error).message ?? '');

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** The cited passages, numbered by id, for the prompt. */
function passageList(sections: SourceSection[]): string {
  let budget = MAX_PASSAGE_CHARACTERS;
  const lines: string[] = [];
  for (const section of sections)
    for (const passage of section.passages) {
      const line = `[${passage.id}] ${JSON.stringify(passage.citation)} ${passage.text}`;
      if (line.length > budget) return lines.join('\n');
      budget -= line.length;
      lines.push(line);
    }
  return lines.join('\n');
}

/** The configured remote generator's model name, or null when only the local pipeline can write courses. */
export function remoteGeneratorModel(ai: Ai): string | null {
  return ai.generation.chain.find((provider) => provider.model.provider === 'remote')?.model.name ?? null;
}

/**
 * Asks the configured generator to rewrite the local course (same videos and documents, same outline
 * size) grounded in the cited passages, as JSON of the draft schema. An invalid answer is retried once,
 * then the local course stands. A provider's rate limit (429) backs off exponentially; the user's quota
 * or the instance's budget refusing the call also leaves the local course.
 */
export async function writeWithGenerator(
  ai: Ai,
  local: CourseDraft,
  sections: SourceSection[],
  context: { userId: string; signal?: AbortSignal },
): Promise<WrittenCourse> {
  if (remoteGeneratorModel(ai) === null) return { draft: local, generator: 'local', tokens: 0 };
  const messages = [
    {
      role: 'system' as const,
      content:
        'You write online courses from source passages. Answer with JSON only, matching the shape of the draft you are given. ' +
        'Keep every videoId. Every question must have a "citation" copied from the passage it is based on. Use only facts from the passages.',
    },
    {
      role: 'user' as const,
      content: `Passages:\n${passageList(sections)}\n\nImprove this draft course (titles, summaries, questions):\n${JSON.stringify(local)}`,
    },
  ];
  let tokens = 0;
  let reason = 'no answer';
  for (let attempt = 0; attempt < 2; attempt++) {
    let answer: string | undefined;
    for (let retry = 0; answer === undefined; retry++) {
      try {
        const routed = await ai.generate({ messages, maxTokens: 4000, temperature: 0.2 }, context);
        tokens += (routed.usage.inputTokens ?? 0) + (routed.usage.outputTokens ?? 0);
        if (routed.model.provider !== 'remote')
          return { draft: local, generator: 'local', tokens, fallbackReason: 'no remote generator answered' };
        answer = routed.value;
      } catch (error) {
        if (isRateLimited(error) && retry < RATE_LIMIT_RETRIES) {
          await sleep(RATE_LIMIT_BASE_MS * 2 ** retry, context.signal);
          continue;
        }
        return { draft: local, generator: 'local', tokens, fallbackReason: (error as Error).message };
      }
    }
    const parsed = parseDraft(answer, local);
    if (parsed.ok) return { draft: parsed.draft, generator: 'remote', tokens };
    reason = parsed.reason;
  }
  return { draft: local, generator: 'local', tokens, fallbackReason: `generator answer invalid twice: ${reason}` };
}

/** Valid JSON of the schema, using only the videos of the local draft (a model cannot add others). */
function parseDraft(
  answer: string,
  local: CourseDraft,
): { ok: true; draft: CourseDraft } | { ok: false; reason: string } {
  const json = /\{[\s\S]*\}/.exec(answer)?.[0];
  if (!json) return { ok: false, reason: 'not JSON' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const result = courseDraftSchema.safeParse(value);
  if (!result.success) return { ok: false, reason: result.error.issues[0]?.message ?? 'schema mismatch' };
  const allowed = new Set(
    local.modules.flatMap((module) =>
      module.lessons.flatMap((lesson) => (lesson.kind === 'video' ? [lesson.videoId] : [])),
    ),
  );
  const foreign = result.data.modules.some((module) =>
    module.lessons.some((lesson) => lesson.kind === 'video' && !allowed.has(lesson.videoId)),
  );
  if (foreign) return { ok: false, reason: 'a video that is not a source' };
  return { ok: true, draft: result.data };
}
