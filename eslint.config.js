import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint-rules/module-boundaries.js';

export default tseslint.config(
  // test/lint-fixtures/ breaks the boundary rules on purpose; test/platform/module-boundaries.test.ts lints it.
  {
    ignores: [
      'node_modules/',
      'data/',
      'dist/',
      'test-results/',
      'web/dist/',
      'test/lint-fixtures/',
      'web/src/api/schema.gen.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Test helpers parse loosely-typed JSON responses.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-console': 'off',
      // Layout belongs to Prettier (npm run format). The recommended sets carry no layout rules any more;
      // this one is the only one left that can disagree with Prettier's line breaks (as eslint-config-prettier notes).
      'no-unexpected-multiline': 'off',
    },
  },
  {
    // Module boundaries (docs/ARCHITECTURE.md): a module queries only the tables it owns.
    files: ['src/**/*.ts'],
    // Tests and their support files arrange state straight in the database on purpose.
    ignores: ['**/*.test.ts', '**/*test-support.ts'],
    plugins: { boundaries: moduleBoundaries },
    rules: {
      'boundaries/no-foreign-table-query': 'error',
    },
  },
  {
    // A module's repositories are its own: other modules import its public queries (*-queries.ts), its
    // service or its events. Types (row shapes) may be shared.
    files: ['src/modules/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*test-support.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/repo.ts', '../*/*-repo.ts'],
              allowTypeImports: true,
              message: "Another module's repository is internal: use its public queries (*-queries.ts) or its service.",
            },
          ],
        },
      ],
    },
  },
  {
    // The auth module creates accounts and changes passwords: it writes the users module's rows through
    // the users repository, as the one other writer of accounts.
    files: ['src/modules/auth/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  // Legitimate exceptions, each scoped to the files that need it (a later block's options replace the rule's options).
  {
    // Counter projections stored on the video row for fast reads (videos.comment_count, like_count,
    // view_count, watch time): the module that owns the source rows (comments, likes, views) keeps its
    // counter in step, in the same statement as the row change or in its flush/rebuild. The videos
    // module never writes these columns.
    files: [
      'src/modules/comments/comment-state.ts',
      'src/modules/comments/comment-counts.ts',
      'src/modules/likes/like-counts.ts',
      'src/modules/views/counter-deltas-sql.ts',
    ],
    rules: {
      'boundaries/no-foreign-table-query': [
        'error',
        { allow: { comments: ['videos'], likes: ['videos'], views: ['videos'] } },
      ],
    },
  },
  {
    // `streamhub seed --analytics` is a load generator like the catalogue seed: it makes a demo channel
    // with ready videos and bulk-inserts raw player events straight into the day partitions, because
    // millions of events through the API would take hours. Nothing in production runs this file.
    files: ['src/modules/seed/analytics-seed.ts'],
    rules: {
      'boundaries/no-foreign-table-query': ['error', { allow: { seed: ['users', 'videos', 'analytics_events'] } }],
    },
  },
);
