import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { rendererAliases } from './electron.vite.config.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A file's first background job (a backup, an export) starts a worker thread that loads its
          // modules from TypeScript source through tsx (exceljs alone takes seconds on a busy 2-core
          // machine); later jobs reuse it. The default 5 s would fail them by load, not by behaviour.
          testTimeout: 20_000,
        },
      },
      {
        plugins: [vue()],
        resolve: { alias: rendererAliases },
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['tests/component/helpers/setup.ts'],
          // Mounting Element Plus forms under happy-dom takes seconds on a busy 2-core machine (the
          // register form ~4.6 s alone): the default 5 s would fail them by load, not by behaviour.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/support/on-failure.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
