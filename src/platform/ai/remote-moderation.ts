import { z } from 'zod';
import type { RemoteTaskConfig } from './ai-config.ts';
import { OpenAiCompatibleClient, RemoteAiError } from './openai-client.ts';
import { MODERATION_CATEGORIES, type Classification, type ModerationProvider } from './moderator.ts';
import type { Metered, ModelInfo } from './ports.ts';
import { remoteModel } from './remote-providers.ts';

const PROMPT = `You are the comment moderation classifier of a video platform. Score the user's text from 0 to 1 for:
- toxicity: abuse aimed at a person or group (insults, harassment, threats, hate)
- spam: unsolicited promotion, scams, link farms, flooding
- profanity: swear words, however disguised
Reply with ONLY a JSON object, no prose: {"toxicity": number, "spam": number, "profanity": number, "reasons": [short strings]}`;

const answerSchema = z.object({
  toxicity: z.number().min(0).max(1),
  spam: z.number().min(0).max(1),
  profanity: z.number().min(0).max(1),
  reasons: z.array(z.string().max(200)).max(10).default([]),
});

/** The first {...} of a chat answer (models sometimes wrap JSON in a code fence), validated; a RemoteAiError otherwise so the router falls back. */
export function parseJsonAnswer<T>(answer: string, schema: z.ZodType<T>): T {
  const json = /\{[\s\S]*\}/.exec(answer)?.[0];
  try {
    return schema.parse(JSON.parse(json ?? ''));
  } catch {
    throw new RemoteAiError(`the model did not answer with the JSON asked for: ${answer.slice(0, 120)}`);
  }
}

/** Moderation by an OpenAI-compatible chat model, asked for strict JSON at temperature 0. */
export class RemoteModerator implements ModerationProvider {
  readonly model: ModelInfo;
  private readonly client: OpenAiCompatibleClient;

  constructor(endpoint: RemoteTaskConfig) {
    this.model = remoteModel(endpoint);
    this.client = new OpenAiCompatibleClient(endpoint);
  }

  async classify(text: string, signal: AbortSignal): Promise<Metered<Classification>> {
    const answer = await this.client.chat(
      {
        messages: [
          { role: 'system', content: PROMPT },
          { role: 'user', content: text },
        ],
        temperature: 0,
        maxTokens: 200,
      },
      signal,
    );
    const parsed = parseJsonAnswer(answer.value, answerSchema);
    const scores = Object.fromEntries(
      MODERATION_CATEGORIES.map((category) => [category, parsed[category]]),
    ) as Classification['scores'];
    return { value: { scores, reasons: parsed.reasons }, usage: answer.usage };
  }
}
