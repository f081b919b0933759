import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { TABLE_OWNERS } from '../../eslint-rules/table-owners.js';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

/** Lints a fixture as if it were a file of the likes module, so the module-boundary rules apply to it. */
async function lintAsLikesModule(fixture: string) {
  const text = readFileSync(join(root, 'test/lint-fixtures', fixture), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: join(root, 'src/modules/likes', fixture) });
  return result!.messages.map((message) => ({ line: message.line, rule: message.ruleId, message: message.message }));
}

const lineOf = (fixture: string, snippet: string) =>
  readFileSync(join(root, 'test/lint-fixtures', fixture), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(snippet)) + 1;

test("a statement on another module's table, or a raw SQL write to one, is a lint error; joins and own tables are not", async () => {
  const fixture = 'foreign-table-query.ts';
  const messages = await lintAsLikesModule(fixture);
  assert.deepEqual(
    messages.map((message) => message.rule),
    Array(4).fill('boundaries/no-foreign-table-query'),
    JSON.stringify(messages, null, 2),
  );
  assert.deepEqual(
    messages.map((message) => message.line),
    [
      lineOf(fixture, "selectFrom('videos')"),
      lineOf(fixture, "updateTable('users as u')"),
      lineOf(fixture, "deleteFrom('comments')"),
      lineOf(fixture, 'update videos set'),
    ],
  );
  assert.match(
    messages[0]!.message,
    /likes module may not selectFrom\('videos'\): that table belongs to the videos module/,
  );
  assert.match(messages[3]!.message, /may not write the videos table in raw SQL \(update\)/);
});

test("a value import of another module's repository is a lint error; its row types and public queries are not", async () => {
  const fixture = 'foreign-repo-import.ts';
  const messages = await lintAsLikesModule(fixture);
  assert.deepEqual(
    messages.map((message) => [message.rule, message.line]),
    [
      ['@typescript-eslint/no-restricted-imports', lineOf(fixture, 'import { videoRepo }')],
      ['@typescript-eslint/no-restricted-imports', lineOf(fixture, 'import { userRepo }')],
    ],
    JSON.stringify(messages, null, 2),
  );
});

test('every table the migrations create has an owner, and every owner is a module', () => {
  const created = readdirSync(join(root, 'migrations'))
    .filter((name) => name.endsWith('.sql'))
    .flatMap((name) =>
      [
        ...readFileSync(join(root, 'migrations', name), 'utf8').matchAll(
          /create table (?:if not exists )?([a-z_][a-z0-9_]*)/gi,
        ),
      ].map((match) => match[1]!.toLowerCase()),
    );
  assert.ok(created.length > 40, `found ${created.length} tables`);
  assert.deepEqual(
    created.filter((table) => !(table in TABLE_OWNERS)),
    [],
    'tables without an owner in eslint-rules/table-owners.js',
  );
  const modules = new Set(
    readdirSync(join(root, 'src/modules')).filter((name) => statSync(join(root, 'src/modules', name)).isDirectory()),
  );
  assert.deepEqual(
    Object.values(TABLE_OWNERS).filter((owner) => owner !== 'platform' && !modules.has(owner)),
    [],
  );
});

test('the real tree keeps the boundaries: src/ lints clean', async () => {
  const results = await eslint.lintFiles(['src']);
  const problems = results.flatMap((result) =>
    result.messages.map(
      (message) => `${result.filePath.slice(root.length)}:${message.line} ${message.ruleId}: ${message.message}`,
    ),
  );
  assert.deepEqual(problems, []);
});
