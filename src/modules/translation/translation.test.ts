import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startWorkers } from '../../workers.ts';
import { postComment } from '../comments/comment-test-support.ts';
import { createReadyVideo } from '../views/engagement-test-support.ts';
import { translationRepo } from './repo.ts';
import { CommentTranslationService } from './service.ts';

type Session = Awaited<ReturnType<typeof registerUser>>;

for (const kind of testDatabaseKinds()) {
  describe(`comment translation on ${kind}`, () => {
    let t: TestApp;
    let author: Session;
    let videoId: string;

    before(async () => {
      t = await startTestApp(kind, { COMMENT_RATE_PER_MINUTE: '100000', COMMENT_BURST: '100000' });
      startWorkers(t.platform, t.services);
      const creator = await registerUser(t.app, { role: 'creator' });
      author = await registerUser(t.app);
      videoId = await createReadyVideo(t, creator.accessToken);
    });
    after(async () => {
      await t.close();
    });

    const translation = (commentId: string, query = '', headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url: `/api/v1/comments/${commentId}/translation${query}`, headers });

    test('a Spanish comment gets its language detected and is shown translated to English by apertium, then from the cache', async () => {
      const text = 'Me encanta este vídeo, gracias por compartir la receta de la abuela.';
      const commentId = await postComment(t, author.accessToken, videoId, text);
      const detected = await eventually('the language consumer', () =>
        translationRepo.findLanguage(t.platform.database.db, commentId),
      );
      assert.equal(detected.language, 'es');
      assert.equal(detected.detector, 'fasttext-lid176');

      const first = await translation(commentId, '?to=en');
      assert.equal(first.statusCode, 200, first.body);
      const data = json(first).data;
      assert.equal(data.translated, true);
      assert.equal(data.from, 'es');
      assert.equal(data.to, 'en');
      assert.equal(data.notice, 'Translated from Spanish');
      assert.equal(data.original.text, text);
      assert.match(data.text, /video/i);
      assert.match(data.text, /thank/i);
      assert.match(data.text, /recipe/i);
      assert.match(data.text, /grandmother/i);
      assert.equal(data.model.name, 'apertium/spa-eng');
      assert.equal(data.cached, false);

      const again = json(await translation(commentId, '', { 'accept-language': 'en-GB,en;q=0.9,es;q=0.5' })).data;
      assert.equal(again.cached, true, 'the second request is served from the cache');
      assert.equal(again.text, data.text);
    });

    test('no translation needed, undetectable and unsupported languages, bad input', async () => {
      const english = await postComment(
        t,
        author.accessToken,
        videoId,
        'This is a really clear explanation of the topic, thank you.',
      );
      const same = json(await translation(english, '?to=en')).data;
      assert.equal(same.translated, false);
      assert.equal(same.text, same.original.text);
      assert.equal(same.model, null);

      const tiny = await postComment(t, author.accessToken, videoId, 'ok 👍');
      const undetected = await translation(tiny, '?to=en');
      assert.equal(undetected.statusCode, 422);
      assert.equal(json(undetected).error.code, 'LANGUAGE_UNDETECTED');

      const french = await postComment(
        t,
        author.accessToken,
        videoId,
        'Cette vidéo est vraiment excellente, merci beaucoup pour les explications.',
      );
      const unsupported = await translation(french, '?to=en');
      assert.equal(unsupported.statusCode, 422);
      assert.equal(json(unsupported).error.code, 'TRANSLATION_UNAVAILABLE');
      assert.match(json(unsupported).error.message, /French to English/);

      assert.equal((await translation(english, '?to=klingon')).statusCode, 400);
      assert.equal((await translation(english)).statusCode, 400, 'no ?to and no Accept-Language');
      assert.equal((await translation('00000000-0000-4000-8000-000000000000', '?to=en')).statusCode, 404);
    });

    test('an engine failure is a clear 503 on the translation call and nothing is cached', async () => {
      const commentId = await postComment(
        t,
        author.accessToken,
        videoId,
        'Muchas gracias por el tutorial, me ha servido mucho.',
      );
      const failing = new CommentTranslationService({
        db: t.platform.database.db,
        access: t.services.commentAccess,
        translator: {
          supports: async () => true,
          translate: async () => {
            throw new Error('engine crashed');
          },
        },
      });
      const cachedRows = () =>
        t.platform.database.db
          .selectFrom('translation_cache')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
      const before = await cachedRows();
      await assert.rejects(
        failing.translate(undefined, commentId, 'en'),
        (error: any) => error.statusCode === 503 && error.code === 'TRANSLATION_FAILED',
      );
      assert.deepEqual(await cachedRows(), before);
      const posted = await t.app.inject({
        method: 'GET',
        url: `/api/v1/comments/${commentId}`,
        headers: bearer(author.accessToken),
      });
      assert.equal(posted.statusCode, 200, 'the comment itself is unaffected');
    });
  });
}
