import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startWorkers } from '../../workers.ts';
import { call, type TestAccount } from '../channels/channel-test-support.ts';

export interface Listed {
  id: string;
  kind: string;
  text: string;
  link: string;
  count: number;
  read: boolean;
  thumbnailUrl: string | null;
}

/** What a notifications test works with: the app (with its workers) and the calls every test repeats. */
export interface NotificationTestContext {
  readonly t: TestApp;
  list(
    who: TestAccount,
    query?: string,
  ): Promise<{ data: Listed[]; meta: { nextCursor: string | null; unreadCount: number } }>;
  waitForList(
    who: TestAccount,
    what: string,
    check: (items: Listed[]) => boolean,
  ): ReturnType<NotificationTestContext['list']>;
  username(account: TestAccount): Promise<string>;
  subscribe(who: TestAccount, channel: TestAccount, notificationsEnabled?: boolean): Promise<void>;
  comment(who: TestAccount, videoId: string, text: string, parentId?: string): Promise<{ id: string }>;
}

/** One suite per database kind, on an app whose workers run, so events become notifications. */
export function describeNotifications(name: string, body: (context: NotificationTestContext) => void): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${name} on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
      let app: TestApp | undefined;
      before(async () => {
        app = await startTestApp(kind, { NOTIFICATION_COLLAPSE_SECONDS: '600' });
        startWorkers(app.platform, app.services);
      });
      after(async () => {
        await app?.close();
      });
      const context: NotificationTestContext = {
        get t() {
          if (!app) throw new Error('the app is not started yet');
          return app;
        },
        async list(who, query = '') {
          const response = await call(context.t, 'GET', `/notifications${query}`, who);
          assert.equal(response.statusCode, 200, response.body);
          return response.json();
        },
        waitForList: (who, what, check) =>
          eventually(what, async () => {
            const page = await context.list(who);
            return check(page.data) ? page : undefined;
          }),
        async username(account) {
          const row = await context.t.platform.database.db
            .selectFrom('users')
            .select('username')
            .where('id', '=', account.id)
            .executeTakeFirstOrThrow();
          return row.username;
        },
        async subscribe(who, channel, notificationsEnabled = true) {
          assert.equal((await call(context.t, 'POST', `/users/${channel.id}/subscribe`, who)).statusCode, 200);
          if (!notificationsEnabled) {
            const changed = await call(context.t, 'PUT', `/users/${channel.id}/subscription`, who, {
              notificationsEnabled,
            });
            assert.equal(changed.statusCode, 200);
          }
        },
        async comment(who, videoId, text, parentId) {
          const response = parentId
            ? await call(context.t, 'POST', `/comments/${parentId}/reply`, who, { text })
            : await call(context.t, 'POST', '/comments', who, { videoId, text });
          assert.equal(response.statusCode, 201, response.body);
          return response.json().data as { id: string };
        },
      };
      body(context);
    });
  }
}
