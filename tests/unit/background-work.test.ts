import { closeSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { readStatus } from '../../electron/backend/features/backup/status';
import { signInAdmin, seed, testBackend } from '../helpers/backend';
import { must, petitionBackend, registration } from '../helpers/petitions';

/** Rows of filler text in a table of their own, with an index over them: a file of some twenty megabytes. */
const FILLER = `CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;
  CREATE INDEX filler_text ON filler (text);
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
  INSERT INTO filler (text) SELECT hex(randomblob(120)) FROM n;`;

describe('heavy work off the calls’ thread', () => {
  it('answers a list call while a backup copies and checks a large file in a worker', { timeout: 60_000 }, async () => {
    const setup = await petitionBackend();
    seed(setup.backend, FILLER);
    const registered = await must(setup.backend.call('petitions.create', registration(), setup.officer));
    const order: string[] = [];
    const backup = setup.backend.call('backup.run', {}, setup.admin).then((result) => {
      order.push('backup');
      return result;
    });
    const listed = await must(setup.backend.call('petitions.list', {}, setup.officer));
    order.push('list');
    expect((await backup).ok).toBe(true);
    // The list came back while the backup was still copying and checking, not after it.
    expect(order).toEqual(['list', 'backup']);
    expect(listed.items.map((item) => item.id)).toEqual([registered.petition.id]);
  });
});

/** Overwrites the middle of every page of the filler's index: damage the start-up's reads never meet. */
function damageIndex(file: string): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'filler_text' AND pagetype = 'leaf'")
    .pluck()
    .all() as number[];
  db.close();
  const fd = openSync(file, 'r+');
  for (const page of pages) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (page - 1) * pageSize + pageSize / 2);
  closeSync(fd);
}

describe('the full integrity check after start-up', () => {
  it('runs in the background and records its result for the administrator', async () => {
    const backend = await testBackend({ integrityCheckDelayMs: 0 });
    const admin = await signInAdmin(backend);
    const dir = join(backend.dataDir, 'backups');
    await vi.waitFor(() => expect(readStatus(dir).lastIntegrityCheck).not.toBeNull(), { timeout: 15_000 });
    expect(readStatus(dir).lastIntegrityCheck).toMatchObject({ ok: true, message: '数据文件完整性检查通过' });
    const overview = await must(backend.call('backup.list', {}, admin));
    expect(overview.status.lastIntegrityCheck?.ok).toBe(true);
  });

  it('takes a file it finds damaged out of use, as the start-up check does', { timeout: 60_000 }, async () => {
    const first = await testBackend();
    await signInAdmin(first);
    seed(first, FILLER);
    first.close();
    damageIndex(first.dbFile);

    const backend = await testBackend({ integrityCheckDelayMs: 0 }, first.dataDir);
    // Served at once: only the header was checked before.
    expect(backend.recovery).toBeNull();
    await vi.waitFor(() => expect(backend.recovery).not.toBeNull(), { timeout: 30_000 });
    const status = readStatus(join(backend.dataDir, 'backups')).lastIntegrityCheck;
    expect(status?.ok).toBe(false);
    expect(status?.message).toMatch(/^数据文件未通过完整性检查：/);
    const moved = readdirSync(backend.dataDir).filter((name) => name.startsWith('damaged-'));
    expect(moved).toHaveLength(1);
    expect(existsSync(join(backend.dataDir, moved[0]!, 'zongzhi.db'))).toBe(true);
    const refused = await backend.call(
      'auth.status',
      {},
      { transport: 'ipc', client: 'x', jar: { get: () => undefined, set: () => {} } },
    );
    expect(refused.ok === false && refused.error.reason).toBe('DATABASE_DAMAGED');
  });
});
