import type { Platform } from './platform.ts';

/**
 * A lazily created, per-platform singleton (a store, a flusher): every caller handed the same platform
 * shares one instance, and tests with their own platforms never share state.
 */
export function perPlatform<T>(create: (platform: Platform) => T): (platform: Platform) => T {
  const instances = new WeakMap<Platform, T>();
  return (platform) => {
    let instance = instances.get(platform);
    if (instance === undefined) {
      instance = create(platform);
      instances.set(platform, instance);
    }
    return instance;
  };
}
