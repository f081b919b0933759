// The video categories the API accepts (docs/API.md, "Create, then upload").
export const CATEGORIES = [
  'education',
  'music',
  'gaming',
  'science',
  'technology',
  'sports',
  'news',
  'entertainment',
  'travel',
  'howto',
  'film',
  'comedy',
  'people',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];
