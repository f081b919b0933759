import type { RemoteTaskConfig } from './ai-config.ts';
import { OpenAiCompatibleClient } from './openai-client.ts';
import type {
  Embedder,
  GenerationChunk,
  GenerationRequest,
  Generator,
  Metered,
  ModelInfo,
  Transcriber,
  Transcription,
} from './ports.ts';

/** Remote APIs do not report a model version; the endpoint's origin tells two servers' same-named models apart. */
export function remoteModel(endpoint: RemoteTaskConfig): ModelInfo {
  return { provider: 'remote', name: endpoint.model, version: new URL(endpoint.baseUrl).origin };
}

export class RemoteTranscriber implements Transcriber {
  readonly model: ModelInfo;
  private readonly client: OpenAiCompatibleClient;
  constructor(endpoint: RemoteTaskConfig) {
    this.model = remoteModel(endpoint);
    this.client = new OpenAiCompatibleClient(endpoint);
  }

  transcribe(audioPath: string, signal: AbortSignal): Promise<Metered<Transcription>> {
    return this.client.transcribe(audioPath, signal);
  }
}

export class RemoteEmbedder implements Embedder {
  readonly model: ModelInfo;
  private readonly client: OpenAiCompatibleClient;
  constructor(endpoint: RemoteTaskConfig) {
    this.model = remoteModel(endpoint);
    this.client = new OpenAiCompatibleClient(endpoint);
  }

  async embed(texts: string[], signal: AbortSignal): Promise<Metered<number[][]>> {
    const result = await this.client.embeddings(texts, signal);
    return { value: result.value.map(normalise), usage: result.usage };
  }
}

export class RemoteGenerator implements Generator {
  readonly model: ModelInfo;
  private readonly client: OpenAiCompatibleClient;
  constructor(endpoint: RemoteTaskConfig) {
    this.model = remoteModel(endpoint);
    this.client = new OpenAiCompatibleClient(endpoint);
  }

  generate(request: GenerationRequest, signal: AbortSignal): Promise<Metered<string>> {
    return this.client.chat(request, signal);
  }

  stream(request: GenerationRequest, signal: AbortSignal): AsyncIterable<GenerationChunk> {
    return this.client.chatStream(request, signal);
  }
}

/** Not every server normalises its embeddings; StreamHub's vector search assumes unit length. */
export function normalise(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
