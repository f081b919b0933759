import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import type { AiConfig } from './ai-config.ts';
import type {
  AiCallContext,
  Embedder,
  GenerationChunk,
  GenerationRequest,
  Generator,
  ModelInfo,
  Transcriber,
  Transcription,
  Usage,
} from './ports.ts';
import { EmbeddingBatcher } from './embedding-batcher.ts';
import { RemoteEmbedder, RemoteGenerator, RemoteTranscriber } from './remote-providers.ts';
import { TaskRouter, type Routed, type RouterDeps } from './router.ts';
import { SpendingLimits } from './spending-limits.ts';
import { UsageMeter } from './usage-meter.ts';

/** Local providers are built by the caller (they may need system binaries or model files). */
export interface LocalProviders {
  transcriber?: Transcriber;
  embedder?: Embedder;
  generator?: Generator;
}

/** The last chunk of a routed stream has `done` and the model and usage of the whole answer. */
export type RoutedChunk =
  | { done: false; text: string }
  | { done: true; model: ModelInfo; usage: Usage; costUsd: number; skipped: Routed<unknown>['skipped'] };

/** Rough tokens for servers that stream without usage: about four characters per token in English. */
const estimateTokens = (text: string) => Math.ceil(text.length / 4);

/** Remote first, so a configured endpoint is preferred; the local provider (if any) is the fallback. */
function chainOf<P>(remote: P | undefined, local: P | undefined): P[] {
  return [remote, local].filter((provider): provider is P => provider !== undefined);
}

/**
 * The AI layer as features see it: one routed port per task. Outputs carry the model that produced
 * them; every provider call is metered in `ai_usage`; remote calls respect the spending limits.
 */
export class Ai {
  readonly meter: UsageMeter;
  readonly transcription: TaskRouter<Transcriber>;
  readonly embedding: TaskRouter<Embedder>;
  readonly generation: TaskRouter<Generator>;
  /** Embeddings in batches of up to N texts or T milliseconds (AI_EMBEDDING_BATCH_SIZE / _WAIT_MS). */
  readonly embeddings: EmbeddingBatcher;

  constructor(config: AiConfig, db: Kysely<DB>, logger: Logger, local: LocalProviders) {
    this.meter = new UsageMeter(db, config.prices);
    const deps: RouterDeps = {
      meter: this.meter,
      limits: new SpendingLimits(this.meter, config),
      logger,
      timeoutMs: config.timeoutMs,
    };
    const { remote } = config;
    this.transcription = new TaskRouter(
      'transcription',
      chainOf(remote.transcription && new RemoteTranscriber(remote.transcription), local.transcriber),
      deps,
    );
    this.embedding = new TaskRouter(
      'embedding',
      chainOf(remote.embedding && new RemoteEmbedder(remote.embedding), local.embedder),
      deps,
    );
    this.generation = new TaskRouter(
      'generation',
      chainOf(remote.generation && new RemoteGenerator(remote.generation), local.generator),
      deps,
    );
    this.embeddings = new EmbeddingBatcher(
      (texts, context) => this.embed(texts, context),
      config.embeddingBatch.size,
      config.embeddingBatch.waitMs,
    );
  }

  transcribe(audioPath: string, context: AiCallContext): Promise<Routed<Transcription>> {
    return this.transcription.run(context, (provider, signal) => provider.transcribe(audioPath, signal));
  }

  embed(texts: string[], context: AiCallContext): Promise<Routed<number[][]>> {
    return this.embedding.run(context, (provider, signal) => provider.embed(texts, signal));
  }

  generate(request: GenerationRequest, context: AiCallContext): Promise<Routed<string>> {
    return this.generation.run(context, (provider, signal) => provider.generate(request, signal));
  }

  /**
   * Streams an answer. Falling back is possible only until the first piece arrived: a provider that
   * fails before that hands over to the next, one that fails mid-answer ends the stream with its error.
   */
  async *streamGeneration(request: GenerationRequest, context: AiCallContext): AsyncIterable<RoutedChunk> {
    const router = this.generation;
    const opened = await router.fallThrough(context, async (provider, skipped, started) => {
      const deadline = router.deadlineFor(provider, context);
      const iterator = provider.stream(request, deadline.signal)[Symbol.asyncIterator]();
      try {
        return { provider, skipped, started, iterator, deadline, first: await iterator.next() };
      } catch (error) {
        deadline.release();
        throw error;
      }
    });
    const { provider, skipped, started, iterator, deadline } = opened;
    let next = opened.first;
    let text = '';
    let reported: Usage | undefined;
    try {
      while (!next.done) {
        const chunk: GenerationChunk = next.value;
        if (chunk.usage) reported = chunk.usage;
        if (chunk.text) {
          text += chunk.text;
          yield { done: false, text: chunk.text };
        }
        next = await iterator.next();
      }
    } catch (error) {
      await router.meter(
        provider.model,
        context,
        'error',
        { outputTokens: estimateTokens(text) },
        performance.now() - started,
        (error as Error).message,
      );
      throw error;
    } finally {
      deadline.release();
    }
    const usage = reported ?? {
      inputTokens: estimateTokens(request.messages.map((message) => message.content).join('\n')),
      outputTokens: estimateTokens(text),
    };
    const costUsd = await router.meter(provider.model, context, 'ok', usage, performance.now() - started);
    yield { done: true, model: provider.model, usage, costUsd, skipped };
  }

  /** Which models serve each task, in fallback order: for /ready and the admin pages. */
  describe(): Record<string, string[]> {
    const names = (router: TaskRouter<Transcriber | Embedder | Generator>) =>
      router.chain.map((provider) => `${provider.model.provider}:${provider.model.name}`);
    return {
      transcription: names(this.transcription),
      embedding: names(this.embedding),
      generation: names(this.generation),
    };
  }
}
