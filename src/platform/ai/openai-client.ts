import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RemoteTaskConfig } from './ai-config.ts';
import type { GenerationChunk, GenerationRequest, Metered, Transcription, Usage } from './ports.ts';

/** A remote endpoint answered with an error status, or with a body that is not the API's shape. */
export class RemoteAiError extends Error {
  constructor(
    message: string,
    public readonly status?: number,
  ) {
    super(message);
    this.name = 'RemoteAiError';
  }
}

interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

function toUsage(usage: WireUsage | undefined): Usage {
  return { inputTokens: usage?.prompt_tokens ?? 0, outputTokens: usage?.completion_tokens ?? 0 };
}

/**
 * A client for the OpenAI HTTP API as spoken by OpenAI, Ollama, vLLM and llama.cpp's server:
 * `/chat/completions` (plain and streamed as server-sent events), `/embeddings` and
 * `/audio/transcriptions`. It speaks to one task's endpoint and model; retries are the router's job.
 */
export class OpenAiCompatibleClient {
  constructor(private readonly endpoint: RemoteTaskConfig) {}

  get model(): string {
    return this.endpoint.model;
  }

  private async post(path: string, body: BodyInit, signal: AbortSignal, json: boolean): Promise<Response> {
    const headers: Record<string, string> = {};
    if (json) headers['content-type'] = 'application/json';
    if (this.endpoint.apiKey) headers.authorization = `Bearer ${this.endpoint.apiKey}`;
    const url = `${this.endpoint.baseUrl.replace(/\/+$/, '')}${path}`;
    const response = await fetch(url, { method: 'POST', headers, body, signal });
    if (!response.ok) {
      const text = (await response.text().catch(() => '')).slice(0, 500);
      throw new RemoteAiError(`${path} answered ${response.status}: ${text}`, response.status);
    }
    return response;
  }

  private postJson(path: string, payload: unknown, signal: AbortSignal): Promise<Response> {
    return this.post(path, JSON.stringify(payload), signal, true);
  }

  private chatPayload(request: GenerationRequest, stream: boolean) {
    return {
      model: this.endpoint.model,
      messages: request.messages,
      max_tokens: request.maxTokens,
      temperature: request.temperature,
      stream,
      // Servers that know it send usage in the last chunk; others ignore it and usage is estimated.
      ...(stream ? { stream_options: { include_usage: true } } : {}),
    };
  }

  async chat(request: GenerationRequest, signal: AbortSignal): Promise<Metered<string>> {
    const response = await this.postJson('/chat/completions', this.chatPayload(request, false), signal);
    const body = (await response.json()) as { choices?: { message?: { content?: string } }[]; usage?: WireUsage };
    const text = body.choices?.[0]?.message?.content;
    if (typeof text !== 'string')
      throw new RemoteAiError('/chat/completions answered without choices[0].message.content');
    return { value: text, usage: toUsage(body.usage) };
  }

  async *chatStream(request: GenerationRequest, signal: AbortSignal): AsyncIterable<GenerationChunk> {
    const response = await this.postJson('/chat/completions', this.chatPayload(request, true), signal);
    if (!response.body) throw new RemoteAiError('/chat/completions stream has no body');
    for await (const data of serverSentData(response.body)) {
      if (data === '[DONE]') return;
      const chunk = JSON.parse(data) as { choices?: { delta?: { content?: string } }[]; usage?: WireUsage | null };
      const text = chunk.choices?.[0]?.delta?.content ?? '';
      if (text || chunk.usage) yield chunk.usage ? { text, usage: toUsage(chunk.usage) } : { text };
    }
  }

  async embeddings(texts: string[], signal: AbortSignal): Promise<Metered<number[][]>> {
    const response = await this.postJson('/embeddings', { model: this.endpoint.model, input: texts }, signal);
    const body = (await response.json()) as { data?: { index: number; embedding: number[] }[]; usage?: WireUsage };
    if (!Array.isArray(body.data) || body.data.length !== texts.length) {
      throw new RemoteAiError(`/embeddings answered ${body.data?.length ?? 'no'} vectors for ${texts.length} inputs`);
    }
    const vectors = [...body.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
    return { value: vectors, usage: { inputTokens: body.usage?.prompt_tokens ?? 0 } };
  }

  /** `verbose_json` with segment timestamps: the format OpenAI and whisper.cpp servers share. */
  async transcribe(audioPath: string, signal: AbortSignal): Promise<Metered<Transcription>> {
    const form = new FormData();
    form.set('file', new Blob([await readFile(audioPath)], { type: 'audio/wav' }), basename(audioPath));
    form.set('model', this.endpoint.model);
    form.set('response_format', 'verbose_json');
    form.append('timestamp_granularities[]', 'segment');
    const response = await this.post('/audio/transcriptions', form, signal, false);
    const body = (await response.json()) as {
      language?: string;
      duration?: number;
      segments?: { start: number; end: number; text: string }[];
    };
    if (!Array.isArray(body.segments))
      throw new RemoteAiError('/audio/transcriptions answered without segments (verbose_json)');
    return {
      value: {
        language: normaliseLanguage(body.language),
        segments: body.segments.map((segment) => ({
          startSeconds: segment.start,
          endSeconds: segment.end,
          text: segment.text.trim(),
        })),
      },
      usage: { audioSeconds: body.duration ?? body.segments.at(-1)?.end ?? 0 },
    };
  }
}

/** OpenAI answers a language name ("english"); StreamHub stores ISO 639-1 codes ("und" when unknown). */
const LANGUAGE_CODES: Record<string, string> = {
  english: 'en',
  spanish: 'es',
  french: 'fr',
  german: 'de',
  italian: 'it',
  portuguese: 'pt',
  dutch: 'nl',
  russian: 'ru',
  chinese: 'zh',
  japanese: 'ja',
  korean: 'ko',
  arabic: 'ar',
  hindi: 'hi',
  polish: 'pl',
  turkish: 'tr',
};

function normaliseLanguage(language: string | undefined): string {
  const value = (language ?? '').trim().toLowerCase();
  if (/^[a-z]{2}$/.test(value)) return value;
  return LANGUAGE_CODES[value] ?? 'und';
}

/** Yields the `data:` payload of each server-sent event of a response body. */
async function* serverSentData(body: ReadableStream<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let boundary: number;
    while ((boundary = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const event = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, '');
      const data = event
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) yield data;
    }
  }
}
