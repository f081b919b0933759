// Viewers report videos; an admin keeps the video or removes it, and one decision closes every open
// report of it. Who may report what, repeated reports, and two admins deciding at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json, startTestApp } from '../../../test/support/app.ts';
import { describeOnEachDatabase } from '../../../test/support/describe-app.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startWorkers } from '../../workers.ts';
import { call, createAccounts, readyVideo, type TestAccount } from '../channels/channel-test-support.ts';

describeOnEachDatabase(
  'video reports',
  async (kind) => {
    const t = await startTestApp(kind);
    // Workers run, so the report and removal events reach the admins' and the creator's notifications.
    startWorkers(t.platform, t.services);
    const [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
    const [viewer, other, banned] = (await createAccounts(t, 3)) as [TestAccount, TestAccount, TestAccount];
    const [admin] = (await createAccounts(t, 1, 'admin')) as [TestAccount];
    await t.platform.database.db
      .updateTable('users')
      .set({ banned_at: new Date() })
      .where('id', '=', banned.id)
      .execute();
    return { t, creator, viewer, other, banned, admin };
  },
  (kit) => {
    const report = (videoId: string, as: TestAccount, body: object = { reason: 'violent' }) =>
      call(kit().t, 'POST', `/videos/${videoId}/report`, as, body);
    const queue = async (status: 'open' | 'resolved') =>
      json(await call(kit().t, 'GET', `/admin/video-reports?status=${status}&limit=100`, kit().admin)).data as {
        id: string;
        reason: string;
        details: string | null;
        resolution: string | null;
        reporter: { username: string };
        video: { id: string; title: string; isRemoved: boolean; openReportCount: number; creator: { id: string } };
      }[];

    test('who may report: a viewer once per video (again is the same report), not the owner, a hidden video or a suspended account', async () => {
      const { t, creator, viewer, banned } = kit();
      const videoId = await readyVideo(t, creator);
      const first = await report(videoId, viewer, { reason: 'violent', details: 'A fight at 0:42' });
      assert.equal(first.statusCode, 201, first.body);
      const again = await report(videoId, viewer, { reason: 'spam' });
      assert.equal(again.statusCode, 200);
      assert.equal(json(again).data.id, json(first).data.id, 'one open report per viewer and video');
      assert.equal(json(again).data.reason, 'violent');

      assert.equal((await report(videoId, creator)).statusCode, 403, 'not your own video');
      assert.equal(json(await report(videoId, banned)).error.code, 'ACCOUNT_SUSPENDED');
      assert.equal((await call(t, 'POST', `/videos/${videoId}/report`, undefined, { reason: 'spam' })).statusCode, 401);
      const privateVideo = await readyVideo(t, creator, { visibility: 'private' });
      assert.equal((await report(privateVideo, viewer)).statusCode, 404, 'a video you cannot see');
      for (const body of [
        { reason: 'boring' },
        { reason: 'spam', details: 'x'.repeat(1001) },
        { reason: 'spam', x: 1 },
      ])
        assert.equal((await report(videoId, viewer, body)).statusCode, 400, JSON.stringify(body).slice(0, 60));

      const listed = (await queue('open')).find((row) => row.id === json(first).data.id);
      assert.deepEqual(
        [listed?.reason, listed?.details, listed?.video.openReportCount, listed?.video.creator.id],
        ['violent', 'A fight at 0:42', 1, creator.id],
      );
      assert.equal((await call(t, 'GET', '/admin/video-reports', viewer)).statusCode, 403);
    });

    test('dismissing keeps the video and closes every open report of it; a second decision is a 409', async () => {
      const { t, creator, viewer, other } = kit();
      const videoId = await readyVideo(t, creator);
      const reports = [json(await report(videoId, viewer)).data, json(await report(videoId, other)).data];
      const decided = await call(t, 'POST', `/admin/video-reports/${reports[0].id}/resolve`, kit().admin, {
        action: 'dismiss',
        note: 'Stage combat in a film class',
      });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal(json(decided).data.resolvedReports, 2);
      const late = await call(t, 'POST', `/admin/video-reports/${reports[1].id}/resolve`, kit().admin, {
        action: 'remove_video',
      });
      assert.equal(json(late).error.code, 'REPORT_RESOLVED');
      assert.equal((await call(t, 'GET', `/videos/${videoId}`, viewer)).statusCode, 200, 'the video stays');
      assert.ok((await queue('resolved')).some((row) => row.id === reports[1].id && row.resolution === 'dismiss'));
      // Closed, a viewer may report it again: a new report.
      assert.equal((await report(videoId, viewer)).statusCode, 201);
    });

    test('removing deletes the video for everyone; two admins deciding at once: one decision, one 409', async () => {
      const { t, creator, viewer, other, admin } = kit();
      const videoId = await readyVideo(t, creator);
      const [a, b] = [json(await report(videoId, viewer)).data, json(await report(videoId, other)).data];
      const [first, second] = await Promise.all([
        call(t, 'POST', `/admin/video-reports/${a.id}/resolve`, admin, { action: 'remove_video' }),
        call(t, 'POST', `/admin/video-reports/${b.id}/resolve`, admin, { action: 'remove_video' }),
      ]);
      assert.deepEqual([first.statusCode, second.statusCode].sort(), [200, 409], `${first.body} ${second.body}`);
      assert.equal((await call(t, 'GET', `/videos/${videoId}`, viewer)).statusCode, 404, 'removed for viewers');
      const resolved = (await queue('resolved')).filter((row) => row.video.id === videoId);
      assert.deepEqual(
        resolved.map((row) => [row.resolution, row.video.isRemoved]),
        [
          ['remove_video', true],
          ['remove_video', true],
        ],
      );
      assert.equal((await report(videoId, viewer)).statusCode, 404, 'a removed video cannot be reported');

      // The admins heard of the reports; the creator hears why the video went.
      const texts = (who: TestAccount) => async () => {
        const listed = json(await call(t, 'GET', '/notifications', who)).data as { kind: string; text: string }[];
        return listed.map((row) => `${row.kind}: ${row.text}`);
      };
      const adminHeard = await eventually('the admin notification', async () =>
        (await texts(admin)()).find((text) => text.startsWith('admin.report')),
      );
      assert.match(adminHeard, /reports are waiting|A video was reported for violent/);
      const creatorHeard = await eventually('the creator notification', async () =>
        (await texts(creator)()).find((text) => text.startsWith('moderation.video_removed')),
      );
      assert.match(creatorHeard, /was removed after reports \(violent\)/);
    });
  },
);
