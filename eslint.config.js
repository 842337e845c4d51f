// Lint rules for lvzhi (STYLE.md "Size and format", DESIGN 3 "Layers"). Prettier owns the layout;
// eslint owns size limits, hooks rules and the rule that every query lives in a repository.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Query-builder entry points and raw SQL: allowed only in repositories, the db layer and tests. */
const QUERY_SYNTAX = [
  {
    selector:
      'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
    message: 'Queries live in a *.repository.ts (STYLE.md "SQL").',
  },
  {
    selector: "TaggedTemplateExpression[tag.name='sql']",
    message: 'Raw SQL lives in a *.repository.ts (STYLE.md "SQL").',
  },
  {
    selector: "CallExpression[callee.object.name='sql']",
    message: 'Raw SQL lives in a *.repository.ts (STYLE.md "SQL").',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'web/dist/',
      'data/',
      'coverage/',
      '.tmp/',
      'web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'max-len': ['error', { code: 120, tabWidth: 2 }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': [
        'error',
        { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.repository.ts', 'src/db/**', '**/*.test.ts', 'src/testing/**'],
    rules: { 'no-restricted-syntax': ['error', ...QUERY_SYNTAX] },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Declared catalogues: the row type of every table, and migrations (append-only history, whose
    // DDL is read as one script); issue 12 exempts declared data from the file size limit.
    files: ['src/db/schema.ts', 'src/db/migrations/*.ts'],
    rules: { 'max-lines': 'off' },
  },
  {
    // Tests and benches: long scenario functions are the norm; size limits are for production code.
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', 'render/**'],
    rules: { 'max-lines-per-function': 'off', 'max-lines': 'off' },
  },
);
