import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { requestOrigin } from '../videos/request-origin.ts';
import { videoIdParams } from '../videos/schemas.ts';
import { refreshDerivedOutputs } from './analyse-video.ts';
import { insightsRepo } from './insights-repo.ts';
import { presentInsights, presentTranscript } from './presenters.ts';
import { insightsSchema, putInsightsBody, putTranscriptBody, transcriptSchema } from './schemas.ts';
import { speechActivityRepo } from './speech-activity-repo.ts';
import { transcriptRepo } from './transcript-repo.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

const notAnalysedYet = (what: string) =>
  new AppError(
    404,
    ErrorCode.NOT_ANALYSED_YET,
    `This video has no ${what} yet: it is made in the background once the video is ready`,
  );

/** The transcript (read by anyone who can watch, edited by the creator) and the creator's edits of the insights. */
export async function transcriptRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const {
    database: { db },
    config,
  } = platform;
  const { videos, mediaUrls, ai } = services;

  routes.get(
    '/videos/:id/transcript',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['ai'],
        summary: 'The time-stamped transcript of a video, with the model that made it and its captions URL',
        params: videoIdParams,
        response: { 200: envelope(transcriptSchema) },
      },
    },
    async (request) => {
      const video = await videos.getVisible(request.user, request.params.id);
      const transcript = await transcriptRepo.find(db, video.id);
      if (!transcript) {
        if ((await speechActivityRepo.find(db, video.id))?.speech_seconds === 0) {
          throw new AppError(
            404,
            ErrorCode.NO_SPEECH_DETECTED,
            'No speech detected in this video (music, silence or no sound), so it has no transcript',
          );
        }
        throw notAnalysedYet('transcript');
      }
      return ok(
        presentTranscript(
          video,
          transcript,
          await transcriptRepo.segments(db, video.id),
          mediaUrls,
          requestOrigin(request, config),
        ),
      );
    },
  );

  routes.put(
    '/videos/:id/transcript',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['ai'],
        summary:
          'Replace the transcript (creator or admin): captions, chapters and search follow; re-analysis keeps the edit',
        params: videoIdParams,
        body: putTranscriptBody,
        response: { 200: envelope(transcriptSchema) },
      },
    },
    async (request) => {
      const video = await videos.getOwned(requireUser(request), request.params.id);
      if (video.status !== 'ready')
        throw new AppError(
          409,
          ErrorCode.VIDEO_NOT_READY,
          'The video must be ready before its transcript can be edited',
        );
      const previous = await transcriptRepo.find(db, video.id);
      // The edit keeps naming the model it started from; with no transcript yet, the creator is the source.
      const model = previous
        ? {
            provider: previous.model_provider as 'local' | 'remote',
            name: previous.model_name,
            version: previous.model_version,
          }
        : { provider: 'local' as const, name: 'creator', version: '1' };
      await transcriptRepo.save(db, video.id, {
        language: request.body.language,
        segments: request.body.segments,
        model,
        editedBy: 'creator',
      });
      await refreshDerivedOutputs(platform, ai, video);
      const transcript = await transcriptRepo.find(db, video.id);
      return ok(
        presentTranscript(
          video,
          transcript!,
          await transcriptRepo.segments(db, video.id),
          mediaUrls,
          requestOrigin(request, config),
        ),
      );
    },
  );

  routes.put(
    '/videos/:id/insights',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['ai'],
        summary: 'Replace the summary, key points and chapters (creator or admin); re-analysis keeps the edit',
        params: videoIdParams,
        body: putInsightsBody,
        response: { 200: envelope(insightsSchema) },
      },
    },
    async (request) => {
      const video = await videos.getOwned(requireUser(request), request.params.id);
      const transcript = await transcriptRepo.find(db, video.id);
      await insightsRepo.save(db, video.id, request.body, {
        model: { provider: 'local', name: 'creator', version: '1' },
        transcriptUpdatedAt: transcript?.updated_at ?? null,
        editedBy: 'creator',
      });
      // The summary is part of the video's embedding.
      await refreshDerivedOutputs(platform, ai, video);
      return ok(presentInsights((await insightsRepo.find(db, video.id))!));
    },
  );
}
