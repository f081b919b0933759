import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { LocalModerator } from '../../platform/ai/moderation/local-moderator.ts';
import { startWorkers } from '../../workers.ts';
import { postComment, storedCommentCount } from '../comments/comment-test-support.ts';
import { adminToken } from '../videos/video-test-support.ts';
import { createReadyVideo } from '../views/engagement-test-support.ts';
import { AutoAssessor } from './auto-assessor.ts';
import { caseRepo } from './case-repo.ts';

type Session = Awaited<ReturnType<typeof registerUser>>;

for (const kind of testDatabaseKinds()) {
  describe(`automatic moderation on ${kind}`, () => {
    let t: TestApp;
    let creator: Session;
    let author: Session;
    let stranger: Session;
    let admin: string;
    let videoId: string;

    before(async () => {
      t = await startTestApp(kind, { COMMENT_RATE_PER_MINUTE: '100000', COMMENT_BURST: '100000' });
      startWorkers(t.platform, t.services);
      [creator, author, stranger] = await Promise.all([
        registerUser(t.app, { role: 'creator' }),
        registerUser(t.app),
        registerUser(t.app),
      ]);
      admin = await adminToken(t);
      videoId = await createReadyVideo(t, creator.accessToken);
    });
    after(async () => {
      await t.close();
    });

    const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: object) =>
      t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
    const caseOf = (type: 'comment' | 'video', id: string) => caseRepo.find(t.platform.database.db, type, id);
    const settledCase = (type: 'comment' | 'video', id: string) =>
      eventually(`the ${type} to be moderated`, () => caseOf(type, id));
    const queue = async (query = '') =>
      json(await call('GET', `/api/v1/admin/moderation/cases?limit=100${query}`, admin)).data as any[];

    test('a toxic comment is held for review with its scores; approve shows it again; one appeal only', async () => {
      const commentId = await postComment(
        t,
        author.accessToken,
        videoId,
        'You are a f*cking idiot, delete your channel',
      );
      const held = await settledCase('comment', commentId);
      assert.equal(held.status, 'pending');
      assert.ok(held.scores.toxicity! >= 0.7, JSON.stringify(held.scores));
      assert.equal(held.model_name, LocalModerator.modelName);
      assert.equal(
        (await call('GET', `/api/v1/comments/${commentId}`, stranger.accessToken)).statusCode,
        404,
        'hidden from others',
      );
      assert.equal(
        json(await call('GET', `/api/v1/comments/${commentId}`, author.accessToken)).data.isHidden,
        true,
        'the author still sees it',
      );

      const item = (await queue()).find((candidate) => candidate.subjectId === commentId);
      assert.ok(item, 'in the admin queue');
      assert.equal(item.subjectType, 'comment');
      assert.equal(item.content.text, 'You are a f*cking idiot, delete your channel');
      assert.equal(item.owner.id, author.user.id);
      assert.equal(item.content.video.id, videoId);
      assert.ok(
        item.reasons.some((reason: string) => reason.includes('idiot')),
        item.reasons.join('; '),
      );
      assert.equal(item.model.name, LocalModerator.modelName);
      assert.equal((await call('GET', '/api/v1/admin/moderation/cases', stranger.accessToken)).statusCode, 403);

      assert.equal(
        (await call('POST', `/api/v1/comments/${commentId}/appeal`, stranger.accessToken, { message: 'not mine' }))
          .statusCode,
        403,
      );
      assert.equal(
        (await call('POST', `/api/v1/comments/${commentId}/appeal`, author.accessToken, {})).statusCode,
        400,
      );
      const appealed = await call('POST', `/api/v1/comments/${commentId}/appeal`, author.accessToken, {
        message: 'It was a joke between friends',
      });
      assert.equal(appealed.statusCode, 200, appealed.body);
      assert.equal(json(appealed).data.appeal.message, 'It was a joke between friends');
      const again = await call('POST', `/api/v1/comments/${commentId}/appeal`, author.accessToken, {
        message: 'please',
      });
      assert.equal(again.statusCode, 409);
      assert.equal(json(again).error.code, 'ALREADY_APPEALED');
      assert.equal(
        (await queue()).find((candidate) => candidate.subjectId === commentId).appeal.message,
        'It was a joke between friends',
        'the appeal shows in the queue',
      );

      const approved = await call('POST', `/api/v1/admin/moderation/cases/${item.id}/approve`, admin, {
        note: 'banter',
      });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(json(approved).data.status, 'approved');
      assert.equal(json(approved).data.review.note, 'banter');
      assert.equal(json(await call('GET', `/api/v1/comments/${commentId}`, stranger.accessToken)).data.isHidden, false);
      assert.equal(
        (await call('POST', `/api/v1/admin/moderation/cases/${item.id}/reject`, admin, {})).statusCode,
        409,
        'decided once',
      );
      assert.ok(!(await queue()).some((candidate) => candidate.subjectId === commentId));
      assert.ok((await queue('&status=decided')).some((candidate) => candidate.subjectId === commentId));
    });

    test('reject keeps the comment hidden; an appeal afterwards puts it back in the queue', async () => {
      const before = await storedCommentCount(t, videoId);
      const commentId = await postComment(t, author.accessToken, videoId, 'Shut up loser, nobody cares. kys');
      const held = await settledCase('comment', commentId);
      assert.equal(held.status, 'pending');
      assert.equal(await storedCommentCount(t, videoId), before, 'a held comment leaves the public count');
      const rejected = await call('POST', `/api/v1/admin/moderation/cases/${held.id}/reject`, admin);
      assert.equal(rejected.statusCode, 200, rejected.body);
      assert.equal(json(rejected).data.status, 'rejected');
      assert.equal((await call('GET', `/api/v1/comments/${commentId}`, stranger.accessToken)).statusCode, 404);
      assert.equal(
        (await call('POST', `/api/v1/comments/${commentId}/appeal`, author.accessToken, { message: 'Reconsider' }))
          .statusCode,
        200,
      );
      assert.equal((await queue()).find((candidate) => candidate.subjectId === commentId)?.status, 'pending');
      assert.equal(
        (await call('POST', `/api/v1/comments/${commentId}/appeal`, author.accessToken, { message: 'Again' }))
          .statusCode,
        409,
      );
    });

    test('a benign comment stays visible and has nothing to appeal', async () => {
      const commentId = await postComment(
        t,
        author.accessToken,
        videoId,
        'Great explanation, thanks for taking the time to make this.',
      );
      const clear = await settledCase('comment', commentId);
      assert.equal(clear.status, 'clear');
      assert.ok(clear.top_score < 0.7);
      assert.equal(json(await call('GET', `/api/v1/comments/${commentId}`, stranger.accessToken)).data.isHidden, false);
      const appeal = await call('POST', `/api/v1/comments/${commentId}/appeal`, author.accessToken, { message: 'why' });
      assert.equal(json(appeal).error.code, 'NOTHING_TO_APPEAL');
      const own = await call('GET', `/api/v1/comments/${commentId}/moderation`, author.accessToken);
      assert.equal(json(own).data.status, 'clear');
      assert.equal(
        (await call('GET', `/api/v1/comments/${commentId}/moderation`, stranger.accessToken)).statusCode,
        403,
      );
    });

    test('an edit is moderated too: abusive edits are held, a cleaned-up held comment shows again', async () => {
      const commentId = await postComment(t, author.accessToken, videoId, 'Nice video, thanks for the tips.');
      assert.equal((await settledCase('comment', commentId)).status, 'clear');
      const edit = (text: string) => call('PUT', `/api/v1/comments/${commentId}`, author.accessToken, { text });
      assert.equal((await edit('Actually you are a pathetic idiot, kill yourself')).statusCode, 200);
      const held = await eventually('the edit to be held', async () =>
        (await caseOf('comment', commentId))?.status === 'pending' ? true : undefined,
      );
      assert.ok(held);
      assert.equal((await call('GET', `/api/v1/comments/${commentId}`, stranger.accessToken)).statusCode, 404);
      assert.equal((await edit('Sorry, nice video, thanks for the tips.')).statusCode, 200);
      await eventually('the clean edit to be cleared', async () =>
        (await caseOf('comment', commentId))?.status === 'clear' ? true : undefined,
      );
      assert.equal(json(await call('GET', `/api/v1/comments/${commentId}`, stranger.accessToken)).data.isHidden, false);
    });

    test('a redelivered comment.created event hides and counts once', async () => {
      const commentId = await postComment(
        t,
        stranger.accessToken,
        videoId,
        'what a m0r0n, you are stuuupid and pathetic',
      );
      await settledCase('comment', commentId);
      const countAfterFirst = await storedCommentCount(t, videoId);
      const assessor = new AutoAssessor({
        db: t.platform.database.db,
        moderator: new LocalModerator(),
        thresholds: t.platform.config.moderation,
      });
      const redelivered = {
        id: '999999999',
        topic: 'comment.created',
        key: videoId,
        createdAt: new Date(),
        payload: { commentId, videoId, userId: stranger.user.id, parentId: null },
      };
      await Promise.all([assessor.onCommentEvent(redelivered), assessor.onCommentEvent(redelivered)]);
      await assessor.onCommentEvent(redelivered);
      assert.equal(await storedCommentCount(t, videoId), countAfterFirst);
      const rows = await t.platform.database.db
        .selectFrom('moderation_cases')
        .select('id')
        .where('subject_id', '=', commentId)
        .execute();
      assert.equal(rows.length, 1);
    });

    test('video metadata is moderated on update; a very high score holds it out of search until approved', async () => {
      const spamVideo = await createReadyVideo(t, creator.accessToken);
      const title = 'FREE MONEY click here';
      const description =
        'Check out my channel, free money, make money from home, dm me on whatsapp, crypto giveaway www.win-big.xyz';
      assert.equal(
        (await call('PUT', `/api/v1/videos/${spamVideo}`, creator.accessToken, { title, description })).statusCode,
        200,
      );
      const flagged = await settledCase('video', spamVideo);
      assert.equal(flagged.status, 'pending');
      assert.equal(flagged.held, flagged.top_score >= 0.9);
      assert.ok(flagged.held, `spam score ${flagged.top_score}`);
      const search = async () =>
        json(await call('GET', `/api/v1/search?q=${encodeURIComponent('free money')}`)).data.map(
          (hit: { id: string }) => hit.id,
        );
      assert.ok(!(await search()).includes(spamVideo), 'held out of search');
      assert.equal(
        (await call('POST', `/api/v1/videos/${spamVideo}/appeal`, author.accessToken, { message: 'x' })).statusCode,
        403,
      );
      assert.equal(
        (await call('POST', `/api/v1/admin/moderation/cases/${flagged.id}/approve`, admin, {})).statusCode,
        200,
      );
      assert.ok((await search()).includes(spamVideo), 'back in search once approved');
    });
  });
}
