import type { VideoRow } from '../videos/repo.ts';

/** How categories read in a sentence ("Popular in Science"); the stored ids are lower-case slugs. */
const CATEGORY_LABELS: Record<string, string> = { howto: 'How-to', film: 'Film & Animation', people: 'People & Blogs' };

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category.charAt(0).toUpperCase() + category.slice(1);
}

/** The human reasons shown on a "For you" card, one per source. */
export const reasons = {
  becauseWatched: (seed: VideoRow) => `Because you watched ${seed.title}`,
  becauseLiked: (seed: VideoRow) => `Because you liked ${seed.title}`,
  subscriptions: () => 'From your subscriptions',
  popular: (video: VideoRow) =>
    video.category && video.category !== 'other' ? `Popular in ${categoryLabel(video.category)}` : 'Popular right now',
  fresh: () => 'New on StreamHub',
};
