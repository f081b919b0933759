/**
 * A local model loaded on first use, once per process, and shared by every caller. A model that cannot
 * load (a missing native library, a corrupt file) is remembered as failed: callers get `undefined` and
 * take their fallback path, and /ready lists the failure instead of every job paying for a retry.
 */
export type ModelLoadState = 'not-loaded' | 'loading' | 'loaded' | 'failed';

export interface ModelStatus {
  state: ModelLoadState;
  error?: string;
}

const registered = new Map<string, LazyModel<unknown>>();

export class LazyModel<T> {
  #loading?: Promise<T | undefined>;
  #status: ModelStatus = { state: 'not-loaded' };

  constructor(
    readonly name: string,
    private readonly load: () => Promise<T>,
  ) {
    registered.set(name, this as LazyModel<unknown>);
  }

  get status(): ModelStatus {
    return this.#status;
  }

  /** The loaded model, or undefined when loading failed (now or earlier in this process). */
  get(): Promise<T | undefined> {
    this.#loading ??= (async () => {
      this.#status = { state: 'loading' };
      try {
        const model = await this.load();
        this.#status = { state: 'loaded' };
        return model;
      } catch (error) {
        this.#status = { state: 'failed', error: (error as Error).message.slice(0, 300) };
        return undefined;
      }
    })();
    return this.#loading;
  }
}

/** Every local model of this process and where its loading stands, for /ready. */
export function localModelStatuses(): Record<string, ModelStatus> {
  return Object.fromEntries([...registered].map(([name, model]) => [name, model.status]));
}
