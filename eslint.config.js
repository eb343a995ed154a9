// @ts-check
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'artifacts/', '.tmp/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  // Page text is untrusted: nothing of ours writes HTML from a string (innerHTML, insertAdjacentHTML, document.write).
  noUnsanitized.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // The product and the project's scripts stand on their own; the tests lean on them, never the reverse.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/tests/**', '../tests/*'], message: 'src/, entrypoints/ and scripts/ do not import the tests.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        // A pattern compiled from a string could backtrack on a page's text, or run a pack's; patterns are literals.
        { selector: "NewExpression[callee.name='RegExp'][arguments.0.type!='Literal']", message: 'Write the pattern as a literal.' },
      ],
    },
  },
  {
    // Tests and scripts read what browsers, files and child processes hand back, which is untyped by nature;
    // they build their own pages with innerHTML from strings they wrote.
    files: ['tests/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      'no-unsanitized/property': 'off',
      'no-unsanitized/method': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/require-await': 'off',
      // The tests build the gate's patterns from their sources, as the build does.
      'no-restricted-syntax': 'off',
    },
  },
  { files: ['tests/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
);
