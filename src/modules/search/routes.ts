import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { requestOrigin } from '../videos/request-origin.ts';
import {
  autocompleteQuery,
  popularQuerySchema,
  searchQuery,
  searchResultSchema,
  suggestionSchema,
  suggestionsQuery,
  zeroResultQuerySchema,
  zeroResultsQuery,
} from './schemas.ts';

/** Search, autocomplete, popular queries, and the admins' list of queries that found nothing. */
export async function searchRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { search, semanticSearch: semantic } = services;

  routes.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Full-text search over public ready videos with filters, sorts, typo tolerance and highlights (page-based)',
        querystring: searchQuery,
        response: { 200: envelope(z.array(searchResultSchema)) },
      },
    },
    async (request) => {
      const origin = requestOrigin(request, platform.config);
      if (request.query.mode !== 'keyword') {
        const { items, total, model } = await semantic.search(request.query, origin);
        return ok(items, {
          total,
          page: request.query.page,
          limit: request.query.limit,
          mode: request.query.mode,
          embeddingModel: model,
        });
      }
      const { items, total } = await search.search(request.query, origin);
      return ok(items, { total, page: request.query.page, limit: request.query.limit });
    },
  );

  routes.get(
    '/search/autocomplete',
    {
      schema: {
        tags: ['search'],
        summary: 'Up to 10 completions mixing video titles, tags and channel names that start with (or resemble) q',
        querystring: autocompleteQuery,
        response: { 200: envelope(z.array(suggestionSchema)) },
      },
    },
    async (request) => ok(await search.autocomplete(request.query.q)),
  );

  routes.get(
    '/search/suggestions',
    {
      schema: {
        tags: ['search'],
        summary: 'Popular queries of the last 7 days that found something, most searched first',
        querystring: suggestionsQuery,
        response: { 200: envelope(z.array(popularQuerySchema)) },
      },
    },
    async (request) => ok(await search.popular(request.query.limit)),
  );

  routes.get(
    '/admin/search/zero-results',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['search', 'admin'],
        summary:
          'Queries of the last 7 days that found nothing, most recently searched first (admin; cursor pagination)',
        querystring: zeroResultsQuery,
        response: { 200: envelope(z.array(zeroResultQuerySchema)) },
      },
    },
    async (request) => {
      const page = await search.zeroResults(request.query.limit, request.query.cursor);
      return ok(page.items, { nextCursor: page.nextCursor });
    },
  );
}
