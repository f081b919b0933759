import type { Platform } from '../platform.ts';
import { LocalModerator } from './moderation/local-moderator.ts';
import type { Moderator } from './moderator.ts';

/** The image side: no model that can run here ships with StreamHub, so it says so instead of scoring. */
export const IMAGE_MODERATION_STATUS = {
  available: false,
  reason: 'No local image classifier is installed: StreamHub ships no NSFW/violence model that runs offline, so thumbnails and frames are not scored.',
} as const;

const moderators = new WeakMap<Platform, Moderator>();

/** One moderator per platform (the local classifier loads its weights once). */
export function moderatorFor(platform: Platform): Moderator {
  let moderator = moderators.get(platform);
  if (!moderator) {
    moderator = new LocalModerator();
    moderators.set(platform, moderator);
  }
  return moderator;
}
