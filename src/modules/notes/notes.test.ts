import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { call, createAccounts, readyVideo, type TestAccount } from '../channels/channel-test-support.ts';
import { connectEditor, until } from './note-test-support.ts';
import * as Y from 'yjs';
import { NOTE_FIELD } from './note-content.ts';

for (const kind of testDatabaseKinds()) {
  describe(`notes over HTTP on ${kind}`, () => {
    let t: TestApp;
    let baseUrl: string;
    let creator: TestAccount;
    let learner: TestAccount;
    let friend: TestAccount;
    let stranger: TestAccount;
    let videoId: string;
    before(async () => {
      t = await startTestApp(kind);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      [learner, friend, stranger] = (await createAccounts(t, 3)) as [TestAccount, TestAccount, TestAccount];
      videoId = await readyVideo(t, creator);
    });
    after(async () => {
      await t.close();
    });
    const ok = async (response: Awaited<ReturnType<typeof call>>, status = 200) => {
      assert.equal(response.statusCode, status, response.body);
      return json(response).data;
    };

    test('personal notes are private until shared; links give their role and revoking takes it back', async () => {
      const subject = { subjectKind: 'video', subjectId: videoId };
      const note = await ok(await call(t, 'POST', '/notes', learner, subject));
      assert.equal(note.role, 'edit');
      assert.equal(note.documentName, `note:${note.id}`);
      // Opening again returns the same note.
      assert.equal((await ok(await call(t, 'POST', '/notes', learner, subject))).id, note.id);
      assert.equal((await call(t, 'GET', `/notes/${note.id}`, stranger)).statusCode, 404);
      assert.equal((await call(t, 'GET', `/notes/${note.id}`)).statusCode, 404);
      assert.equal((await call(t, 'POST', `/notes/${note.id}/shares`, stranger, { role: 'edit' })).statusCode, 404);
      const share = await ok(await call(t, 'POST', `/notes/${note.id}/shares`, learner, { role: 'view' }), 201);
      const joined = await ok(await call(t, 'POST', '/notes/join', friend, { token: share.token }));
      assert.equal(joined.role, 'view');
      assert.equal(joined.path, `/watch/${videoId}`);
      const listed = await ok(await call(t, 'GET', `/notes?subjectKind=video&subjectId=${videoId}`, friend));
      assert.deepEqual(
        listed.map((n: { id: string }) => n.id),
        [note.id],
      );
      assert.equal((await call(t, 'POST', `/notes/${note.id}/revisions`, friend, { name: 'x' })).statusCode, 403);
      assert.equal((await call(t, 'POST', `/notes/${note.id}/shares`, friend, { role: 'edit' })).statusCode, 403);
      const shares = await ok(await call(t, 'GET', `/notes/${note.id}/shares`, learner));
      assert.equal(shares[0].members, 1);
      assert.equal((await call(t, 'DELETE', `/notes/${note.id}/shares/${share.id}`, learner)).statusCode, 204);
      assert.equal((await call(t, 'GET', `/notes/${note.id}`, friend)).statusCode, 404);
      assert.equal((await call(t, 'POST', '/notes/join', friend, { token: share.token })).statusCode, 404);
      assert.equal((await call(t, 'POST', '/notes/join', friend, { token: 'x'.repeat(32) })).statusCode, 404);
      assert.equal(
        (await call(t, 'POST', '/notes', learner, { subjectKind: 'video', subjectId: 'nope' })).statusCode,
        400,
      );
    });

    test('team notes: the creator edits, viewers of the video view, others cannot start them', async () => {
      const subject = { subjectKind: 'video', subjectId: videoId, kind: 'team' };
      assert.equal((await call(t, 'POST', '/notes', learner, subject)).statusCode, 403);
      const team = await ok(await call(t, 'POST', '/notes', creator, subject));
      assert.equal(team.kind, 'team');
      const seen = await ok(await call(t, 'GET', `/notes/${team.id}`, stranger));
      assert.equal(seen.role, 'view');
      assert.equal((await ok(await call(t, 'GET', `/notes/${team.id}`))).role, 'view');
      const privateVideo = await readyVideo(t, creator, { visibility: 'private' });
      assert.equal(
        (await call(t, 'GET', `/notes?subjectKind=video&subjectId=${privateVideo}`, learner)).statusCode,
        404,
      );
    });

    test('versions: save, view as Markdown, restore into the live document; exports in Markdown and PDF', async () => {
      const note = await ok(await call(t, 'POST', '/notes', friend, { subjectKind: 'video', subjectId: videoId }));
      const editor = connectEditor(baseUrl, note.id, friend.token);
      await editor.synced;
      const fragment = editor.doc.getXmlFragment(NOTE_FIELD);
      editor.doc.transact(() => {
        const heading = new Y.XmlElement('heading');
        heading.setAttribute('level', 2 as unknown as string);
        heading.insert(0, [new Y.XmlText('Dawn chorus')]);
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        text.insert(0, 'Robins at ');
        text.insert(10, '1:05', { timestamp: { seconds: 65 } });
        text.insert(14, ' sing **loudly**', { bold: {} });
        paragraph.insert(0, [text]);
        fragment.push([heading, paragraph]);
      });
      await until(
        async () => (await call(t, 'GET', `/notes/${note.id}/export.md`, friend)).body.includes('Robins'),
        'sync',
      );
      const revision = await ok(
        await call(t, 'POST', `/notes/${note.id}/revisions`, friend, { name: 'First draft' }),
        201,
      );
      editor.addParagraph('added later');
      await until(
        async () => (await call(t, 'GET', `/notes/${note.id}/export.md`, friend)).body.includes('added later'),
        'edit',
      );
      const markdown = (await call(t, 'GET', `/notes/${note.id}/export.md`, friend)).body;
      assert.match(markdown, /^## Dawn chorus$/m);
      assert.match(markdown, /Robins at \[1:05\]\(#t=65\)\*\* sing \\\*\\\*loudly\\\*\\\*\*\*/);
      const past = await ok(await call(t, 'GET', `/notes/${note.id}/revisions/${revision.id}`, friend));
      assert.doesNotMatch(past.markdown, /added later/);
      const list = await ok(await call(t, 'GET', `/notes/${note.id}/revisions`, friend));
      assert.equal(list[0].name, 'First draft');
      assert.equal(
        (await call(t, 'POST', `/notes/${note.id}/revisions/${revision.id}/restore`, friend)).statusCode,
        204,
      );
      // The connected editor receives the restore as an edit.
      await until(() => !editor.text().includes('added later') && editor.text().includes('Dawn chorus'), 'restore');
      const pdf = await call(t, 'GET', `/notes/${note.id}/export.pdf`, friend);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.equal((await call(t, 'GET', `/notes/${note.id}/export.pdf`, stranger)).statusCode, 404);
      editor.close();
    });
  });
}
