import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layering (docs/architecture.md, modelled on VS Code's code-layering rule):
 * shared/ imports nothing from electron/ or renderer/ and no Node built-ins;
 * renderer/ imports nothing from electron/; electron/backend/ never imports Electron or main/preload.
 */
const noElectron = { name: 'electron', message: '此层不得引入 Electron（见 docs/architecture.md 分层规则）。' };
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['electron/**', 'scripts/**', 'tests/**', '*.ts', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**', 'tests/component/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ 不得引用 electron/ 或 renderer/。' },
            { group: nodeBuiltins, message: 'shared/ 在任何环境运行，不得使用 Node 内置模块。' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/electron/**'], message: 'renderer/ 不得引用 electron/，请通过契约调用后端。' }],
        },
      ],
    },
  },
  {
    files: ['electron/backend/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/main', '**/main/**', '**/preload', '**/preload/**'],
              message: 'backend 不得引用主进程或预加载代码。',
            },
            { group: ['**/renderer/**'], message: 'backend 不得引用 renderer/。' },
          ],
        },
      ],
    },
  },
  prettier,
);
