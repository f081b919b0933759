import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../config.ts';
import { createLogger } from '../observability/logger.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { fakeAnswer, startFakeOpenAiServer, type FakeOpenAiServer } from '../../../test/support/fake-openai-server.ts';
import { Ai, type RoutedChunk } from './ai.ts';
import { HashedNgramEmbedder } from './local/hashed-embedder.ts';

const logger = createLogger('silent');

for (const kind of testDatabaseKinds()) {
  describe(`AI routing, metering and spending limits (${kind})`, () => {
    let testDatabase: TestDatabase;
    let fake: FakeOpenAiServer;
    let userId: string;
    let otherUserId: string;
    const workDir = mkdtempSync(join(tmpdir(), 'streamhub-ai-'));

    before(async () => {
      testDatabase = await createTestDatabase(kind);
      fake = await startFakeOpenAiServer();
      const users = await testDatabase.database.db
        .insertInto('users')
        .values([1, 2].map((n) => ({ username: `ai_user_${n}`, email: `ai${n}@example.com`, password_hash: 'x' })))
        .returning('id')
        .execute();
      [userId, otherUserId] = users.map((row) => row.id) as [string, string];
    });
    after(async () => {
      await fake.close();
      await testDatabase.drop();
      rmSync(workDir, { recursive: true, force: true });
    });

    /** An Ai on the fake server for every task, with the real local embedder behind it. */
    function aiWith(env: Record<string, string> = {}): Ai {
      const config = loadConfig({
        AI_BASE_URL: fake.baseUrl,
        AI_API_KEY: 'sk-test-key',
        AI_EMBEDDING_MODEL: 'fake-embed',
        AI_GENERATION_MODEL: 'fake-chat',
        AI_TRANSCRIPTION_MODEL: 'fake-whisper',
        AI_TIMEOUT_MS: '400',
        ...env,
      });
      return new Ai(config.ai, testDatabase.database.db, logger, { embedder: new HashedNgramEmbedder() });
    }

    async function usageRows() {
      return testDatabase.database.db.selectFrom('ai_usage').selectAll().orderBy('id', 'desc').execute();
    }

    test('a configured endpoint serves the task, with the key sent and the call metered and priced', async () => {
      fake.behaviour = 'ok';
      const ai = aiWith({ AI_PRICE_INPUT_PER_MTOK: '2', AI_PRICE_OUTPUT_PER_MTOK: '10' });
      const embedded = await ai.embed(['cooking pasta', 'fixing bikes'], { userId });
      assert.equal(embedded.model.provider, 'remote');
      assert.equal(embedded.model.name, 'fake-embed');
      assert.equal(embedded.value.length, 2);
      assert.ok(Math.abs(Math.hypot(...embedded.value[0]!) - 1) < 1e-9, 'remote vectors are normalised');
      assert.equal(fake.requests.at(-1)?.authorization, 'Bearer sk-test-key');

      const answer = await ai.generate({ messages: [{ role: 'user', content: 'What is pasta?' }] }, { userId });
      assert.equal(answer.value, fakeAnswer([{ role: 'user', content: 'What is pasta?' }]));
      const [row] = await usageRows();
      assert.equal(row?.task, 'generation');
      assert.equal(row?.provider, 'remote');
      assert.equal(row?.outcome, 'ok');
      assert.equal(row?.user_id, userId);
      assert.equal(row?.input_tokens, 1000);
      assert.equal(row?.output_tokens, 500);
      // 1000 input tokens at $2/M + 500 output tokens at $10/M.
      assert.ok(Math.abs(Number(row?.cost_usd) - 0.007) < 1e-9);
    });

    test('remote transcription returns time-stamped segments and meters audio seconds', async () => {
      fake.behaviour = 'ok';
      fake.transcript = [
        { start: 0, end: 2.5, text: ' Hello there. ' },
        { start: 2.5, end: 4, text: 'General remarks.' },
      ];
      const audio = join(workDir, 'clip.wav');
      writeFileSync(audio, Buffer.alloc(64));
      const result = await aiWith({ AI_PRICE_AUDIO_PER_MINUTE: '0.6' }).transcribe(audio, { userId });
      assert.deepEqual(result.value, {
        language: 'en',
        segments: [
          { startSeconds: 0, endSeconds: 2.5, text: 'Hello there.' },
          { startSeconds: 2.5, endSeconds: 4, text: 'General remarks.' },
        ],
      });
      assert.equal(fake.requests.at(-1)?.body.response_format, 'verbose_json');
      assert.equal(fake.requests.at(-1)?.body.file, 'file:64');
      assert.ok(Math.abs(result.costUsd - 0.04) < 1e-9, '4 s at $0.60 per minute');
    });

    test('an endpoint answering 500 falls back to the local provider, and both attempts are metered', async () => {
      fake.behaviour = 'error';
      const embedded = await aiWith().embed(['cooking pasta'], { userId });
      assert.equal(embedded.model.provider, 'local');
      assert.equal(embedded.model.name, 'hashed-ngrams-512');
      assert.match(embedded.skipped[0]?.reason ?? '', /answered 500/);
      const [local, remote] = await usageRows();
      assert.equal(local?.outcome, 'ok');
      assert.equal(local?.provider, 'local');
      assert.equal(remote?.outcome, 'error');
      assert.match(remote?.error ?? '', /fake upstream failure/);
    });

    test('an endpoint that does not answer in time falls back to the local provider', async () => {
      fake.behaviour = 'hang';
      const started = Date.now();
      const embedded = await aiWith().embed(['cooking pasta'], {});
      assert.equal(embedded.model.provider, 'local');
      assert.match(embedded.skipped[0]?.reason ?? '', /timeout|aborted/i);
      assert.ok(Date.now() - started < 5000);
    });

    test('a task with no local provider reports every failure, and one with no provider at all says so', async () => {
      fake.behaviour = 'error';
      await assert.rejects(
        aiWith().generate({ messages: [{ role: 'user', content: 'hi' }] }, {}),
        (error: { statusCode: number; code: string; message: string }) =>
          error.statusCode === 503 && error.code === 'AI_PROVIDERS_FAILED' && /remote:fake-chat/.test(error.message),
      );
      const localOnly = new Ai(loadConfig({}).ai, testDatabase.database.db, logger, {});
      assert.equal(localOnly.generation.available, false);
      await assert.rejects(
        localOnly.generate({ messages: [{ role: 'user', content: 'hi' }] }, {}),
        (error: { statusCode: number; code: string }) => error.statusCode === 503 && error.code === 'AI_UNAVAILABLE',
      );
    });

    test('streamed answers arrive in pieces and end with the model and the reported usage', async () => {
      fake.behaviour = 'ok';
      const chunks: RoutedChunk[] = [];
      for await (const chunk of aiWith().streamGeneration(
        { messages: [{ role: 'user', content: 'Tell me about bikes' }] },
        { userId },
      ))
        chunks.push(chunk);
      const text = chunks.map((chunk) => (chunk.done ? '' : chunk.text)).join('');
      assert.equal(text, fakeAnswer([{ role: 'user', content: 'Tell me about bikes' }]));
      assert.ok(chunks.length > 3);
      const last = chunks.at(-1);
      assert.ok(last?.done);
      assert.equal(last.model.name, 'fake-chat');
      assert.deepEqual(last.usage, { inputTokens: 1000, outputTokens: 500 });
    });

    test('a stream whose provider fails before the first piece is refused with the failure, not half an answer', async () => {
      fake.behaviour = 'error';
      const consume = async () => {
        for await (const chunk of aiWith().streamGeneration({ messages: [{ role: 'user', content: 'x' }] }, {}))
          void chunk;
      };
      await assert.rejects(consume(), (error: { code: string }) => error.code === 'AI_PROVIDERS_FAILED');
    });

    test("the per-user daily quota stops a user's remote spending with a clear 429; local fallback still serves", async () => {
      fake.behaviour = 'ok';
      await testDatabase.database.db.deleteFrom('ai_usage').execute();
      // Each chat call costs 1000·$100/M + 500·$100/M = $0.15; the quota is $0.20.
      const ai = aiWith({
        AI_PRICE_INPUT_PER_MTOK: '100',
        AI_PRICE_OUTPUT_PER_MTOK: '100',
        AI_USER_DAILY_QUOTA_USD: '0.2',
        AI_DAILY_BUDGET_USD: '100',
      });
      const ask = (who: string) => ai.generate({ messages: [{ role: 'user', content: 'q' }] }, { userId: who });
      await ask(userId);
      await ask(userId);
      await assert.rejects(
        ask(userId),
        (error: { statusCode: number; code: string; message: string; headers: Record<string, string> }) =>
          error.statusCode === 429 &&
          error.code === 'AI_QUOTA_EXCEEDED' &&
          /daily AI quota/.test(error.message) &&
          Number(error.headers['retry-after']) > 0,
      );
      await ask(otherUserId);

      const embedded = await ai.embed(['still works offline'], { userId });
      assert.equal(embedded.model.provider, 'local');
      assert.match(embedded.skipped[0]?.reason ?? '', /daily AI quota/);
      const refused = await testDatabase.database.db
        .selectFrom('ai_usage')
        .selectAll()
        .where('outcome', '=', 'refused')
        .execute();
      assert.equal(refused.length, 2);
    });

    test('the global daily budget stops every remote call once spent', async () => {
      fake.behaviour = 'ok';
      await testDatabase.database.db.deleteFrom('ai_usage').execute();
      const ai = aiWith({
        AI_PRICE_INPUT_PER_MTOK: '100',
        AI_PRICE_OUTPUT_PER_MTOK: '100',
        AI_USER_DAILY_QUOTA_USD: '100',
        AI_DAILY_BUDGET_USD: '0.1',
      });
      const ask = (who?: string) => ai.generate({ messages: [{ role: 'user', content: 'q' }] }, { userId: who });
      await ask(userId);
      const before = fake.requests.length;
      await assert.rejects(
        ask(otherUserId),
        (error: { statusCode: number; code: string }) =>
          error.statusCode === 429 && error.code === 'AI_BUDGET_EXHAUSTED',
      );
      await assert.rejects(ask(), (error: { code: string }) => error.code === 'AI_BUDGET_EXHAUSTED');
      assert.equal(fake.requests.length, before, 'refused calls never reach the endpoint');
    });
  });
}
