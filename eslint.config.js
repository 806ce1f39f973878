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
 * Feature isolation (docs/architecture.md, Layers): a feature imports the core, the kernel and shared/, never
 * another feature, so each changes on its own; the core and the kernel import no feature at all, save the
 * composition root that puts them together. One local rule for the two trees, told each tree's layers by its
 * options below. A local rule rather than `no-restricted-imports` patterns: it resolves each relative import
 * (and the renderer's `@/` alias), so it holds at any folder depth and names both sides.
 *
 * electron/backend/: every folder of features/ is a feature. The core is api/, audit/, auth/, db/ with its
 * migrations, demo/, export/, http/, import/, workers/ and the kernel ledger/. The composition root is the method
 * table, the ledger registry, the import kinds, the exports a worker writes (api/exports.ts), and the backend's
 * opening (app.ts, recovery.ts), which schedules and restores backups.
 */
const backendLayers = {
  root: 'electron/backend',
  compositionRoot: [
    'api/handlers.ts',
    'api/ledgers.ts',
    'api/imports.ts',
    'api/exports.ts',
    'api/workbench.ts',
    'app.ts',
    'recovery.ts',
  ],
  advice: '共用部分请放入台账内核 ledger/ 或核心层，另一功能的记录请经 ctx.ledgers（在 api/ledgers.ts 组装）取得',
};

/**
 * renderer/src/: every folder of features/ is a feature, and so is board/ (the situation board). The core is
 * api/, app/, components/, composables/, utils/, the kernel's screens ledger/, App.vue and main.ts. The
 * composition root is the router, the wall's entry (app/wall.ts) and the registrations (app/features.ts), through which each feature lends
 * the others its drawers, steps and panels (ledger/records.ts).
 */
const rendererLayers = {
  root: 'renderer/src',
  aliases: { '@/': 'renderer/src/' },
  topFeatures: ['board'],
  compositionRoot: ['app/router.ts', 'app/features.ts', 'app/wall.ts'],
  advice:
    '共用部分请放入台账内核 ledger/ 或核心层 components/、composables/、app/，另一功能的记录抽屉与面板请经 ledger/records.ts 取得' +
    '（各功能在自己的 register.ts 登记，由 app/features.ts 汇总）',
};

const names = { type: 'array', items: { type: 'string' } };

const featureIsolation = {
  meta: {
    type: 'problem',
    docs: { description: 'A feature imports the kernel and the core, never another feature.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          aliases: { type: 'object', additionalProperties: { type: 'string' } },
          topFeatures: names,
          compositionRoot: names,
          advice: { type: 'string' },
        },
        required: ['root', 'compositionRoot', 'advice'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const layers = context.options[0];
    const root = path.join(import.meta.dirname, layers.root);

    /** Where a file lies in the tree: its path there, its top folder (or file) and, if it is in one, its feature. */
    function placeOf(file) {
      const relative = path.relative(root, file).split(path.sep);
      const [top] = relative;
      const feature = top === 'features' ? relative[1] : layers.topFeatures?.includes(top) ? top : undefined;
      return { path: relative.join('/'), top, feature };
    }

    /** How a message names the importing file's layer. */
    function layerOf(place) {
      if (place.feature) return `功能模块 ${place.feature}`;
      if (place.top === 'ledger') return '台账内核 ledger/';
      return `核心 ${place.top === place.path ? place.top : `${place.top}/`}`;
    }

    function resolved(source) {
      if (source.startsWith('.')) return path.resolve(path.dirname(context.filename), source);
      const alias = Object.keys(layers.aliases ?? {}).find((prefix) => source.startsWith(prefix));
      return alias && path.join(import.meta.dirname, layers.aliases[alias], source.slice(alias.length));
    }

    const own = placeOf(context.filename);
    if (own.top === '..' || layers.compositionRoot.includes(own.path)) return {};
    const importer = layerOf(own);
    function check(node) {
      const source = node.source?.value;
      const target = typeof source === 'string' && resolved(source);
      if (!target) return;
      const { feature } = placeOf(target);
      if (!feature || feature === own.feature) return;
      context.report({
        node: node.source,
        message:
          `${importer} 不得引用功能模块 ${feature}。功能模块不得引用其他功能模块，核心与台账内核不引用功能模块；` +
          `${layers.advice}（见 docs/architecture.md 分层）。`,
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
      // A component used but not imported renders as an unknown element, silently (a filter went missing so).
      'vue/no-undef-components': [
        'error',
        { ignorePatterns: ['^el-', '^El', '^router-', '^Router', '^v-chart$', '^VChart$'] },
      ],
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
  { plugins: { layers: { rules: { 'feature-isolation': featureIsolation } } } },
  {
    files: ['electron/backend/**'],
    rules: { 'layers/feature-isolation': ['error', backendLayers] },
  },
  {
    files: ['renderer/src/**'],
    rules: { 'layers/feature-isolation': ['error', rendererLayers] },
  },
  prettier,
);
