import type { Logger } from 'pino';
import { AppError } from '../http/errors.ts';
import type { AiCallContext, AiTask, Metered, ModelInfo, Provider, Usage } from './ports.ts';
import { AiSpendingLimitError, type SpendingLimits } from './spending-limits.ts';
import type { UsageMeter } from './usage-meter.ts';
import { ErrorCode } from '../http/error-codes.ts';

/** A result with the model that produced it (stored beside outputs) and the providers skipped on the way. */
export interface Routed<T> {
  value: T;
  model: ModelInfo;
  usage: Usage;
  costUsd: number;
  /** Providers tried first that failed or were refused, with why: the fallback trail. */
  skipped: { model: string; reason: string }[];
}

/** The task has no provider at all (e.g. no generator configured and none can run locally). */
export class AiUnavailableError extends AppError {
  constructor(task: AiTask, reason: string) {
    super(503, ErrorCode.AI_UNAVAILABLE, `No ${task} provider is available: ${reason}`);
    this.name = 'AiUnavailableError';
  }
}

export interface RouterDeps {
  meter: UsageMeter;
  limits: SpendingLimits;
  logger: Logger;
  timeoutMs: number;
}

const describe = (model: ModelInfo) => `${model.provider}:${model.name}`;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Tries a task's providers in order (remote first, local last) and returns the first success. A remote
 * provider is skipped when spending limits refuse it and abandoned after `timeoutMs`; any error moves on
 * to the next provider. Every attempt is metered. When all fail, a spending refusal is reported as
 * itself (the clear 429), anything else as a 503 naming each failure.
 */
export class TaskRouter<P extends Provider> {
  constructor(
    readonly task: AiTask,
    readonly chain: readonly P[],
    private readonly deps: RouterDeps,
  ) {}

  get available(): boolean {
    return this.chain.length > 0;
  }

  /** Admits a provider for a call: remote ones must pass the spending limits (refusals are metered). */
  private async admit(provider: P, context: AiCallContext): Promise<void> {
    if (provider.model.provider !== 'remote') return;
    try {
      await this.deps.limits.assertRemoteAllowed(this.task, context.userId);
    } catch (error) {
      await this.meter(provider.model, context, 'refused', {}, 0, messageOf(error));
      throw error;
    }
  }

  /**
   * Remote calls get the router's deadline on top of the caller's signal; local ones only the
   * caller's. A plain timer rather than AbortSignal.timeout inside AbortSignal.any: Node may collect
   * such a timeout signal before it fires. Call `release` when the call is over.
   */
  deadlineFor(provider: P, context: AiCallContext): { signal: AbortSignal; release(): void } {
    const controller = new AbortController();
    const onAbort = () => controller.abort(context.signal?.reason);
    context.signal?.addEventListener('abort', onAbort, { once: true });
    if (context.signal?.aborted) onAbort();
    const timer =
      provider.model.provider === 'remote'
        ? setTimeout(
            () => controller.abort(new Error(`no answer within ${this.deps.timeoutMs} ms (timeout)`)),
            this.deps.timeoutMs,
          )
        : undefined;
    return {
      signal: controller.signal,
      release: () => {
        clearTimeout(timer);
        context.signal?.removeEventListener('abort', onAbort);
      },
    };
  }

  meter(
    model: ModelInfo,
    context: AiCallContext,
    outcome: 'ok' | 'error' | 'refused',
    usage: Usage,
    durationMs: number,
    error?: string,
  ): Promise<number> {
    return this.deps.meter.record({
      task: this.task,
      model,
      outcome,
      usage,
      userId: context.userId,
      videoId: context.videoId,
      durationMs,
      error,
    });
  }

  async run<T>(
    context: AiCallContext,
    call: (provider: P, signal: AbortSignal) => Promise<Metered<T>>,
  ): Promise<Routed<T>> {
    return this.fallThrough(context, async (provider, skipped) => {
      const started = performance.now();
      const deadline = this.deadlineFor(provider, context);
      const result = await call(provider, deadline.signal).finally(deadline.release);
      const costUsd = await this.meter(provider.model, context, 'ok', result.usage, performance.now() - started);
      return { value: result.value, model: provider.model, usage: result.usage, costUsd, skipped };
    });
  }

  /**
   * The fallback loop shared by plain and streamed calls: `attempt` runs one admitted provider and
   * throws to hand over to the next. A caller's own abort is never treated as a provider failure.
   */
  async fallThrough<R>(
    context: AiCallContext,
    attempt: (provider: P, skipped: Routed<unknown>['skipped'], started: number) => Promise<R>,
  ): Promise<R> {
    if (this.chain.length === 0)
      throw new AiUnavailableError(this.task, 'none is configured and StreamHub has no local one for this task');
    const skipped: Routed<unknown>['skipped'] = [];
    let refusal: AiSpendingLimitError | undefined;
    let refusals = 0;
    for (const provider of this.chain) {
      const started = performance.now();
      try {
        await this.admit(provider, context);
        return await attempt(provider, skipped, started);
      } catch (error) {
        if (context.signal?.aborted) throw error;
        if (error instanceof AiSpendingLimitError) {
          refusal = error;
          refusals += 1;
        } else {
          await this.meter(provider.model, context, 'error', {}, performance.now() - started, messageOf(error));
          this.deps.logger.warn(
            { task: this.task, model: describe(provider.model), err: error },
            'AI provider failed; trying the next one',
          );
        }
        skipped.push({ model: describe(provider.model), reason: messageOf(error) });
      }
    }
    // Only refusals: the caller hears the clear quota or budget error, not a generic failure.
    if (refusal && refusals === skipped.length) throw refusal;
    throw new AppError(
      503,
      ErrorCode.AI_PROVIDERS_FAILED,
      `Every ${this.task} provider failed: ${skipped.map((entry) => `${entry.model}: ${entry.reason}`).join('; ')}`,
    );
  }
}
