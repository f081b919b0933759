/**
 * Collaboration: N editors typing into one shared note across two API instances (update delivery p50/p99, convergence check, stored history and compaction).
 *
 * Two API instances in this process on one database; with REDIS_URL (and DATABASE_URL) each has its own
 * platform and the documents sync through Hocuspocus' Redis extension, otherwise both share PGlite and
 * editors connect to instance A only (nothing would carry updates between the instances). BENCH_EDITORS
 * Hocuspocus clients (half on each instance) each type BENCH_KEYS_PER_SECOND small inserts a second for
 * BENCH_SECONDS into the note; each insert carries its send time, and every other editor records when it
 * sees it (the delivery latency). Then every replica must hold the same text (checked), the stored
 * history (compacted state + appended updates) is measured, and one compaction is timed.
 *
 * Environment: BENCH_EDITORS (50), BENCH_SECONDS (60), BENCH_KEYS_PER_SECOND (2), DATABASE_URL, REDIS_URL.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createServices, type Services } from '../src/modules/services.ts';
import { connectEditor, until, type Editor } from '../src/modules/notes/note-test-support.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { createMetricsRegistry } from '../src/platform/observability/metrics.ts';
import { createPlatform, type Platform } from '../src/platform/platform.ts';
import { createTestDatabase } from '../test/support/databases.ts';
import { ms, percentiles } from './support/latency.ts';
import { envNumber } from './support/options.ts';

const EDITORS = Math.round(envNumber('BENCH_EDITORS', 50));
const SECONDS = envNumber('BENCH_SECONDS', 60);
const KEYS_PER_SECOND = envNumber('BENCH_KEYS_PER_SECOND', 2);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function instance(env: Record<string, string>, database?: Platform['database']) {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-collab-')),
    ...env,
  });
  const platform = await createPlatform(config, { logger: createLogger('silent'), ...(database ? { database } : {}) });
  return listen(platform);
}

async function listen(platform: Platform): Promise<{ platform: Platform; services: Services; app: App; url: string }> {
  const services = createServices(platform);
  const app = await buildApp(platform, services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { platform, services, app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

const TOKEN = /(\d+)\|(\d+\.\d+);/g;

async function main(): Promise<void> {
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const testDatabase = await createTestDatabase(kind);
  const scaled = Boolean(testDatabase.url && process.env.REDIS_URL);
  const env = {
    RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000',
    // Both instances must accept the same access tokens, as replicas of one deployment do.
    JWT_SECRET: randomUUID() + randomUUID(),
    ...(testDatabase.url ? { DATABASE_URL: testDatabase.url } : {}),
    ...(process.env.REDIS_URL
      ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `bench-${randomUUID().slice(0, 8)}:` }
      : {}),
  };
  const a = await instance(env, testDatabase.database);
  const b = scaled ? await instance(env) : await listen({ ...a.platform, metrics: createMetricsRegistry() });
  const db = a.platform.database.db;
  const owner = await db
    .insertInto('users')
    .values({ username: `bench_${Date.now()}`, email: `bench_${Date.now()}@example.com`, password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const note = await db
    .insertInto('note_documents')
    .values({ subject_kind: 'video', subject_id: randomUUID(), kind: 'personal', owner_id: owner.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = (await a.services.accessTokens.sign({ userId: owner.id, role: 'viewer' })).token;

  console.log(
    `# Notes: ${EDITORS} editors on one note over 2 instances (${scaled ? 'Redis extension' : 'one instance, PGlite'}), ${KEYS_PER_SECOND} inserts/s each for ${SECONDS} s; ${kind}; ${cpus().length} cores, load ${load()}`,
  );
  const samples: number[] = [];
  const editors: Editor[] = [];
  for (let i = 0; i < EDITORS; i += 1) {
    const editor = connectEditor(scaled && i % 2 ? b.url : a.url, note.id, token);
    const id = i;
    editor.doc.getText('bench').observe((event) => {
      const now = performance.now();
      for (const op of event.delta)
        if (typeof op.insert === 'string')
          for (const match of op.insert.matchAll(TOKEN))
            if (Number(match[1]) !== id) samples.push(now - Number(match[2]));
    });
    editors.push(editor);
  }
  await Promise.all(editors.map((e) => e.synced));
  const sent = { count: 0 };
  const sentBy: number[] = [];
  const started = performance.now();
  const timers = editors.map((editor, i) =>
    setInterval(() => {
      const text = editor.doc.getText('bench');
      // At the start or the end, so no insert lands inside another's token (which would hide it).
      text.insert(Math.random() < 0.5 ? 0 : text.length, `${i}|${performance.now().toFixed(3)};`);
      sent.count += 1;
    }, 1000 / KEYS_PER_SECOND),
  );
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  timers.forEach(clearInterval);
  const typingSeconds = (performance.now() - started) / 1000;
  const loadDuring = load();
  await until(
    () => editors.every((e) => e.doc.getText('bench').length === editors[0]!.doc.getText('bench').length),
    'convergence',
    60_000,
  );
  const reference = editors[0]!.doc.getText('bench').toString();
  const tokens = reference.match(TOKEN)?.length ?? 0;
  const converged = editors.every((e) => e.doc.getText('bench').toString() === reference) && tokens === sent.count;
  if (process.env.BENCH_DEBUG) {
    const seen = new Set([...reference.matchAll(TOKEN)].map((m) => m[1]));
    const same = editors.filter((e) => e.doc.getText('bench').toString() === reference).length;
    console.log(`replicas equal to the first: ${same}/${EDITORS}; editors with inserts in the text: ${seen.size}`);
    const counts = new Map<string, number>();
    for (const m of reference.matchAll(TOKEN)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    console.log(
      sentBy
        .map((n, i) => `${i}:${counts.get(String(i)) ?? 0}/${n}`)
        .filter((_, i) => (counts.get(String(i)) ?? 0) !== sentBy[i])
        .join(' '),
    );
  }
  editors.forEach((e) => e.close());
  await until(() => a.services.notes.collab.hocuspocus.documents.size === 0, 'unload', 30_000);
  await a.services.notes.collab.flush();
  await b.services.notes.collab.flush();
  const stored = await a.services.notes.store.storedBytes(note.id);
  const compactStart = performance.now();
  const compaction = await a.services.notes.store.compact(note.id);
  const compactMs = performance.now() - compactStart;
  const stateAfter = Y.encodeStateAsUpdate(
    (() => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(editors[0]!.doc));
      return doc;
    })(),
  ).length;
  const latency = percentiles(samples);
  console.log(
    `updates sent ${sent.count} (${(sent.count / typingSeconds).toFixed(0)}/s), deliveries ${samples.length} ` +
      `(expected ${sent.count * (EDITORS - 1)}), converged ${converged} with ${tokens}/${sent.count} inserts in every replica`,
  );
  console.log(
    `delivery latency p50 ${ms(latency.p50)} ms, p95 ${ms(latency.p95)} ms, p99 ${ms(latency.p99)} ms; load during typing ${loadDuring}`,
  );
  console.log(
    `stored before compaction: state ${stored.stateBytes} B + ${stored.updates} updates ${stored.updateBytes} B; ` +
      `compaction folded ${compaction.folded} updates into ${compaction.bytes} B in ${ms(compactMs)} ms (document state ${stateAfter} B); load ${load()}`,
  );
  await b.app.close();
  await a.app.close();
  if (scaled) await b.platform.close().catch(() => undefined);
  await a.platform.close().catch(() => undefined);
  await testDatabase.drop();
  if (!converged) process.exitCode = 1;
}

await main();
