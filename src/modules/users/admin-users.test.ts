import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { adminToken } from '../videos/video-test-support.ts';

for (const kind of testDatabaseKinds()) {
  describe(`admin users list on ${kind}`, () => {
    let t: TestApp;
    let admin: string;
    before(async () => {
      t = await startTestApp(kind);
      admin = await adminToken(t);
    });
    after(async () => {
      await t.close();
    });

    const list = (query: string, token = admin) =>
      t.app.inject({ method: 'GET', url: `/api/v1/admin/users?${query}`, headers: bearer(token) });

    test('admins page through accounts by username, narrowed by a prefix; %, _ match literally', async () => {
      const prefix = `zq${Date.now().toString(36)}`;
      const names = ['b', 'a', 'c', 'd'].map((letter) => `${prefix}_${letter}`);
      for (const username of names) await registerUser(t.app, { username });
      await registerUser(t.app, { username: `${prefix}x` });

      const first = await list(`q=${prefix}_&limit=3`);
      assert.equal(first.statusCode, 200);
      const firstPage = json(first);
      assert.deepEqual(
        firstPage.data.map((user: any) => user.username),
        names.slice().sort().slice(0, 3),
      );
      assert.equal(firstPage.data[0].bannedAt, null);
      assert.match(firstPage.data[0].email, /@example\.com$/);
      const second = json(await list(`q=${prefix}_&limit=3&cursor=${firstPage.meta.nextCursor}`));
      assert.deepEqual(
        second.data.map((user: any) => user.username),
        [`${prefix}_d`],
      );
      assert.equal(second.meta.nextCursor, null);
      assert.equal(json(await list(`q=${prefix}%25`)).data.length, 0);
    });

    test('only admins may list accounts; a forged cursor is a 400', async () => {
      const viewer = await registerUser(t.app);
      assert.equal((await list('', viewer.accessToken)).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/admin/users' })).statusCode, 401);
      assert.equal((await list('cursor=bm9wZQ')).statusCode, 400);
    });
  });
}
