import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import path from 'node:path';
import tseslint from 'typescript-eslint';

/**
 * Layering (docs/architecture.md, modelled on VS Code's code-layering rule):
 * shared/ imports nothing from electron/ or renderer/ and no Node built-ins;
 * renderer/ imports nothing from electron/; electron/backend/ never imports Electron or main/preload.
 */
const noElectron = { name: 'electron', message: '此层不得引入 Electron（见 docs/architecture.md 分层规则）。' };
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'worker_threads'];

/**
 * Feature isolation in electron/backend/ (docs/architecture.md, Layers). Every folder of features/ is a
 * feature: it may import the core, the ledger kernel ledger/ and shared/, never another feature, so each
 * changes on its own. The core (api/, audit/, auth/, db/ with its migrations, demo/, export/, http/,
 * import/ and the kernel) holds what every feature needs and imports no feature at all; only the
 * composition root puts them together: the method table, the ledger registry and the import kinds, and
 * the backend's opening (app.ts, recovery.ts), which schedules and restores backups.
 * A local rule rather than `no-restricted-imports` patterns: it resolves each relative import, so it holds
 * at any folder depth and names both sides.
 */
const backendDir = path.join(import.meta.dirname, 'electron', 'backend');
const COMPOSITION_ROOT = ['api/handlers.ts', 'api/ledgers.ts', 'api/imports.ts', 'app.ts', 'recovery.ts'];

/** Where a backend file lies: its path under electron/backend/, its top folder and, under features/, its feature. */
function placeOf(file) {
  const relative = path.relative(backendDir, file).split(path.sep);
  const [top, feature] = relative;
  return { path: relative.join('/'), top, feature: top === 'features' ? feature : undefined };
}

/** How a message names the importing file's layer. */
function layerOf(place) {
  if (place.feature) return `功能模块 ${place.feature}`;
  if (place.top === 'ledger') return '台账内核 ledger/';
  return `核心 ${place.top.endsWith('.ts') ? place.top : `${place.top}/`}`;
}

const featureIsolation = {
  meta: {
    type: 'problem',
    docs: { description: 'A backend feature imports the kernel and the core, never another feature.' },
    schema: [],
  },
  create(context) {
    const own = placeOf(context.filename);
    if (own.top === '..' || COMPOSITION_ROOT.includes(own.path)) return {};
    const importer = layerOf(own);
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const { feature } = placeOf(path.resolve(path.dirname(context.filename), source));
      if (!feature || feature === own.feature) return;
      context.report({
        node: node.source,
        message:
          `${importer} 不得引用功能模块 ${feature}。功能模块不得引用其他功能模块，核心与台账内核不引用功能模块；` +
          '共用部分请放入台账内核 ledger/ 或核心层，另一功能的记录请经 ctx.ledgers（在 api/ledgers.ts 组装）取得' +
          '（见 docs/architecture.md 分层）。',
      });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

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
  {
    files: ['electron/backend/**'],
    plugins: { layers: { rules: { 'feature-isolation': featureIsolation } } },
    rules: { 'layers/feature-isolation': 'error' },
  },
  prettier,
);
