// Lint rules, including the dependency rules of docs/architecture: core
// imports nothing outside core, only src/kafka imports the Kafka client.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'console/**', '.cache/**', '.kafka/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', { patterns: [{ group: ['@platformatic/kafka', '@platformatic/kafka/*'], message: 'Only src/kafka/ (and test/bench tooling) may import the Kafka client.' }] }],
    },
  },
  {
    files: ['src/kafka/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/http/**', '**/kafka/**', '**/config/**', '**/ops/**', '**/auth/**', '**/formats/**', '**/app.ts', '**/main.ts'], message: 'core imports nothing outside core.' },
        { group: ['fastify', '@platformatic/kafka', 'pino', 'prom-client'], message: 'core imports nothing outside core.' },
      ] }],
    },
  },
)
