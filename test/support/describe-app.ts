// One describe block per database kind around an app that its tests share, for test files that split
// one feature's tests between them and set the scene the same way.
import { after, before, describe } from 'node:test';
import type { DatabaseKind } from '../../src/platform/db/database.ts';
import type { TestApp } from './app.ts';
import { testDatabaseKinds } from './databases.ts';

/**
 * `${title} on ${kind}` for each of testDatabaseKinds(): `start` builds the kit (an app and what every
 * test needs) before the tests, `cases` reads it with kit() inside each test, and its app is closed after.
 */
export function describeOnEachDatabase<Kit extends { t: TestApp }>(
  title: string,
  start: (kind: DatabaseKind) => Promise<Kit>,
  cases: (kit: () => Kit) => void,
): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${title} on ${kind}`, () => {
      let current: Kit | undefined;
      before(async () => {
        current = await start(kind);
      });
      after(async () => {
        await current?.t.close();
      });
      cases(() => {
        if (!current) throw new Error(`the app for "${title}" is not up yet`);
        return current;
      });
    });
  }
}
