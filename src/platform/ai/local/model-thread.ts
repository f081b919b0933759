import { Worker } from 'node:worker_threads';

export type ModelTask = 'load-encoder' | 'embed' | 'load-classifier' | 'classify';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * The one thread per process where the local TensorFlow.js models run (model-worker.ts): started on
 * first use, it does not keep the process alive, and a thread that dies fails its pending calls and is
 * started again by the next one. From sources (tsx) the worker registers tsx and
 * imports the .ts entry; the compiled build runs the .js next to this file.
 */
class ModelThread {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  call<T>(task: ModelTask, input?: unknown): Promise<T> {
    const worker = this.start();
    const id = (this.nextId += 1);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ id, task, input });
    });
  }

  /** Stops the thread (tests, shutdown); the next call starts a new one. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const source = import.meta.url.endsWith('.ts');
    const entry = new URL(`./model-worker${source ? '.ts' : '.js'}`, import.meta.url);
    // A worker does not inherit the tsx loader registered with --import: it registers it itself.
    const worker = source
      ? new Worker(
          `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`,
          { eval: true },
        )
      : new Worker(entry);
    worker.unref();
    worker.on('message', (message: { id: number; value?: unknown; error?: string }) => {
      const call = this.pending.get(message.id);
      if (!call) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (message.error !== undefined) call.reject(new Error(message.error));
      else call.resolve(message.value);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const call of this.pending.values()) call.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the model thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

export const modelThread = new ModelThread();
