import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { buildApp, type App } from '../../app.ts';
import { createMetricsRegistry } from '../../platform/observability/metrics.ts';
import { call, createAccounts, readyVideo, type TestAccount } from '../channels/channel-test-support.ts';
import { createServices } from '../services.ts';
import { NOTE_CLOSE } from './collab-server.ts';
import { connectEditor, textOf, until, type Editor } from './note-test-support.ts';

// Room for every test's paragraphs on the one shared note; the size test sends more than this at once.
const MAX_BYTES = 16_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const kind of testDatabaseKinds()) {
  describe(`collaborative notes over the socket on ${kind}`, () => {
    let t: TestApp;
    let baseUrl: string;
    let owner: TestAccount;
    let editor: TestAccount;
    let viewer: TestAccount;
    let stranger: TestAccount;
    let noteId: string;
    const open: Editor[] = [];
    const connect = (account: TestAccount, url = baseUrl) => {
      const e = connectEditor(url, noteId, account.token);
      open.push(e);
      return e;
    };

    before(async () => {
      t = await startTestApp(kind, {
        NOTES_MAX_DOCUMENT_BYTES: String(MAX_BYTES),
        NOTES_COMPACT_AFTER_UPDATES: '5',
      });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      [owner, editor, viewer, stranger] = (await createAccounts(t, 4)) as [
        TestAccount,
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      const [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      const videoId = await readyVideo(t, creator);
      const note = json(await call(t, 'POST', '/notes', owner, { subjectKind: 'video', subjectId: videoId })).data;
      noteId = note.id;
      for (const [account, role] of [
        [editor, 'edit'],
        [viewer, 'view'],
      ] as const) {
        const share = json(await call(t, 'POST', `/notes/${noteId}/shares`, owner, { role })).data;
        assert.equal((await call(t, 'POST', '/notes/join', account, { token: share.token })).statusCode, 200);
      }
    });
    after(async () => {
      for (const e of open) e.close();
      await t.close();
    });
    const usernameOf = async (account: TestAccount) =>
      (
        await t.platform.database.db
          .selectFrom('users')
          .select('username')
          .where('id', '=', account.id)
          .executeTakeFirstOrThrow()
      ).username;
    /** The note's text as stored in the database (snapshot plus appended updates). */
    const storedText = async (id: string) => textOf((await t.services.notes.store.load(id)).state);

    test('editors converge, presence travels, and the text survives a reload from the database', async () => {
      const a = connect(owner);
      const b = connect(editor);
      await Promise.all([a.synced, b.synced]);
      a.provider.setAwarenessField('user', { name: 'owner', color: '#f00' });
      a.addParagraph('from the owner');
      b.addParagraph('from the study group');
      await until(() => a.text() === b.text() && a.text().split('\n').length === 2, 'convergence');
      // The server shows the account's own name (and colour), not what the client wrote.
      const ownerName = await usernameOf(owner);
      await until(() => b.provider.awareness!.getStates().get(a.doc.clientID)?.user?.name === ownerName, 'presence');
      assert.match(b.provider.awareness!.getStates().get(a.doc.clientID)?.user?.color, /^#[0-9a-f]{6}$/);
      a.close();
      b.close();
      await until(() => t.services.notes.collab.hocuspocus.documents.size === 0, 'unload');
      const c = connect(owner);
      await c.synced;
      assert.match(c.text(), /from the owner/);
      assert.match(c.text(), /from the study group/);
      c.close();
    });

    test('an editor claiming another name in its presence is shown under its own', async () => {
      const a = connect(owner);
      const b = connect(editor);
      await Promise.all([a.synced, b.synced]);
      const [ownerName, editorName] = [await usernameOf(owner), await usernameOf(editor)];
      const seenForB: string[] = [];
      a.provider.awareness!.on('change', () => {
        const name = a.provider.awareness!.getStates().get(b.doc.clientID)?.user?.name;
        if (name) seenForB.push(name);
      });
      b.provider.setAwarenessField('user', { name: ownerName, color: '#000000' });
      await until(() => seenForB.includes(editorName), 'the editor under its own name');
      // A later update of the same claim (a cursor move) is rewritten again.
      b.provider.setAwarenessField('cursor', { anchor: 1 });
      await until(
        () => a.provider.awareness!.getStates().get(b.doc.clientID)?.cursor?.anchor === 1,
        'the cursor update',
      );
      assert.equal(a.provider.awareness!.getStates().get(b.doc.clientID)?.user?.name, editorName);
      assert.ok(!seenForB.includes(ownerName), `the owner's name was shown for the editor: ${seenForB.join(', ')}`);
      assert.notEqual(a.provider.awareness!.getStates().get(b.doc.clientID)?.user?.color, '#000000');
      a.close();
      b.close();
    });

    test('updates the database refused once are stored on the next try', async () => {
      const store = t.services.notes.store;
      const append = store.append.bind(store);
      let refusals = 0;
      store.append = async (updates) => {
        if (refusals === 0 && updates.length > 0) {
          refusals += 1;
          throw new Error('timeout exceeded when trying to connect');
        }
        return append(updates);
      };
      try {
        const a = connect(owner);
        await a.synced;
        a.addParagraph('kept through a database hiccup');
        await until(() => refusals === 1, 'the refused append');
        a.close();
        await until(async () => /kept through a database hiccup/.test(await storedText(noteId)), 'stored on retry');
      } finally {
        store.append = append;
      }
    });

    test('offline edits of two editors merge on reconnect', async () => {
      const a = connect(owner);
      await a.synced;
      a.socket.disconnect();
      a.addParagraph('written offline');
      const b = connect(editor);
      await b.synced;
      b.addParagraph('written online meanwhile');
      await until(() => b.text().includes('written online meanwhile'), 'b applied');
      await a.socket.connect();
      await until(() => a.text() === b.text() && b.text().includes('written offline'), 'merge after reconnect');
      a.close();
      b.close();
    });

    test('a view-only connection has its updates refused; the others never see them', async () => {
      const a = connect(owner);
      const v = connect(viewer);
      await Promise.all([a.synced, v.synced]);
      v.addParagraph('viewer vandalism');
      a.addParagraph('owner marker one');
      await until(() => v.text().includes('owner marker one'), 'viewer receives edits');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.doesNotMatch(a.text(), /vandalism/);
      const markdown = (await call(t, 'GET', `/notes/${noteId}/export.md`, owner)).body;
      assert.doesNotMatch(markdown, /vandalism/);
      a.close();
      v.close();
    });

    test('strangers and bad tokens are refused on connect', async () => {
      await assert.rejects(connect(stranger).synced, /authentication failed/);
      const forged = connectEditor(baseUrl, noteId, 'not-a-jwt');
      open.push(forged);
      await assert.rejects(forged.synced, /authentication failed/);
    });

    test('a malformed update closes that connection  and the document stays intact', async () => {
      const a = connect(owner);
      const b = connect(editor);
      await Promise.all([a.synced, b.synced]);
      const before = a.text();
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, `note:${noteId}`);
      encoding.writeVarUint(encoder, 0); // sync
      encoding.writeVarUint(encoder, 2); // update
      encoding.writeVarUint8Array(encoder, new Uint8Array([255, 255, 255, 7, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
      (b.socket.webSocket as unknown as WebSocket).send(encoding.toUint8Array(encoder));
      assert.equal(await b.closed, NOTE_CLOSE.malformed.reason);
      a.addParagraph('still editable');
      const c = connect(owner);
      await c.synced;
      await until(() => c.text().includes('still editable'), 'others keep editing');
      assert.equal(c.text(), `${before}\nstill editable`);
      a.close();
      b.close();
      c.close();
    });

    test('a document over the size limit is refused  without reaching anyone', async () => {
      const a = connect(owner);
      const b = connect(editor);
      await Promise.all([a.synced, b.synced]);
      b.addParagraph('x'.repeat(MAX_BYTES));
      assert.equal(await b.closed, NOTE_CLOSE.tooLarge.reason);
      a.addParagraph('after the big one');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.doesNotMatch(a.text(), /xxxxxxxx/);
      const markdown = (await call(t, 'GET', `/notes/${noteId}/export.md`, owner)).body;
      assert.doesNotMatch(markdown, /xxxxxxxx/);
      a.close();
      b.close();
    });

    test('revoking the link stops a connected editor at its next update ', async () => {
      const [member] = (await createAccounts(t, 1)) as [TestAccount];
      const share = json(await call(t, 'POST', `/notes/${noteId}/shares`, owner, { role: 'edit' })).data;
      await call(t, 'POST', '/notes/join', member, { token: share.token });
      const m = connect(member);
      await m.synced;
      assert.equal((await call(t, 'DELETE', `/notes/${noteId}/shares/${share.id}`, owner)).statusCode, 204);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      m.addParagraph('after revocation');
      assert.equal(await m.closed, NOTE_CLOSE.forbidden.reason);
      const markdown = (await call(t, 'GET', `/notes/${noteId}/export.md`, owner)).body;
      assert.doesNotMatch(markdown, /after revocation/);
      m.close();
    });

    test('stored updates are compacted into the snapshot', async () => {
      const a = connect(owner);
      await a.synced;
      for (let i = 0; i < 8; i += 1) a.addParagraph(`line ${i}`);
      await until(() => a.text().includes('line 7'), 'typing');
      a.close();
      const store = t.services.notes.store;
      await until(async () => (await store.pendingCount(noteId)) < 5, 'compaction', 15_000);
      const stored = await store.storedBytes(noteId);
      assert.ok(stored.stateBytes > 0);
      const { state } = await store.load(noteId);
      assert.ok(state.length > 0);
      const c = connect(owner);
      await c.synced;
      assert.match(c.text(), /line 7/);
      c.close();
    });

    test(
      'across two API instances sharing Redis: editors converge, names hold, and a note unloaded on one instance while edited on the other keeps every update, live and stored',
      { skip: !process.env.REDIS_URL },
      async () => {
        const platformB = { ...t.platform, metrics: createMetricsRegistry() };
        const servicesB = createServices(platformB);
        const second: App = await buildApp(platformB, servicesB);
        await second.listen({ port: 0, host: '127.0.0.1' });
        const collabA = t.services.notes.collab;
        const collabB = servicesB.notes.collab;
        try {
          const secondUrl = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
          const a = connect(owner);
          const b = connect(editor, secondUrl);
          await Promise.all([a.synced, b.synced]);
          a.addParagraph('instance A says hi');
          b.addParagraph('instance B answers');
          await until(() => a.text() === b.text() && a.text().includes('instance B answers'), 'cross-instance sync');
          await until(() => b.text().includes('instance A says hi'), 'both ways');
          // A name claimed on instance B reaches instance A as the account's own.
          const [ownerName, editorName] = [await usernameOf(owner), await usernameOf(editor)];
          b.provider.setAwarenessField('user', { name: ownerName, color: '#000000' });
          await until(
            () => a.provider.awareness!.getStates().get(b.doc.clientID)?.user?.name === editorName,
            'presence across instances',
          );

          // A's last editor leaves, so A stores and unloads its copy while B's editor keeps typing.
          a.close();
          const lines: string[] = [];
          const type = (line: string) => {
            lines.push(line);
            b.addParagraph(line);
          };
          const unloaded = until(() => !collabA.hocuspocus.documents.has(`note:${noteId}`), 'A unloads', 20_000);
          for (let i = 0; !(await Promise.race([unloaded.then(() => true), sleep(100)])); i += 1) {
            type(`B while A unloads ${i}`);
          }
          for (let i = 0; i < 5; i += 1) type(`B after A unloaded ${i}`);
          // A loads the note again (database, then what B has that the database has not yet, via Redis).
          const a2 = connect(owner);
          await a2.synced;
          await until(
            () => a2.text() === b.text() && lines.every((line) => a2.text().includes(line)),
            'the reloaded copy holds every update',
          );
          a2.close();
          b.close();
          await until(
            () =>
              !collabA.hocuspocus.documents.has(`note:${noteId}`) &&
              !collabB.hocuspocus.documents.has(`note:${noteId}`),
            'both unload',
            20_000,
          );
          await Promise.all([collabA.flush(), collabB.flush()]);
          const stored = await storedText(noteId);
          const missing = lines.filter((line) => !stored.includes(line));
          assert.deepEqual(missing, [], 'every update is in the stored note');
          assert.ok(lines.length > 5);
        } finally {
          await second.close();
        }
      },
    );
  });
}
