import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../../test/support/fake-openai-server.ts';
import { LocalModerator } from './moderation/local-moderator.ts';

describe('moderation and translation through an OpenAI-compatible endpoint', () => {
  let fake: FakeOpenAiServer;
  let t: TestApp;

  before(async () => {
    fake = await startFakeOpenAiServer();
    t = await startTestApp('pglite', {
      AI_BASE_URL: fake.baseUrl,
      AI_API_KEY: 'test-key',
      AI_MODERATION_MODEL: 'fake-moderator',
      AI_TRANSLATION_MODEL: 'fake-translator',
      AI_TIMEOUT_MS: '2000',
    });
  });
  after(async () => {
    await t.close();
    await fake.close();
  });

  const usageRows = () =>
    t.platform.database.db
      .selectFrom('ai_usage')
      .select(['task', 'model', 'outcome'])
      .where('task', 'in', ['moderation', 'translation'])
      .execute();

  test("the remote model's JSON answer is used; a failing or non-JSON answer falls back to the local classifier", async () => {
    fake.behaviour = 'ok';
    // The fake server's answer quotes the user's text, so a text that is itself the JSON we ask for comes back as the model's verdict.
    const remote = await t.services.moderator.moderateText(
      '{"toxicity": 0.97, "spam": 0.01, "profanity": 0.2, "reasons": ["remote verdict"]}',
      { userId: null },
    );
    assert.equal(remote.model.provider, 'remote');
    assert.equal(remote.model.name, 'fake-moderator');
    assert.deepEqual(remote.scores, { toxicity: 0.97, spam: 0.01, profanity: 0.2 });
    assert.deepEqual(remote.reasons, ['remote verdict']);
    const request = fake.requests.at(-1)!;
    assert.equal(request.path, '/v1/chat/completions');
    assert.equal(request.authorization, 'Bearer test-key');
    assert.match(JSON.stringify(request.body), /Reply with ONLY a JSON object/);

    const notJson = await t.services.moderator.moderateText('You are a stupid idiot');
    assert.equal(notJson.model.name, LocalModerator.modelName, 'prose instead of JSON: local fallback');
    assert.ok(notJson.scores.toxicity >= 0.7);

    fake.behaviour = 'error';
    const fallback = await t.services.moderator.moderateText('You are a stupid idiot');
    assert.equal(fallback.model.provider, 'local');
    assert.deepEqual(fallback.scores, notJson.scores);

    const outcomes = (await usageRows())
      .filter((row) => row.task === 'moderation')
      .map((row) => `${row.model}:${row.outcome}`);
    assert.ok(outcomes.includes('fake-moderator:ok'));
    assert.equal(outcomes.filter((outcome) => outcome === 'fake-moderator:error').length, 2);
    assert.equal(outcomes.filter((outcome) => outcome === `${LocalModerator.modelName}:ok`).length, 2);
  });

  test('pairs apertium lacks go to the remote model; its failure is an error, not a silent original', async () => {
    fake.behaviour = 'ok';
    const translator = t.services.translator;
    assert.equal(await translator.supports('fr', 'de'), true);
    const remote = await translator.translate('{"translation": "Ein sehr gutes Video"}', 'fr', 'de');
    assert.equal(remote.text, 'Ein sehr gutes Video');
    assert.equal(remote.model.name, 'fake-translator');
    const local = await translator.translate('Gracias por el vídeo', 'es', 'en');
    assert.match(local.model.name, /^apertium\//, 'pairs apertium has stay local');
    fake.behaviour = 'error';
    await assert.rejects(translator.translate('Merci pour la vidéo', 'fr', 'de'));
  });
});
