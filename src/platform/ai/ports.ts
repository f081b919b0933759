/**
 * The AI ports. Each task has a small interface with two kinds of adapter: a local one that works
 * offline (a model shipped by a system or npm package, or a well-known algorithm) and an
 * OpenAI-compatible remote one. Features only see the routed port (`ai.ts`), which picks the
 * provider, falls back, meters and enforces spending limits. See docs/AI.md.
 */

export const AI_TASKS = ['transcription', 'embedding', 'generation', 'moderation', 'translation'] as const;
export type AiTask = (typeof AI_TASKS)[number];

export type ProviderKind = 'local' | 'remote';

/** Names the model behind an output, stored with it so a better model can replace it later. */
export interface ModelInfo {
  provider: ProviderKind;
  name: string;
  version: string;
}

/** What one call consumed; the router turns it into an estimated cost. */
export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
  audioSeconds?: number;
}

export interface Metered<T> {
  value: T;
  usage: Usage;
}

/** Who a call is for: usage is recorded against them, and quotas are checked for the user. */
export interface AiCallContext {
  userId?: string | null;
  videoId?: string | null;
  signal?: AbortSignal;
}

/** Every provider names its model; `signal` combines the caller's and the router's timeout. */
export interface Provider {
  readonly model: ModelInfo;
}

export interface TranscriptSegment {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

export interface Transcription {
  /** BCP-47 / ISO 639-1 language of the speech, e.g. `en`. */
  language: string;
  segments: TranscriptSegment[];
}

export interface Transcriber extends Provider {
  /** `audioPath`: a local 16 kHz mono 16-bit WAV file (see `extractSpeechAudio`). */
  transcribe(audioPath: string, signal: AbortSignal): Promise<Metered<Transcription>>;
}

export interface Embedder extends Provider {
  /** One vector per text, in order; vectors are L2-normalised so cosine = dot product. */
  embed(texts: string[], signal: AbortSignal): Promise<Metered<number[][]>>;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerationRequest {
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
}

/** A streamed piece of an answer; the last chunk may carry the call's usage. */
export interface GenerationChunk {
  text: string;
  usage?: Usage;
}

export interface Generator extends Provider {
  generate(request: GenerationRequest, signal: AbortSignal): Promise<Metered<string>>;
  stream(request: GenerationRequest, signal: AbortSignal): AsyncIterable<GenerationChunk>;
}
