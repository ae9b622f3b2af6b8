import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The linter: the recommended rules of JavaScript, TypeScript and Svelte, type-aware, plus the two
 * this project relies on — no promise left floating (an unhandled refusal is a silent bug on show
 * day) and every switch over a union covering every member (a new phase or kind must be handled).
 */
export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'test-repeat-logs/', 'tests/screenshots/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { project: ['./tsconfig.json', './tsconfig.apps.json'], tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/*.ts', '**/*.svelte'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Unused names starting with _ are placeholders kept on purpose (a destructured field left out).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // Plain JavaScript files (configs, the screens' service worker) are not in a TypeScript project.
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
