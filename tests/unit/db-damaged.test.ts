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
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app';
import { prune } from '../../electron/backend/features/backup/folder';
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
        // Three accounts and the auditor created with the administrator at first-run setup.
        expect(restored).toMatchObject({ ok: true, data: { restored: { counts: { users: 5 } } } });
        // A legitimate recovery is not reported as tampering: rows after the backup stay in the moved-aside file.
        expect(backend.services.auditStatus.current).toMatchObject({ ok: true });
        expect(backend.recovery).toBeNull();
        expect(await backend.call('auth.status', {}, client)).toMatchObject({ ok: true, data: { needsSetup: false } });
        const users = backend.services.sql.db.prepare('SELECT count(*) FROM users').pluck().get();
        expect(users).toBe(5);
      } finally {
        backend.close();
      }
    });
  }

  const LOSSES: Record<string, { lose: (file: string) => void; movedAside: boolean; problem: RegExp }> = {
    missing: {
      lose: (file) => ['', '-wal', '-shm'].forEach((suffix) => rmSync(file + suffix, { force: true })),
      movedAside: false,
      problem: /不存在/,
    },
    'empty (0 bytes)': {
      lose: (file) => {
        for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
        truncateSync(file, 0);
      },
      movedAside: true,
      problem: /为空/,
    },
  };
  for (const [kind, { lose, movedAside, problem }] of Object.entries(LOSSES)) {
    it(`is, when ${kind} with backups beside it, a recovery and not a fresh install`, async () => {
      const dir = await damagedFolder(lose);
      const backend = await openBackend(dir);
      try {
        const client = newClient();
        expect(backend.recovery).toMatchObject({ problem: expect.stringMatching(problem) });
        // Nobody can make themselves the administrator of an empty county.
        expect(
          await backend.dispatch(
            'auth.setup',
            {
              username: 'intruder',
              displayName: '某',
              password: 'Intruder-2026',
              auditor: { username: 'accomplice', displayName: '某', password: 'Intruder-2026' },
            },
            client,
          ),
        ).toMatchObject({
          ok: false,
          error: { reason: 'DATABASE_DAMAGED' },
        });
        const status = await backend.call('recovery.status', {}, client);
        expect(status).toMatchObject({ ok: true, data: { damaged: true, newestGood: { check: 'ok' } } });
        const aside = readdirSync(dir).filter((name) => name.startsWith('damaged-'));
        expect(aside).toHaveLength(movedAside ? 1 : 0);
        expect(status.ok && status.data.movedTo).toBe(movedAside ? join(dir, aside[0]!) : null);

        expect(await backend.call('recovery.restoreLatest', { confirm: true }, client)).toMatchObject({ ok: true });
        expect(backend.services.sql.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(5);
        expect(backend.services.auditStatus.current).toMatchObject({ ok: true });
      } finally {
        backend.close();
      }
    });
  }

  it('starts afresh where there is no data file and no backup', async () => {
    const backend = await openBackend(tempDir());
    try {
      expect(backend.recovery).toBeNull();
      expect(await backend.call('auth.status', {}, newClient())).toMatchObject({
        ok: true,
        data: { needsSetup: true },
      });
    } finally {
      backend.close();
    }
  });

  it('opens a healthy file as usual and refuses the recovery methods', async () => {
    const backend = await testBackend();
    expect(backend.recovery).toBeNull();
    const refused = await backend.call('recovery.restoreLatest', { confirm: true }, newClient());
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Public, yet no key of a working installation can be replaced through it.
    const keyBefore = readFileSync(join(backend.dataDir, 'personal.key'));
    const keys = await backend.call(
      'recovery.importKeys',
      { text: '{}', passphrase: '随便什么口令-123456' },
      newClient(),
    );
    expect(keys).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(readFileSync(join(backend.dataDir, 'personal.key')).equals(keyBefore)).toBe(true);
  });
});

describe('backup rotation', () => {
  /** A backup as the folder lists it: the file and its sidecar with the record counts. */
  function fakeBackup(dir: string, day: number, counts: Record<string, number>): string {
    const name = `zongzhi-2026120${day}-020000-daily.db`;
    writeFileSync(join(dir, name), 'x');
    const meta = {
      createdAt: `2026-12-0${day}T02:00:00.000Z`,
      label: 'daily',
      sizeBytes: 1,
      schemaVersion: 15,
      counts,
      check: 'ok',
    };
    writeFileSync(join(dir, name.replace(/\.db$/, '.json')), JSON.stringify(meta));
    return name;
  }

  it('never rotates out the newest backups of the county for backups of an emptied database', () => {
    const dir = tempDir();
    const county = [1, 2, 3].map((day) => fakeBackup(dir, day, { regions: 240, petitions: 500, users: 9 }));
    const emptied = [4, 5, 6, 7].map((day) =>
      fakeBackup(dir, day, { regions: 0, petitions: 0, users: 1, dict_entries: 80 }),
    );
    prune(dir, 2);
    const left = readdirSync(dir)
      .filter((name) => name.endsWith('.db'))
      .sort();
    expect(left).toEqual([county[1], county[2], emptied[2], emptied[3]].sort());
  });
});
