import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer } from '../../../test/support/app.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { videoKeys } from '../videos/storage-keys.ts';
import { videoQueries } from '../videos/video-queries.ts';
import {
  attachSource,
  createVideo,
  startVideoTestApp,
  waitFor,
  waitForOutcome,
  type VideoTestApp,
} from '../videos/video-test-support.ts';
import { refreshDerivedOutputs } from './analyse-video.ts';
import { analysisStatusRepo } from './analysis-status-repo.ts';
import { transcriptRepo } from './transcript-repo.ts';

// The race this pins down: analysis reads a ready video, the creator deletes it, the cleanup job empties its
// folder, and only then does the analysis publish captions (and fail on the master playlist that is gone).
for (const kind of testDatabaseKinds()) {
  describe(`a video deleted during its analysis (${kind})`, () => {
    let t: VideoTestApp;
    before(async () => {
      t = await startVideoTestApp(kind);
    });
    after(async () => {
      await t.close();
    });

    test('captions published after the cleanup are taken back out, so nothing of the video is left', async () => {
      const { id } = await createVideo(t, t.creator.accessToken);
      await attachSource(t, id, await makeFixture('landscape', t.fixtures));
      assert.equal((await waitForOutcome(t, t.creator.accessToken, id)).status, 'ready');
      // The test clip is a tone, so the analysis finds no speech; the creator's transcript gives it captions to publish.
      await waitFor('the analysis', async () =>
        (await analysisStatusRepo.find(t.platform.database.db, id))?.state === 'done' ? true : undefined,
      );
      await transcriptRepo.save(t.platform.database.db, id, {
        language: 'en',
        segments: [{ startSeconds: 0, endSeconds: 2, text: 'A line for the captions.' }],
        model: { provider: 'local', name: 'creator', version: '1' },
        editedBy: 'creator',
      });
      const asAnalysisSawIt = await videoQueries.findById(t.platform.database.db, id);
      assert.ok(asAnalysisSawIt);

      const removal = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/videos/${id}`,
        headers: bearer(t.creator.accessToken),
      });
      assert.equal(removal.statusCode, 204);
      const folder = videoKeys(id).folder;
      await waitFor('the cleanup', async () =>
        (await t.platform.storage.listObjects(folder)).length === 0 ? true : undefined,
      );

      await refreshDerivedOutputs(t.platform, t.services.ai, asAnalysisSawIt);
      assert.deepEqual(await t.platform.storage.listObjects(folder), []);
    });
  });
}
