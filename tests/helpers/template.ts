import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { tempDir } from './temp-dir';

const templates: string[] = [];

/**
 * A data folder built once per test file, on first use, and copied for each test that asks for
 * it: copying a SQLite file costs milliseconds, while building one (migrations, accounts with their
 * password hashes, seeded rows, a demo county) costs far more. Each test still gets a fresh folder
 * of its own. `build` fills the folder and closes its backend (so the WAL is checkpointed into the
 * database file); what it returns (account names, ids) comes with every copy. Sessions live in a
 * backend's memory, so a test signs in again on its copy.
 */
export function dataTemplate<T>(build: (dataDir: string) => Promise<T>): () => Promise<{ dataDir: string; built: T }> {
  let template: Promise<{ dir: string; built: T }> | undefined;
  return async () => {
    template ??= (async () => {
      // Not a tempDir(): those go after each test, and the template serves the whole file.
      const dir = mkdtempSync(join(tmpdir(), 'zz-template-'));
      templates.push(dir);
      return { dir, built: await build(dir) };
    })();
    const { dir, built } = await template;
    const dataDir = tempDir();
    cpSync(dir, dataDir, { recursive: true });
    return { dataDir, built };
  };
}

afterAll(() => {
  for (const dir of templates.splice(0)) rmSync(dir, { recursive: true, force: true });
});
