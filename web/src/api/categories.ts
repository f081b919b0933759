// The video categories the API accepts, in the order the pickers show them. The type comes from the
// OpenAPI schema, and the check below fails the build when this list and the API's differ.
import type { ApiBody } from './types.ts';

export type Category = NonNullable<ApiBody<'/api/v1/videos', 'post'>['category']>;

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
] as const satisfies readonly Category[];

/** A category the API knows and this list does not would make this `false` and a type error. */
const everyCategoryListed: [Exclude<Category, (typeof CATEGORIES)[number]>] extends [never] ? true : false = true;
void everyCategoryListed;
