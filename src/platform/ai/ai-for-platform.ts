import type { Platform } from '../platform.ts';
import { Ai } from './ai.ts';
import { createLocalProviders } from './local/local-providers.ts';

const byPlatform = new WeakMap<object, Ai>();

/**
 * The process's AI layer, built on first use: one per Platform (so metering and routing are shared by
 * routes and workers) without a slot in the Platform interface for every optional subsystem.
 */
export function aiFor(platform: Pick<Platform, 'config' | 'database' | 'logger'>): Ai {
  let ai = byPlatform.get(platform);
  if (!ai) {
    ai = new Ai(platform.config.ai, platform.database.db, platform.logger, createLocalProviders(platform.config.ai));
    byPlatform.set(platform, ai);
  }
  return ai;
}
