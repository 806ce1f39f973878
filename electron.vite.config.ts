import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';

export const rendererAliases = {
  '@': resolve(import.meta.dirname, 'renderer/src'),
  '@shared': resolve(import.meta.dirname, 'shared'),
};

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The data host runs in a utility process and its heavy jobs in worker threads
        // (backend/workers/runner.ts finds worker.js here): both built beside the main process entry.
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          host: resolve(import.meta.dirname, 'electron/backend/host.ts'),
          worker: resolve(import.meta.dirname, 'electron/backend/workers/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    // Relative asset paths so the same build loads from file:// (desktop) and from / (web mode).
    base: './',
    resolve: { alias: rendererAliases },
    plugins: [vue()],
    build: {
      // electron-vite leaves the renderer unminified; minified, the wall's ECharts chunk is a third the size.
      minify: true,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
