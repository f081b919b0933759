import type { Platform } from '../platform.ts';
import { aiFor } from './ai-for-platform.ts';
import { LocalModerator } from './moderation/local-moderator.ts';
import type { ModerationProvider, Moderator, TextModeration } from './moderator.ts';
import type { AiCallContext, Metered, ModelInfo, Provider } from './ports.ts';
import { RemoteModerator } from './remote-moderation.ts';
import { RemoteTranslator } from './remote-translation.ts';
import { TaskRouter, type RouterDeps } from './router.ts';
import { SpendingLimits } from './spending-limits.ts';
import { ApertiumTranslator } from './translation/apertium-translator.ts';
import { UnsupportedLanguagePairError, type Translation, type Translator } from './translation/translator.ts';

/** The image side: no model that can run here ships with StreamHub, so it says so instead of scoring. */
export const IMAGE_MODERATION_STATUS = {
  available: false,
  reason: 'No local image classifier is installed: StreamHub ships no NSFW/violence model that runs offline, so thumbnails and frames are not scored.',
} as const;

/** Metering and spending limits shared with the rest of the AI layer (one ai_usage table, one budget). */
function routerDeps(platform: Platform): RouterDeps {
  const ai = aiFor(platform);
  return { meter: ai.meter, limits: new SpendingLimits(ai.meter, platform.config.ai), logger: platform.logger, timeoutMs: platform.config.ai.timeoutMs };
}

/** Moderation: the configured OpenAI-compatible model first, the local classifier as the fallback that always answers. */
class RoutedModerator implements Moderator {
  readonly router: TaskRouter<ModerationProvider>;

  constructor(platform: Platform) {
    const remote = platform.config.ai.remote.moderation;
    const chain: ModerationProvider[] = remote ? [new RemoteModerator(remote), new LocalModerator()] : [new LocalModerator()];
    this.router = new TaskRouter<ModerationProvider>('moderation', chain, routerDeps(platform));
  }

  async moderateText(text: string, context: AiCallContext = {}): Promise<TextModeration> {
    const routed = await this.router.run(context, (provider, signal) => provider.classify(text, signal));
    return { ...routed.value, model: routed.model };
  }
}

interface PairProvider extends Provider { run(signal: AbortSignal): Promise<Metered<string>> }

/** Translation: apertium for the pairs it has installed, the remote model for the others (and behind apertium if it fails). */
class RoutedTranslator implements Translator {
  private readonly apertium = new ApertiumTranslator();
  private readonly remote?: RemoteTranslator;
  private readonly deps: RouterDeps;

  constructor(platform: Platform) {
    const endpoint = platform.config.ai.remote.translation;
    this.remote = endpoint && new RemoteTranslator(endpoint);
    this.deps = routerDeps(platform);
  }

  async supports(from: string, to: string): Promise<boolean> {
    return this.remote !== undefined || await this.apertium.supports(from, to);
  }

  async translate(text: string, from: string, to: string, signal?: AbortSignal): Promise<Translation> {
    const chain: PairProvider[] = [];
    const local: ModelInfo | undefined = await this.apertium.modelFor(from, to);
    if (local) chain.push({ model: local, run: async (callSignal) => ({ value: (await this.apertium.translate(text, from, to, callSignal)).text, usage: {} }) });
    const remote = this.remote;
    if (remote) chain.push({ model: remote.model, run: (callSignal) => remote.translate(text, from, to, callSignal) });
    if (chain.length === 0) throw new UnsupportedLanguagePairError(from, to);
    const routed = await new TaskRouter('translation', chain, this.deps).run({ signal }, (provider, callSignal) => provider.run(callSignal));
    return { text: routed.value, model: routed.model };
  }
}

const moderators = new WeakMap<Platform, RoutedModerator>();
const translators = new WeakMap<Platform, RoutedTranslator>();

export function moderatorFor(platform: Platform): Moderator & { router: TaskRouter<ModerationProvider> } {
  let moderator = moderators.get(platform);
  if (!moderator) moderators.set(platform, moderator = new RoutedModerator(platform));
  return moderator;
}

export function translatorFor(platform: Platform): Translator {
  let translator = translators.get(platform);
  if (!translator) translators.set(platform, translator = new RoutedTranslator(platform));
  return translator;
}
