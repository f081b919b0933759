import type { AiCallContext } from './ports.ts';
import type { Routed } from './router.ts';

type EmbedMany = (texts: string[], context: AiCallContext) => Promise<Routed<number[][]>>;

export interface EmbeddedText {
  vector: number[];
  /** The model's name and version: vectors are only compared with vectors of the same model. */
  model: string;
  version: string;
}

interface Pending {
  texts: string[];
  waiters: { resolve: (value: EmbeddedText) => void; reject: (error: unknown) => void }[];
  timer?: NodeJS.Timeout;
}

/** Texts of one user/video context share a batch (usage is recorded against that owner). */
const batchKey = (context: Omit<AiCallContext, 'signal'>) => `${context.userId ?? ''}|${context.videoId ?? ''}`;

/**
 * Accumulates texts to embed and sends them as one call when `size` are waiting or `waitMs` has passed
 * since the first: one request (or one local pass) per batch instead of one per text. Texts of one
 * user/video context batch together, so usage is still recorded against the right owner. Background
 * work (analysis, re-embedding) waits for its batch; a person waiting uses `embedNow`.
 */
export class EmbeddingBatcher {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly embedMany: EmbedMany,
    private readonly size: number,
    private readonly waitMs: number,
  ) {}

  embed(text: string, context: Omit<AiCallContext, 'signal'>): Promise<EmbeddedText> {
    const key = batchKey(context);
    let batch = this.pending.get(key);
    if (!batch) {
      batch = { texts: [], waiters: [] };
      this.pending.set(key, batch);
      batch.timer = setTimeout(() => this.flush(key, context), this.waitMs);
    }
    const promise = new Promise<EmbeddedText>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    batch.texts.push(text);
    if (batch.texts.length >= this.size) this.flush(key, context);
    return promise;
  }

  /**
   * For a person waiting on the answer (a search query, a question about a video): sent at once,
   * together with whatever of the same owner was already waiting, instead of after up to `waitMs`.
   */
  embedNow(text: string, context: Omit<AiCallContext, 'signal'>): Promise<EmbeddedText> {
    const embedded = this.embed(text, context);
    this.flush(batchKey(context), context);
    return embedded;
  }

  /** Embeds several texts through the batcher, in order. */
  embedAll(texts: string[], context: Omit<AiCallContext, 'signal'>): Promise<EmbeddedText[]> {
    return Promise.all(texts.map((text) => this.embed(text, context)));
  }

  private flush(key: string, context: Omit<AiCallContext, 'signal'>): void {
    const batch = this.pending.get(key);
    if (!batch) return;
    this.pending.delete(key);
    clearTimeout(batch.timer);
    this.embedMany(batch.texts, context).then(
      (result) =>
        batch.waiters.forEach((waiter, index) =>
          waiter.resolve({ vector: result.value[index]!, model: result.model.name, version: result.model.version }),
        ),
      (error: unknown) => batch.waiters.forEach((waiter) => waiter.reject(error)),
    );
  }
}
