import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Ai } from './ai.ts';
import { LocalModerator } from './moderation/local-moderator.ts';
import type { ModerationProvider, Moderator, TextModeration } from './moderator.ts';
import type { AiCallContext, Metered, ModelInfo, Provider } from './ports.ts';
import { RemoteModerator } from './remote-moderation.ts';
import { RemoteTranslator } from './remote-translation.ts';
import { TaskRouter, type RouterDeps } from './router.ts';
import { SpendingLimits } from './spending-limits.ts';
import { ApertiumTranslator } from './translation/apertium-translator.ts';
import { UnsupportedLanguagePairError, type Translation, type Translator } from './translation/translator.ts';

/** What the routed moderator and translator are built from: the AI config and the process's one AI layer. */
export interface AiRoutingParts {
  config: Config['ai'];
  ai: Ai;
  logger: Logger;
}

/** Metering and spending limits shared with the rest of the AI layer (one ai_usage table, one budget). */
function routerDeps({ config, ai, logger }: AiRoutingParts): RouterDeps {
  return { meter: ai.meter, limits: new SpendingLimits(ai.meter, config), logger, timeoutMs: config.timeoutMs };
}

/** Moderation: the configured OpenAI-compatible model first, the local classifier as the fallback that always answers. */
class RoutedModerator implements Moderator {
  readonly router: TaskRouter<ModerationProvider>;

  constructor(parts: AiRoutingParts) {
    const remote = parts.config.remote.moderation;
    const chain: ModerationProvider[] = remote
      ? [new RemoteModerator(remote), new LocalModerator()]
      : [new LocalModerator()];
    this.router = new TaskRouter<ModerationProvider>('moderation', chain, routerDeps(parts));
  }

  async moderateText(text: string, context: AiCallContext = {}): Promise<TextModeration> {
    const routed = await this.router.run(context, (provider, signal) => provider.classify(text, signal));
    return { ...routed.value, model: routed.model };
  }
}

interface PairProvider extends Provider {
  run(signal: AbortSignal): Promise<Metered<string>>;
}

/** Translation: apertium for the pairs it has installed, the remote model for the others (and behind apertium if it fails). */
class RoutedTranslator implements Translator {
  private readonly apertium = new ApertiumTranslator();
  private readonly remote?: RemoteTranslator;
  private readonly deps: RouterDeps;

  constructor(parts: AiRoutingParts) {
    const endpoint = parts.config.remote.translation;
    this.remote = endpoint && new RemoteTranslator(endpoint);
    this.deps = routerDeps(parts);
  }

  async supports(from: string, to: string): Promise<boolean> {
    return this.remote !== undefined || (await this.apertium.supports(from, to));
  }

  async translate(text: string, from: string, to: string, signal?: AbortSignal): Promise<Translation> {
    const chain: PairProvider[] = [];
    const local: ModelInfo | undefined = await this.apertium.modelFor(from, to);
    if (local)
      chain.push({
        model: local,
        run: async (callSignal) => ({
          value: (await this.apertium.translate(text, from, to, callSignal)).text,
          usage: {},
        }),
      });
    const remote = this.remote;
    if (remote) chain.push({ model: remote.model, run: (callSignal) => remote.translate(text, from, to, callSignal) });
    if (chain.length === 0) throw new UnsupportedLanguagePairError(from, to);
    const routed = await new TaskRouter('translation', chain, this.deps).run({ signal }, (provider, callSignal) =>
      provider.run(callSignal),
    );
    return { text: routed.value, model: routed.model };
  }
}

/** A moderator whose provider chain can be shown to admins (the case routes list it). */
export type RoutedModeration = Moderator & { router: TaskRouter<ModerationProvider> };

export function createModerator(parts: AiRoutingParts): RoutedModeration {
  return new RoutedModerator(parts);
}

export function createTranslator(parts: AiRoutingParts): Translator {
  return new RoutedTranslator(parts);
}
