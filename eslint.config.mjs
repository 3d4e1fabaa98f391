// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'src/infrastructure/http/openapi-metadata.ts',
      // Written by the generated-client test from /docs-json.
      'test/client/generated/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/results/**',
      '*.js',
      '*.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No consistent-type-imports: Nest resolves constructor parameters from emitted decorator metadata,
      // which needs the classes imported as values.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The domain is pure: no framework, no drivers, no infrastructure.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'mongodb', '@eventstore/*', 'better-sqlite3', 'fastify', '@fastify/*'],
              message: 'src/domain stays free of frameworks and drivers',
            },
            {
              group: ['**/application/**', '**/infrastructure/**', '**/projections/**'],
              message: 'src/domain imports nothing from other layers',
            },
          ],
        },
      ],
    },
  },
  {
    // Use cases and projections know ports, never adapters or HTTP: the edge drives them, not the reverse.
    files: ['src/application/**/*.ts', 'src/projections/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'fastify',
                '@fastify/*',
                '@nestjs/swagger',
                '@nestjs/platform-*',
                'mongodb',
                '@eventstore/*',
                'better-sqlite3',
              ],
              message: 'HTTP and drivers belong in src/infrastructure: depend on a port instead',
            },
            {
              group: ['**/infrastructure/**'],
              message:
                'src/application and src/projections do not import src/infrastructure: put a port in src/application/ports and bind it there',
            },
          ],
        },
      ],
    },
  },
  {
    // The driven adapters (stores, runners, config) never reach into the driving one (the HTTP edge).
    files: ['src/infrastructure/**/*.ts'],
    ignores: ['src/infrastructure/http/**', 'src/infrastructure/auth/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/**', '../http', '../http/*'],
              message: 'store adapters and runners do not import the HTTP edge (src/infrastructure/http)',
            },
          ],
        },
      ],
    },
  },
);
