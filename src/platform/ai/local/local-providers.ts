import type { AiConfig } from '../ai-config.ts';
import type { LocalProviders } from '../ai.ts';
import { HashedNgramEmbedder } from './hashed-embedder.ts';

/** The offline providers: they always run here, and stand behind any remote endpoint as the fallback. */
export function createLocalProviders(_config: AiConfig): LocalProviders {
  return { embedder: new HashedNgramEmbedder() };
}
