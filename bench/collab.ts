/**
 * Collaboration: N editors typing into one shared note across two API processes (update delivery p50/p99, every insert checked in every replica and in the stored note, stored history).
 *
 * Two real StreamHub servers (bench/support/serve-target.ts real) in their own processes on one
 * PostgreSQL database and one Redis, the note syncing between them through Hocuspocus' Redis
 * extension. BENCH_EDITORS Hocuspocus clients in this process (half on each server) each type
 * BENCH_KEYS_PER_SECOND inserts a second for BENCH_SECONDS. Every insert is a token naming its editor
 * and its sequence number (`<editor>.<seq>@<send time>;`), put at the start or the end of the text so
 * no token is ever split by another; every other editor records when it first sees it (delivery
 * latency). Then:
 *   1. every replica must converge to the same text holding every token each editor typed (checked
 *      per editor and per replica, not by counting);
 *   2. both servers are stopped (a clean shutdown stores what they buffered) and the note is loaded
 *      from PostgreSQL by a fresh NoteStore: it must hold every token too;
 *   3. the stored history (compacted state + appended updates) is measured and one compaction timed.
 *
 * Environment: BENCH_EDITORS (50), BENCH_SECONDS (60), BENCH_KEYS_PER_SECOND (2), DATABASE_URL and
 * REDIS_URL (both required: two processes cannot share an embedded database), BENCH_BASE_PORT (the
 * servers listen on it and the next port; default free ports).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { connectEditor, until, type Editor } from '../src/modules/notes/note-test-support.ts';
import { NoteStore } from '../src/modules/notes/note-store.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { AccessTokenSigner } from '../src/platform/security/jwt.ts';
import { appTargetEnv } from './support/app-target-env.ts';
import { prepareBenchDatabase } from './support/databases.ts';
import { ms, percentiles } from './support/latency.ts';
import { envNumber } from './support/options.ts';
import { startTarget, stopAllTargets, targetPort, type TargetProcess } from './support/target-process.ts';

const EDITORS = Math.round(envNumber('BENCH_EDITORS', 50));
const SECONDS = envNumber('BENCH_SECONDS', 60);
const KEYS_PER_SECOND = envNumber('BENCH_KEYS_PER_SECOND', 2);
const FIELD = 'bench';
const TOKEN = /(\d+)\.(\d+)@(\d+\.\d+);/g;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** Per editor, the sequence numbers of its tokens found in `text`. */
function tokensIn(text: string): Map<number, Set<number>> {
  const found = new Map<number, Set<number>>();
  for (const match of text.matchAll(TOKEN)) {
    const editor = Number(match[1]);
    let seqs = found.get(editor);
    if (!seqs) found.set(editor, (seqs = new Set()));
    seqs.add(Number(match[2]));
  }
  return found;
}

/** Tokens typed (editor i typed seqs 0..sent[i]-1) that `text` lacks, as `editor.seq`. */
function missingFrom(text: string, sent: number[]): string[] {
  const found = tokensIn(text);
  const missing: string[] = [];
  sent.forEach((count, editor) => {
    for (let seq = 0; seq < count; seq += 1) if (!found.get(editor)?.has(seq)) missing.push(`${editor}.${seq}`);
  });
  return missing;
}

