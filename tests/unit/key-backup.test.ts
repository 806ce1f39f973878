import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app';
import type { Backend } from '../../electron/backend/backend';
import { BACKUP_DIR_NAME, DB_FILE_NAME } from '../../electron/backend/db/database';
import { cipherOf } from '../../electron/backend/db/personal-cipher';
import { ADMIN, auditorCredentials, newClient, signInAdmin, signInWith, testBackend } from '../helpers/backend';
import { TEST_PASSWORD_HASH_COST } from '../helpers/hash-cost';
import { must, PETITIONER, petitionBackend, registration } from '../helpers/petitions';
import { tempDir } from '../helpers/temp-dir';

const PASSPHRASE = '东镇综治中心-密钥-2026';

/** The key backup of a backend, as the administrator downloads it. */
async function exportedKeys(backend: Backend, admin: Parameters<Backend['call']>[2]): Promise<string> {
  const file = await must(
    backend.call('backup.exportKeys', { passphrase: PASSPHRASE, auditorConfirmation: auditorCredentials }, admin),
  );
  expect(file.fileName).toMatch(/^综治工作台密钥备份-(测试县|本机)-\d{8}-\d{6}\.zzkeys$/);
  return Buffer.from(file.base64, 'base64').toString('utf8');
}

/** A new computer's data folder holding only a copy of the centre's backups (the app never started there). */
function newComputerWith(backend: Backend): string {
  const dir = tempDir();
  const from = join(backend.dataDir, BACKUP_DIR_NAME);
  mkdirSync(join(dir, BACKUP_DIR_NAME));
  for (const name of readdirSync(from)) writeFileSync(join(dir, BACKUP_DIR_NAME, name), readFileSync(join(from, name)));
  return dir;
}

describe('key backup (密钥备份)', () => {
  it('is exported only with a passphrase of 12 characters and an auditor’s confirmation, and audited', async () => {
    const { backend, admin } = await petitionBackend();
    const withoutAuditor = await backend.call('backup.exportKeys', { passphrase: PASSPHRASE }, admin);
    expect(withoutAuditor).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: [{ path: 'auditorConfirmation' }] },
    });
    const wrongAuditor = await backend.call(
      'backup.exportKeys',
      { passphrase: PASSPHRASE, auditorConfirmation: { ...auditorCredentials, password: 'Not-The-Password-1' } },
      admin,
    );
    expect(wrongAuditor).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const short = await backend.call(
      'backup.exportKeys',
      { passphrase: 'short-1', auditorConfirmation: auditorCredentials },
      admin,
    );
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'passphrase' }] } });

    const text = await exportedKeys(backend, admin);
    // The keys travel sealed: neither key file's content is in the file.
    for (const name of ['personal.key', 'audit.key']) {
      const stored = readFileSync(join(backend.dataDir, name), 'utf8').split('\n')[2]!;
      expect(text).not.toContain(stored);
    }
    expect(JSON.parse(text)).toMatchObject({ format: 'zongzhi-keys', county: '测试县', kdf: { name: 'scrypt' } });
    const rows = backend.services.sql.db
      .prepare("SELECT result, detail FROM audit_log WHERE action = 'backup.exportKeys'")
      .all();
    expect(rows).toEqual([{ result: 'success', detail: expect.stringContaining('经审计员 auditor 确认') }]);
  });

  it('moves the centre to a new computer: its backups restore there once the key backup is imported', async () => {
    const there = await petitionBackend();
    const { petition } = await must(there.backend.call('petitions.create', registration(), there.officer));
    await must(there.backend.call('backup.run', {}, there.admin));
    const keys = await exportedKeys(there.backend, there.admin);
    const other = await testBackend();
    const otherKeys = await exportedKeys(other, await signInAdmin(other));

    const dir = newComputerWith(there.backend);
    const backend = await openBackend(dir, { passwordHashCost: TEST_PASSWORD_HASH_COST, dailyBackups: false });
    try {
      const client = newClient();
      // The backup is good, but sealed with keys this computer does not have: nothing is offered or written.
      expect(await backend.call('recovery.status', {}, client)).toMatchObject({
        ok: true,
        data: { damaged: true, newestGood: null, needsKeys: true },
      });
      const refused = await backend.call('recovery.restoreLatest', { confirm: true }, client);
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(!refused.ok && refused.error.message).toContain('导入该中心导出的密钥备份');
      expect(existsSync(join(dir, DB_FILE_NAME))).toBe(false);

      const wrongPassphrase = await backend.call(
        'recovery.importKeys',
        { text: keys, passphrase: '另一个口令-不是导出时的' },
        client,
      );
      expect(wrongPassphrase).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', details: [{ path: 'passphrase' }] },
      });
      expect(existsSync(join(dir, 'personal.key'))).toBe(false);
      const foreign = await backend.call('recovery.importKeys', { text: otherKeys, passphrase: PASSPHRASE }, client);
      expect(foreign).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'file' }] } });
      expect(existsSync(join(dir, 'personal.key'))).toBe(false);
      const notKeys = await backend.call(
        'recovery.importKeys',
        { text: '{"format":"x"}', passphrase: PASSPHRASE },
        client,
      );
      expect(notKeys).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'file' }] } });

      expect(await backend.call('recovery.importKeys', { text: keys, passphrase: PASSPHRASE }, client)).toMatchObject({
        ok: true,
        data: { county: '测试县' },
      });
      expect(await backend.call('recovery.status', {}, client)).toMatchObject({
        ok: true,
        data: { needsKeys: false, newestGood: { check: 'ok' } },
      });
      await must(backend.call('recovery.restoreLatest', { confirm: true }, client));

      // The personal data opens with the imported key, and the audit chain verifies with the imported audit key.
      expect(backend.services.auditStatus.current).toMatchObject({ ok: true });
      await signInWith(backend, ADMIN);
      const sealed = backend.services.sql.db
        .prepare('SELECT id_number FROM petitioners WHERE petition_id = ?')
        .pluck()
        .get(petition.id) as string;
      expect(cipherOf(backend.services.sql.db).open(sealed)).toBe(PETITIONER.idNumber);
      const restoredRow = backend.services.sql.db
        .prepare("SELECT detail FROM audit_log WHERE action = 'recovery.restoreLatest'")
        .pluck()
        .get();
      expect(restoredRow).toContain('导入了');
    } finally {
      backend.close();
    }
  });
});
