import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import { openEventStream } from '../../platform/http/event-stream.ts';
import type { Services } from '../services.ts';
import { videoIdParams } from '../videos/schemas.ts';
import { VideoQa, type Answer } from './video-qa.ts';

const askBody = z.object({
  question: z.string().trim().min(3, 'must be at least 3 characters').max(500, 'must be at most 500 characters'),
});

const passageSchema = z.object({
  number: z.number().int(),
  startSeconds: z.number(),
  endSeconds: z.number(),
  text: z.string(),
  link: z.string().describe('watch page seeking to the passage (?t=seconds)'),
});

const answerSchema = z.object({
  question: z.string(),
  mode: z
    .enum(['generated', 'extractive'])
    .describe(
      'generated: written by the configured text generator from the passages; extractive: the best passage itself',
    ),
  answer: z.string(),
  passages: z.array(passageSchema),
  model: z.string().nullable().describe('the generator that wrote the answer (null when extractive)'),
  notice: z.string().nullable().describe('why the answer is extractive, when it is'),
});

/** Writes one server-sent event. */
const send = (reply: FastifyReply, event: string, data: unknown) =>
  reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/** Questions about a video answered from its transcript, whole (JSON) or streamed (SSE). */
export async function askRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { videos, videoQa: qa } = services;

  routes.post(
    '/videos/:id/ask',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['ai'],
        summary:
          'Ask a question about a video: time-stamped transcript passages and, with a generator configured, an answer citing them',
        params: videoIdParams,
        body: askBody,
        response: { 200: envelope(answerSchema) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const video = await videos.getVisible(user, request.params.id);
      return ok(await qa.answer(video, request.body.question, user.id));
    },
  );

  routes.post(
    '/videos/:id/ask/stream',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['ai'],
        summary:
          'The same answer as Server-Sent Events: `passages`, then `token`s as the answer is written, then `done` (the whole answer) or `error`',
        params: videoIdParams,
        body: askBody,
        response: { 200: z.string().describe('text/event-stream') },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const video = await videos.getVisible(user, request.params.id);
      const { question } = request.body;
      // Anything that can fail with a 4xx (no transcript) fails before the stream starts.
      const cached = await qa.cached(video.id, question);
      const passages = cached?.passages ?? (await qa.retrieve(video, question, user.id));
      openEventStream(request, reply);
      send(reply, 'passages', passages);
      const finish = (answer: Answer) => {
        send(reply, 'done', answer);
        reply.raw.end();
      };
      if (cached) {
        send(reply, 'token', { text: cached.answer });
        return finish(cached);
      }
      const stream = qa.stream(question, passages, video, user.id);
      if (!stream) {
        const answer = qa.extractive(question, passages, VideoQa.extractiveNotice());
        await qa.remember(video.id, answer);
        send(reply, 'token', { text: answer.answer });
        return finish(answer);
      }
      let text = '';
      try {
        for await (const chunk of stream) {
          if (!chunk.done) {
            text += chunk.text;
            send(reply, 'token', { text: chunk.text });
            continue;
          }
          const answer: Answer = {
            question,
            mode: 'generated',
            answer: text.trim(),
            passages,
            model: chunk.model.name,
            notice: null,
          };
          await qa.remember(video.id, answer);
          finish(answer);
        }
      } catch (error) {
        // Before the first token the passages still answer; mid-answer the client is told it broke off.
        if (text) {
          send(reply, 'error', { message: `The answer broke off: ${(error as Error).message}` });
          reply.raw.end();
        } else {
          const answer = qa.extractive(question, passages, VideoQa.extractiveNotice((error as Error).message));
          send(reply, 'token', { text: answer.answer });
          finish(answer);
        }
      }
    },
  );
}
