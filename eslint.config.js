import cds from '@sap/cds/eslint.config.mjs'
import tseslint from 'typescript-eslint'

export default [
  { ignores: ['@cds-models/**', 'gen/**', 'node_modules/**', 'mta_archives/**', 'app/router/node_modules/**', 'coverage/**'] },
  ...cds.recommended,
  ...tseslint.configs.recommended.map(config => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // Command-line tools print to the console by design.
    files: ['sandbox/cli.ts', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' }
  }
]
