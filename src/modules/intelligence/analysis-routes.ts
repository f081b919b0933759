import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, isoDate, ok } from '../../platform/http/envelope.ts';
import type { Services } from '../services.ts';
import { videoIdParams } from '../videos/schemas.ts';
import { ANALYSIS_STATES } from './analysis-status-repo.ts';

export const analysisStatusSchema = z.object({
  state: z
    .enum(['waiting', ...ANALYSIS_STATES])
    .describe(
      'waiting: not analysed yet; queued; transcribing; analysing (captions, summary, chapters, embeddings); done; failed',
    ),
  failureReason: z.string().nullable().describe('why the last run failed (state failed)'),
  updatedAt: isoDate.nullable(),
  transcript: z.object({ segments: z.number().int(), editedAt: isoDate.nullable() }).nullable(),
  insights: z.object({ chapters: z.number().int(), editedAt: isoDate.nullable() }).nullable(),
  speech: z
    .object({
      detected: z.boolean().describe('false: no speech detected (music, silence or no sound), so no transcript'),
      speechSeconds: z.number(),
      audioSeconds: z.number(),
      model: z.string().describe('the voice activity model, or no-audio-track'),
    })
    .nullable()
    .describe('what voice activity detection found before recognition; null until it ran'),
});

/** The creator's view of a video's AI analysis, and the re-run action (creator or admin). */
export async function analysisRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { videos, analysisStatus: analysis } = services;

  routes.get(
    '/videos/:id/analysis',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['ai'],
        summary:
          "Where the video's AI analysis stands: transcribing, analysing, done or failed with the reason (creator or admin)",
        params: videoIdParams,
        response: { 200: envelope(analysisStatusSchema) },
      },
    },
    async (request) => ok(await analysis.status(await videos.getOwned(requireUser(request), request.params.id))),
  );

  routes.post(
    '/videos/:id/analysis',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['ai'],
        summary:
          "Re-run the analysis (transcript, captions, summary, chapters, embeddings); the creator's edits are kept (creator or admin)",
        params: videoIdParams,
        response: { 202: envelope(analysisStatusSchema) },
      },
    },
    async (request, reply) => {
      const video = await videos.getOwned(requireUser(request), request.params.id);
      return reply.code(202).send(ok(await analysis.rerun(video)));
    },
  );
}
