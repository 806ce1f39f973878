import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from '../../scripts/import-cycles';
import { tempDir } from '../helpers/temp-dir';

/** A fixture tree in a temp folder: path → content. */
function tree(files: Record<string, string>): string {
  const root = tempDir('zz-cycles-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const cyclesIn = (root: string, aliases = {}) => findCycles(importGraph(root, ['src'], aliases));

describe('import cycle check', () => {
  it('reports a cycle made only of type imports, as a chain of files', () => {
    const root = tree({
      'src/a.ts': "import type { B } from './b';\nexport interface A { b: B }\n",
      'src/b.ts': "export type { C as B } from './lib';\n",
      'src/lib/index.ts': "export interface C { a: import('../a').A }\n",
    });
    expect(cyclesIn(root)).toEqual([['src/a.ts', 'src/b.ts', 'src/lib/index.ts', 'src/a.ts']]);
  });

  it('reads .vue script blocks, resolves aliases, counts dynamic imports and skips packages', () => {
    const root = tree({
      'src/Drawer.vue':
        '<script setup lang="ts">\nimport Link from \'@/Link.vue\';\n</script>\n<template><Link /></template>\n',
      'src/Link.vue': '<script setup lang="ts">\nconst Drawer = () => import(\'./Drawer.vue\');\n</script>\n',
      'src/util.ts': "import { ref } from 'vue';\nexport const r = ref(0);\n",
    });
    expect(cyclesIn(root, { '@': join(root, 'src') })).toEqual([['src/Drawer.vue', 'src/Link.vue', 'src/Drawer.vue']]);
  });

  it('lists every cycle of a tangle once, and none in a tree without cycles', () => {
    const root = tree({
      'src/a.ts': "import './b';\nimport './c';\n",
      'src/b.ts': "import './a';\nimport './c';\n",
      'src/c.ts': "import './a';\n",
      'src/d.ts': "import './a';\n",
    });
    expect(cyclesIn(root)).toEqual([
      ['src/a.ts', 'src/b.ts', 'src/a.ts'],
      ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts'],
      ['src/a.ts', 'src/c.ts', 'src/a.ts'],
    ]);
    expect(cyclesIn(tree({ 'src/a.ts': "import './b';\n", 'src/b.ts': 'export {};\n' }))).toEqual([]);
  });

  it('refuses an import it cannot resolve rather than skip a possible cycle', () => {
    const root = tree({ 'src/a.ts': "import type { X } from './missing';\nexport type Y = X;\n" });
    expect(() => cyclesIn(root)).toThrow("src/a.ts: cannot resolve './missing'");
  });
});
