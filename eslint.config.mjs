// ESLint flat config: typescript-eslint's strict set for the TypeScript, plus the house rules that matter for a
// Node-RED package (lib/ stays free of Node-RED; runtime code logs through Node-RED, not the console).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.node-red-demo/',
      'test-results/',
      '.ci/cache/',
      'coverage/',
      // Written by the build from the message tables (a test fails when it is stale); lint its generator instead.
      'lib/protocol/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed parameters are kept on purpose (a signature a caller relies on).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Node files use `export =` (Node-RED require()s them): `import x = require()` is TypeScript's form for those.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // `const node = this` is Node-RED's own idiom in a node constructor (core nodes do it); only that name.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['node'] }],
      // Strict null checks stay on; `!` marks a presence the code has just established (an index inside bounds, a
      // map entry set above). Forbidding it would trade each for a cast or a runtime check that cannot fail.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Messages and call data are plain records keyed by protocol field names; removing a field by name is meant.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // `deferred<void>()`, `Promise<void> | void`: void as a type argument of our own helpers is meant.
      '@typescript-eslint/no-invalid-void-type': 'off',
      // No code from strings (the codec is TypeScript written by the build): the package runs under
      // node --disallow-code-generation-from-strings (test/compat/no-code-generation.spec.ts).
      'no-new-func': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // The codec and the nodes check text for control characters the protocol forbids: those regexes name them.
    files: ['lib/protocol/encode-helpers.ts', 'nodes/lib/field-values.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Tests load untyped CommonJS modules (node-red-node-test-helper) with require().
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Type tests: a bare property access under @ts-expect-error is the assertion.
    files: ['test/types/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // CommonJS scripts (build, demo, test tooling).
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      // lib/ is usable from plain TypeScript: it never imports Node-RED, the nodes or the command lines.
      'no-restricted-imports': [
        'error',
        { patterns: ['node-red', '@node-red/*', '../../nodes/*', '../nodes/*', '../../cli/*', '../cli/*'] },
      ],
    },
  },
  {
    files: ['lib/**/*.ts', 'nodes/**/*.ts'],
    rules: {
      // Runtime code reports through node.log/warn/error or the session's events; the CLIs (cli/) print.
      'no-console': 'error',
    },
  },
  {
    // Browser-side code evaluated by Playwright inside the page.
    files: ['test/browser/**/*.ts', 'test/dashboard/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