const summary = (missing: string[]) =>
  missing.length === 0
    ? 'none'
    : `${missing.length} (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''})`;

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    console.error('bench/collab.ts needs DATABASE_URL and REDIS_URL (two API processes share PostgreSQL and Redis)');
    process.exitCode = 2;
    return;
  }
  const database = await prepareBenchDatabase('postgres', async (db) => {
    const tag = randomBytes(3).toString('hex');
    const owner = await db
      .insertInto('users')
      .values({ username: `collab_${tag}`, email: `collab_${tag}@example.com`, password_hash: 'not-a-login' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const note = await db
      .insertInto('note_documents')
      .values({ subject_kind: 'video', subject_id: randomUUID(), kind: 'personal', owner_id: owner.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ownerId: owner.id, noteId: note.id };
  });
  const editors: Editor[] = [];
  try {
    const secret = randomBytes(32).toString('hex');
    const env = appTargetEnv({
      ...database.env,
      JWT_SECRET: secret,
      // At load 30+ every append is "slow"; the figures below say what matters.
      DATABASE_SLOW_QUERY_MS: '600000',
      REDIS_URL: process.env.REDIS_URL,
      REDIS_KEY_PREFIX: `bench-${randomUUID().slice(0, 8)}:`,
    });
    const targets: TargetProcess[] = [];
    for (let n = 0; n < 2; n += 1) targets.push(await startTarget('real', { env: { ...env, ...targetPort(n) } }));
    const { ownerId, noteId } = database.seeded;
    const token = (await new AccessTokenSigner(secret, 3600).sign({ userId: ownerId, role: 'viewer' })).token;

    console.log(
      `# Notes: ${EDITORS} editors on one note across 2 API processes (PostgreSQL + Redis), ${KEYS_PER_SECOND} inserts/s each for ${SECONDS} s; ${cpus().length} cores, load ${load()}`,
    );
    const samples: number[] = [];
    for (let i = 0; i < EDITORS; i += 1) {
      const editor = connectEditor(targets[i % 2]!.baseUrl, noteId, token);
      editor.doc.getText(FIELD).observe((event) => {
        const now = performance.now();
        for (const op of event.delta)
          if (typeof op.insert === 'string')
            for (const match of op.insert.matchAll(TOKEN))
              if (Number(match[1]) !== i) samples.push(now - Number(match[3]));
      });
      editors.push(editor);
    }
    await Promise.all(editors.map((e) => e.synced));
    const sent = editors.map(() => 0);
    const started = performance.now();
    const loadBefore = load();
    const timers = editors.map((editor, i) =>
      setInterval(() => {
        const text = editor.doc.getText(FIELD);
        text.insert(Math.random() < 0.5 ? 0 : text.length, `${i}.${sent[i]}@${performance.now().toFixed(3)};`);
        sent[i]! += 1;
      }, 1000 / KEYS_PER_SECOND),
    );
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    timers.forEach(clearInterval);
    const typingSeconds = (performance.now() - started) / 1000;
    const loadDuring = load();
    const total = sent.reduce((sum, n) => sum + n, 0);

    // 1. Every replica: the same text, with every token.
    const textOf = (editor: Editor) => editor.doc.getText(FIELD).toString();
    const settleStarted = performance.now();
    const settled = await until(
      () => {
        const reference = textOf(editors[0]!);
        return editors.every((e) => textOf(e) === reference) && missingFrom(reference, sent).length === 0;
      },
      'convergence',
      120_000,
    ).then(
      () => true,
      () => false,
    );
    const settleMs = performance.now() - settleStarted;
    const replicaMissing = editors.map((e) => missingFrom(textOf(e), sent));
    const distinct = new Set(editors.map(textOf)).size;
    for (const editor of editors.splice(0)) editor.close();

    // 2. Stop both servers cleanly (they store what they buffered), then read the note back from PostgreSQL.
    await Promise.all(targets.map((target) => target.stop()));
    const opened = await openDatabase({ url: database.env.DATABASE_URL! });
    try {
      const store = new NoteStore(opened.db);
      const stored = await store.storedBytes(noteId);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await store.load(noteId)).state);
      const storedMissing = missingFrom(doc.getText(FIELD).toString(), sent);
      doc.destroy();
      // 3. One compaction of what was appended since the servers' last one.
      const compactStarted = performance.now();
      const compaction = await store.compact(noteId);
      const compactMs = performance.now() - compactStarted;

      const latency = percentiles(samples);
      const worstReplica = Math.max(...replicaMissing.map((m) => m.length));
      console.log(
        `inserts typed ${total} (${(total / typingSeconds).toFixed(0)}/s of ${EDITORS * KEYS_PER_SECOND}/s asked), ` +
          `deliveries ${samples.length} (expected ${total * (EDITORS - 1)}); load before ${loadBefore}, during ${loadDuring}`,
      );
      console.log(
        `replicas: ${settled ? 'converged' : 'NOT converged'} in ${ms(settleMs)} ms after typing stopped, ` +
          `${distinct} distinct text(s) over ${EDITORS} replicas; most inserts missing from one replica: ${worstReplica}` +
          (worstReplica ? `; editor 0's replica lacks ${summary(replicaMissing[0]!)}` : ''),
      );
      console.log(
        `stored note (reloaded from PostgreSQL after both servers stopped): inserts missing ${summary(storedMissing)}`,
      );
      console.log(`delivery latency p50 ${ms(latency.p50)} ms, p95 ${ms(latency.p95)} ms, p99 ${ms(latency.p99)} ms`);
      console.log(
        `stored history: state ${stored.stateBytes} B + ${stored.updates} appended updates ${stored.updateBytes} B; ` +
          `compaction folded ${compaction.folded} into ${compaction.bytes} B in ${ms(compactMs)} ms; load ${load()}`,
      );
      if (!settled || worstReplica > 0 || storedMissing.length > 0) process.exitCode = 1;
    } finally {
      await opened.close();
    }
  } finally {
    for (const editor of editors.splice(0)) editor.close();
    await stopAllTargets();
    await database.drop();
  }
}

process.on('SIGINT', () => void stopAllTargets().finally(() => process.exit(130)));
await main();
