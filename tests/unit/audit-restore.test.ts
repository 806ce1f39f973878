import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import { auditorCredentials, signInAdmin, signInAs, signInWith, testBackend } from '../helpers/backend';

const chain = (backend: Backend) =>
  backend.services.sql.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all() as {
    seq: number;
    hash: string;
  }[];

async function backup(backend: Backend, admin: CallContext): Promise<string> {
  const made = await backend.call('backup.run', {}, admin);
  if (!made.ok) throw new Error(made.error.message);
  return made.data.name;
}

/** Copies another installation's backup (file and sidecar) into this one's backup folder. */
function bringIn(from: Backend, to: Backend, name: string): void {
  mkdirSync(join(to.dataDir, 'backups'), { recursive: true });
  for (const file of [name, name.replace(/\.db$/, '.json')]) {
    copyFileSync(join(from.dataDir, 'backups', file), join(to.dataDir, 'backups', file));
  }
}

describe('restoring an older backup', () => {
  it('keeps every audit row written after it, carried into the restored database, which verifies as 完整', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const name = await backup(backend, admin);
    await signInAs(backend, admin, ['duty_officer']);
    await backend.call('users.list', {}, admin);
    const before = chain(backend);

    const restored = await backend.call('backup.restore', { name, location: 'primary', confirm: true }, admin);
    if (!restored.ok) throw new Error(restored.error.message);
    const after = chain(backend);
    expect(after.slice(0, before.length)).toEqual(before);
    const actions = backend.services.sql.db
      .prepare('SELECT action, detail FROM audit_log WHERE seq > ? ORDER BY seq')
      .all(before.length) as { action: string; detail: string }[];
    expect(actions.map((row) => row.action)).toEqual(['backup.restore', 'backup.run', 'backup.restore']);
    expect(actions.at(-1)!.detail).toMatch(/^已恢复：.*备份之后写入的审计记录已原样接续保留$/);
    // The officer's account is gone with the backup's data; the rows recording it are not.
    expect(
      backend.services.sql.db.prepare("SELECT count(*) FROM users WHERE username LIKE 'user%'").pluck().get(),
    ).toBe(0);

    const auditor = await signInWith(backend, auditorCredentials);
    const verified = await backend.call('audit.verify', {}, auditor);
    expect(verified).toMatchObject({
      ok: true,
      data: { ok: true, message: expect.stringMatching(/^审计日志哈希链完整/) },
    });

    backend.close();
    const reopened = await testBackend({}, backend.dataDir);
    const again = await signInWith(reopened, auditorCredentials);
    expect(await reopened.call('audit.status', {}, again)).toMatchObject({ ok: true, data: { ok: true } });
  });

  it('refuses a backup whose audit chain went another way, changing nothing', async () => {
    const other = await testBackend();
    const otherAdmin = await signInAdmin(other);
    const foreign = await backup(other, otherAdmin);
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    bringIn(other, backend, foreign);
    const before = chain(backend);
    const refused = await backend.call('backup.restore', { name: foreign, location: 'primary', confirm: true }, admin);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('该备份的审计日志与当前审计日志不衔接') },
    });
    expect(chain(backend)).toEqual(before);
  });
});

describe('backup rotation', () => {
  it('never deletes a backup holding audit rows the live log lacks', async () => {
    const other = await testBackend();
    const foreign = await backup(other, await signInAdmin(other));
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    bringIn(other, backend, foreign);
    await backend.call('settings.updateBackup', { generations: 3, secondaryDir: '' }, admin);
    // A name freed by rotation is taken again within the same second: counted once.
    const own = new Set<string>();
    for (let i = 0; i < 5; i += 1) own.add(await backup(backend, admin));
    expect(existsSync(join(backend.dataDir, 'backups', foreign))).toBe(true);
    expect([...own].filter((name) => existsSync(join(backend.dataDir, 'backups', name)))).toHaveLength(3);
  });
});
