// Lint rules: typescript-eslint strict defaults, plus the layering rules of the architecture.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '**/out/',
      '.vscode-test/',
      'test-results/',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Protocol messages follow the LSP convention of one namespace per message (method + type).
    files: ['server/src/protocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    // The analysis layer is pure: no editor or protocol imports.
    files: ['server/src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode', 'vscode-*'], message: 'analysis/ must stay free of LSP and vscode.' },
          ],
        },
      ],
    },
  },
  {
    // The client does UI only: the one server module it may import is the shared protocol.
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./server/src/(?!protocol$)',
              message: 'The client may import only server/src/protocol.',
            },
          ],
        },
      ],
    },
  },
);
