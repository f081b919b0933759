import { z } from 'zod';
import type { RemoteTaskConfig } from './ai-config.ts';
import { OpenAiCompatibleClient } from './openai-client.ts';
import type { Metered, ModelInfo } from './ports.ts';
import { remoteModel } from './remote-providers.ts';
import { parseJsonAnswer } from './remote-moderation.ts';

const answerSchema = z.object({ translation: z.string().min(1) });

/** Translation by an OpenAI-compatible chat model: any pair the model knows, strict JSON at temperature 0. */
export class RemoteTranslator {
  readonly model: ModelInfo;
  private readonly client: OpenAiCompatibleClient;

  constructor(endpoint: RemoteTaskConfig) {
    this.model = remoteModel(endpoint);
    this.client = new OpenAiCompatibleClient(endpoint);
  }

  async translate(text: string, from: string, to: string, signal: AbortSignal): Promise<Metered<string>> {
    const prompt = `Translate the user's comment from the language with ISO 639-1 code "${from}" into "${to}". Keep names, links and emoji. Reply with ONLY a JSON object: {"translation": string}`;
    const answer = await this.client.chat(
      {
        messages: [
          { role: 'system', content: prompt },
          { role: 'user', content: text },
        ],
        temperature: 0,
      },
      signal,
    );
    return { value: parseJsonAnswer(answer.value, answerSchema).translation, usage: answer.usage };
  }
}
