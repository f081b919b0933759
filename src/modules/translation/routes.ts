import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { envelope, ok } from '../../platform/http/envelope.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { Services } from '../services.ts';
import { baseLanguage, preferredLanguage } from '../../platform/ai/translation/languages.ts';
import { commentIdParams } from '../comments/schemas.ts';
import { languageName } from './service.ts';

const translationQuery = z.object({
  to: z
    .string()
    .max(35)
    .optional()
    .describe('target language (ISO 639-1, e.g. "en"); defaults to the first known language of Accept-Language'),
});

const translationSchema = z.object({
  commentId: z.string(),
  translated: z.boolean().describe('false when the comment is already in the target language'),
  text: z.string().describe('the translation (or the original when translated is false)'),
  from: z.string(),
  to: z.string(),
  notice: z.string().describe('e.g. "Translated from Spanish"'),
  original: z.object({ text: z.string(), language: z.string() }).describe('the comment as written'),
  model: z.object({ name: z.string(), version: z.string() }).nullable(),
  cached: z.boolean(),
});

/** Comment translation on demand. Registered under /api/v1. */
export async function translationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { translations } = services;

  routes.get(
    '/comments/:id/translation',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['comments'],
        summary: "A comment translated into the viewer's language, with the original",
        description:
          'Errors: 400 when no target language is given or known; 422 LANGUAGE_UNDETECTED (too short to tell), 422 TRANSLATION_UNAVAILABLE (no engine for the pair), 503 TRANSLATION_FAILED (the engine failed; try again).',
        params: commentIdParams,
        querystring: translationQuery,
        response: { 200: envelope(translationSchema) },
      },
    },
    async (request) => {
      const requested = request.query.to;
      const to =
        requested !== undefined ? baseLanguage(requested) : preferredLanguage(request.headers['accept-language']);
      if (!to) {
        throw badRequest(
          requested !== undefined
            ? `Unknown language "${requested}"`
            : 'Say which language to translate into: ?to=en or an Accept-Language header',
          [
            {
              field: 'to',
              message:
                requested !== undefined
                  ? 'is not a known ISO 639-1 language code'
                  : 'is required without Accept-Language',
            },
          ],
        );
      }
      const result = await translations.translate(request.user, request.params.id, to);
      const notice = result.translated
        ? `Translated from ${languageName(result.from)}`
        : `Already in ${languageName(result.to)}`;
      return ok({ ...result, notice });
    },
  );
}
