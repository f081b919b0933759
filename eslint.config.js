import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'test-results/', 'web/dist/'] },
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
);
