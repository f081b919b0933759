// Search: page-based results with filters and modes, and the top bar's autocomplete.
import { api, unwrap, unwrapEnvelope } from '../api/typed-client.ts';
import type { ApiQuery } from '../api/types.ts';

export type SearchQuery = ApiQuery<'/api/v1/search'>;

export const searchKey = (query: SearchQuery) => ['search', query] as const;
export const autocompleteKey = (typed: string) => ['autocomplete', typed] as const;

/** Results and the total count (meta.total) for the pager. */
export async function searchVideos(query: SearchQuery) {
  // An unset filter is sent as absent, not as an empty value the server would refuse.
  const present = Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== '' && value !== undefined),
  ) as SearchQuery;
  const envelope = await unwrapEnvelope(api.GET('/api/v1/search', { params: { query: present } }));
  return { results: envelope.data, total: Number(envelope.meta?.total ?? 0) };
}

export const fetchAutocomplete = (q: string, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/search/autocomplete', { params: { query: { q } }, signal }));
