import type { AiConfig } from '../ai-config.ts';
import type { LocalProviders } from '../ai.ts';
import { PocketsphinxTranscriber } from './pocketsphinx-transcriber.ts';
import { LocalEmbedder } from './sentence-embedder.ts';

/** The offline providers: they always run here, and stand behind any remote endpoint as the fallback. */
export function createLocalProviders(config: AiConfig): LocalProviders {
  return {
    transcriber: PocketsphinxTranscriber.detect(config.pocketsphinxModelDir),
    embedder: new LocalEmbedder(),
  };
}
