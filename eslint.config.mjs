// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['src/infrastructure/http/openapi-metadata.ts', 'dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**', '*.js', '*.mjs'] },
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
            { group: ['@nestjs/*', 'mongodb', '@eventstore/*', 'better-sqlite3', 'fastify'], message: 'src/domain stays free of frameworks and drivers' },
            { group: ['**/application/**', '**/infrastructure/**', '**/projections/**'], message: 'src/domain imports nothing from other layers' },
          ],
        },
      ],
    },
  },
);
