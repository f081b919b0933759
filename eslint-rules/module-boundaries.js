// A tiny local ESLint plugin: a feature module queries only its own tables. Reading another module's
// data goes through that module's public queries or service, so the owner can change its tables
// (and keep its invariants, like counters and outbox events) without breaking strangers.
import { TABLE_OWNERS } from './table-owners.js';

/** Kysely calls that name the table they act on as their first argument. */
const TABLE_CALLS = new Set(['selectFrom', 'updateTable', 'insertInto', 'deleteFrom', 'mergeInto', 'replaceInto']);

/** Writes in raw SQL (`sql\`update videos set ...\``): the statement kind, then the table. */
const RAW_WRITE =
  /\b(update|insert\s+into|delete\s+from|truncate(?:\s+table)?)\s+(?:only\s+)?(?:[a-z_]+\.)?([a-z_][a-z0-9_]*)/gi;

/** The module a file belongs to: 'videos' for src/modules/videos/..., 'platform' for src/platform/...; else undefined. */
export function moduleOf(filename) {
  const path = filename.replaceAll('\\', '/');
  const feature = /\/src\/modules\/([^/]+)\//.exec(path);
  if (feature) return feature[1];
  if (/\/src\/platform\//.test(path)) return 'platform';
  return undefined;
}

/** 'videos', 'videos as v' and 'public.videos' all name the videos table. */
function tableName(literal) {
  const name = literal
    .trim()
    .split(/\s+as\s+/i)[0]
    .trim();
  return name.includes('.') ? name.split('.').pop() : name;
}

/** The string literals a table argument can be: 'videos', or ['videos as v', 'users as u']. */
function tableLiterals(node) {
  if (!node) return [];
  if (node.type === 'Literal' && typeof node.value === 'string') return [node];
  if (node.type === 'ArrayExpression') return node.elements.flatMap((element) => tableLiterals(element));
  return [];
}

const noForeignTableQuery = {
  meta: {
    type: 'problem',
    docs: { description: 'A module may query only the tables it owns (eslint-rules/table-owners.js)' },
    schema: [
      {
        type: 'object',
        properties: {
          // Per module, foreign tables it may query anyway (each one commented in eslint.config.js).
          allow: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          expressionBuilderNames: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      foreign:
        "The {{module}} module may not {{call}}('{{table}}'): that table belongs to the {{owner}} module. Use its public queries or service instead.",
      foreignRaw:
        'The {{module}} module may not write the {{table}} table in raw SQL ({{statement}}): it belongs to the {{owner}} module.',
    },
  },
  create(context) {
    const module = moduleOf(context.filename);
    if (!module) return {};
    const expressionBuilders = new Set(context.options[0]?.expressionBuilderNames ?? ['eb']);
    const allowed = new Set(context.options[0]?.allow?.[module] ?? []);
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type !== 'MemberExpression' ||
          callee.property.type !== 'Identifier' ||
          !TABLE_CALLS.has(callee.property.name)
        )
          return;
        // A subquery on Kysely's expression builder (`(eb) => eb.selectFrom('users')...`) reads inside one of
        // the module's own statements, like a join: allowed, as joins are.
        if (callee.object.type === 'Identifier' && expressionBuilders.has(callee.object.name)) return;
        for (const literal of tableLiterals(node.arguments[0])) {
          const table = tableName(literal.value);
          const owner = TABLE_OWNERS[table];
          if (!owner || owner === module || allowed.has(table)) continue;
          context.report({
            node: literal,
            messageId: 'foreign',
            data: { module, call: callee.property.name, table, owner },
          });
        }
      },
      // Raw SQL is checked for writes only: reads in raw SQL are joins and subqueries of the module's own
      // statements (ranking and search SQL join videos), which the boundary allows.
      TaggedTemplateExpression(node) {
        if (node.tag.type !== 'Identifier' || node.tag.name !== 'sql') return;
        const text = node.quasi.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(' ? ');
        for (const match of text.matchAll(RAW_WRITE)) {
          const table = match[2].toLowerCase();
          const owner = TABLE_OWNERS[table];
          if (!owner || owner === module || allowed.has(table)) continue;
          context.report({
            node,
            messageId: 'foreignRaw',
            data: { module, table, owner, statement: match[1].toLowerCase().replace(/\s+/g, ' ') },
          });
        }
      },
    };
  },
};

export default {
  meta: { name: 'streamhub-module-boundaries' },
  rules: { 'no-foreign-table-query': noForeignTableQuery },
};
