import type { Platform } from '../platform.ts';
import { Ai } from './ai.ts';
import { createLocalProviders } from './local/local-providers.ts';

/**
 * The process's AI layer. The composition root (modules/services.ts) builds one, so metering and
 * routing are shared by routes and workers.
 */
export function createAi(platform: Pick<Platform, 'config' | 'database' | 'logger'>): Ai {
  return new Ai(platform.config.ai, platform.database.db, platform.logger, createLocalProviders(platform.config.ai));
}
