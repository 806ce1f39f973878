import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  openSync,
  writeSync,
  closeSync,
  truncateSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app';
import { newClient, signInAdmin, signInAs, testBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

const PAGE = 4096;
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

/** A data folder with an administrator, one more account, a backup, and then the given damage. */
async function damagedFolder(damage: (file: string, dir: string) => Promise<void> | void): Promise<string> {
  const backend = await testBackend();
  const admin = await signInAdmin(backend);
  for (let i = 0; i < 3; i += 1) await signInAs(backend, admin, ['duty_officer']);
  const made = await backend.call('backup.run', {}, admin);
  if (!made.ok) throw new Error(made.error.message);
  backend.close();
  await damage(backend.dbFile, backend.dataDir);
  return backend.dataDir;
}

/** Another app database whose WAL still holds uncheckpointed writes, its WAL copied while open. */
async function foreignWal(): Promise<string> {
  const other = await testBackend();
  const admin = await signInAdmin(other);
  other.close();
  const db = new Database(other.dbFile);
  db.pragma('wal_autocheckpoint = 0');
  db.exec(
    'CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO filler SELECT hex(randomblob(200)) FROM n',
  );
  const copy = join(tempDir(), 'foreign.db-wal');
  copyFileSync(`${other.dbFile}-wal`, copy);
  db.close();
  void admin;
  return copy;
}

const DAMAGES: Record<string, (file: string) => Promise<void> | void> = {
  truncated: (file) => truncateSync(file, Math.floor(statSync(file).size / 2 / PAGE) * PAGE + 100),
  'bad header': (file) => overwrite(file, 0, Buffer.from('NOT A DATABASE!!')),
  'damaged page': (file) => {
    const pages = statSync(file).size / PAGE;
    for (let page = 2; page < pages; page += 3) overwrite(file, page * PAGE + 8, Buffer.alloc(200, 0xa5));
  },
  'mismatched WAL': async (file) => copyFileSync(await foreignWal(), `${file}-wal`),
};

describe('a damaged data file at start-up', () => {
  for (const [kind, damage] of Object.entries(DAMAGES)) {
    it(`is moved aside intact, never opened, and restored from the newest good backup: ${kind}`, async () => {
      const dir = await damagedFolder(damage);
      const file = join(dir, 'zongzhi.db');
      const before = new Map(['', '-wal'].filter((s) => existsSync(file + s)).map((s) => [s, digest(file + s)]));

      const backend = await openBackend(dir);
      try {
        expect(backend.recovery).not.toBeNull();
        const aside = readdirSync(dir).filter((name) => name.startsWith('damaged-'));
        expect(aside).toHaveLength(1);
        for (const [suffix, hash] of before) expect(digest(join(dir, aside[0]!, `zongzhi.db${suffix}`))).toBe(hash);
        expect(existsSync(file)).toBe(false);

        const client = newClient();
        const refused = await backend.dispatch('auth.status', {}, client);
        expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'DATABASE_DAMAGED' } });
        const status = await backend.call('recovery.status', {}, client);
        expect(status).toMatchObject({ ok: true, data: { damaged: true, newestGood: { check: 'ok' } } });
        expect(status.ok && status.data.movedTo).toBe(join(dir, aside[0]!));

        const restored = await backend.call('recovery.restoreLatest', { confirm: true }, client);
        expect(restored).toMatchObject({ ok: true, data: { restored: { counts: { users: 4 } } } });
        expect(backend.recovery).toBeNull();
        expect(await backend.call('auth.status', {}, client)).toMatchObject({ ok: true, data: { needsSetup: false } });
        const users = backend.services.sql.db.prepare('SELECT count(*) FROM users').pluck().get();
        expect(users).toBe(4);
      } finally {
        backend.close();
      }
    });
  }

  it('opens a healthy file as usual and refuses the recovery methods', async () => {
    const backend = await testBackend();
    expect(backend.recovery).toBeNull();
    const refused = await backend.call('recovery.restoreLatest', { confirm: true }, newClient());
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
