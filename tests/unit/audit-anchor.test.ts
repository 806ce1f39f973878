import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { AUDIT_HEAD_FILE } from '../../electron/backend/audit/head';
import { AUDIT_KEY_FILE } from '../../electron/backend/audit/key';
import { auditorCredentials, newClient, signInAdmin, signInWith, testBackend } from '../helpers/backend';

/** Raw SQL on the file, the way someone holding the file could cut the log (the triggers dropped first). */
function cut(backend: Backend, statements: string): void {
  const db = new Database(backend.dbFile);
  db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${statements}`);
  db.close();
}

const lastSeq = (backend: Backend): number =>
  backend.services.sql.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;

const actionsOf = (backend: Backend, action: string) =>
  backend.services.sql.db.prepare('SELECT result, detail FROM audit_log WHERE action = ?').all(action) as {
    result: string;
    detail: string;
  }[];

/** A used data folder, closed: the administrator and the auditor set up, a few rows written. */
async function usedFolder(): Promise<{ dataDir: string; rows: number }> {
  const backend = await testBackend();
  const admin = await signInAdmin(backend);
  await backend.call('users.list', {}, admin);
  await backend.call('auth.logout', {}, admin);
  const rows = lastSeq(backend);
  backend.close();
  return { dataDir: backend.dataDir, rows };
}

async function statusAfterReopen(dataDir: string) {
  const reopened = await testBackend({}, dataDir);
  const auditor = await signInWith(reopened, auditorCredentials);
  const status = await reopened.call('audit.status', {}, auditor);
  if (!status.ok) throw new Error(status.error.message);
  return { reopened, status: status.data!, auditor };
}

describe('the audit head anchored outside the table', () => {
  it('is written beside the database, signed, after the rows commit', async () => {
    const { dataDir, rows } = await usedFolder();
    const head = JSON.parse(readFileSync(join(dataDir, AUDIT_HEAD_FILE), 'utf8')) as { seq: number; mac: string };
    expect(head.seq).toBe(rows);
    expect(head.mac).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports the last row deleted, naming it, at start-up and in the log', async () => {
    const { dataDir, rows } = await usedFolder();
    const backend = await testBackend({}, dataDir);
    backend.close();
    const db = new Database(join(dataDir, 'zongzhi.db'));
    const before = db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    db.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = ${before};`);
    db.close();

    const { reopened, status } = await statusAfterReopen(dataDir);
    expect(before).toBeGreaterThanOrEqual(rows);
    expect(status).toMatchObject({ ok: false, firstBadSeq: before });
    expect(status.message).toContain(`审计日志末尾缺少第 ${before} 条`);
    expect(actionsOf(reopened, 'audit.startupVerify')).toEqual([
      { result: 'failure', detail: expect.stringContaining(`缺少第 ${before} 条`) },
    ]);
  });

  it('reports every row deleted', async () => {
    const { dataDir, rows } = await usedFolder();
    const db = new Database(join(dataDir, 'zongzhi.db'));
    db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;');
    db.close();
    const { status } = await statusAfterReopen(dataDir);
    expect(status.ok).toBe(false);
    expect(status.message).toContain(`审计日志末尾缺少第 1 至 ${rows} 条`);
  });

  it('reports rows cut while the app runs when the auditor verifies, without moving the head onto them', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const auditor = await signInWith(backend, auditorCredentials);
    await backend.call('users.list', {}, admin);
    backend.services.auditHead.flush();
    const last = lastSeq(backend);
    cut(backend, `DELETE FROM audit_log WHERE seq >= ${last - 1}`);
    await backend.call('users.list', {}, admin); // a new row lands where the cut ones were
    const verified = await backend.call('audit.verify', {}, auditor);
    expect(verified).toMatchObject({ ok: true, data: { ok: false } });
    if (verified.ok) expect(verified.data.message).toMatch(/第 \d+ 条与链头文件 audit\.head 记录的不符|末尾缺少/);
  });

  it('reports a missing head file where one was anchored, and checks against the backups’ copies', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    expect((await backend.call('backup.run', {}, admin)).ok).toBe(true);
    // The copy's head is the row before the backup's own row.
    const backedUp = lastSeq(backend) - 1;
    backend.close();
    rmSync(join(backend.dataDir, AUDIT_HEAD_FILE));
    const db = new Database(backend.dbFile);
    db.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq >= ${backedUp};`);
    db.close();

    const { status } = await statusAfterReopen(backend.dataDir);
    expect(status.ok).toBe(false);
    expect(status.message).toContain('审计链头文件 audit.head 缺失');
    expect(status.message).toContain(`末尾缺少第 ${backedUp} 条（最近备份中记录的最后一条是第 ${backedUp} 条`);
  });
});

describe('the append-only triggers', () => {
  it('are checked at start-up: a dropped or altered one is re-created and reported as tampering', async () => {
    const { dataDir } = await usedFolder();
    const db = new Database(join(dataDir, 'zongzhi.db'));
    db.exec(`DROP TRIGGER audit_log_no_delete;
      DROP TRIGGER audit_log_no_update;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END;`);
    db.close();

    const { reopened, status } = await statusAfterReopen(dataDir);
    expect(status.ok).toBe(false);
    expect(status.message).toContain('防篡改触发器被删除或改动');
    expect(actionsOf(reopened, 'audit.triggers')).toEqual([
      {
        result: 'failure',
        detail: '触发器 audit_log_no_update 被改动、触发器 audit_log_no_delete 缺失，已重新创建',
      },
    ]);
    const file = new Database(join(dataDir, 'zongzhi.db'));
    expect(() => file.prepare('DELETE FROM audit_log').run()).toThrow(/只能追加/);
    expect(() => file.prepare("UPDATE audit_log SET detail = 'x' WHERE seq = 1").run()).toThrow(/只能追加/);
    file.close();
  });

  it('are checked by the on-demand verification too', async () => {
    const backend = await testBackend();
    await signInAdmin(backend);
    const auditor = await signInWith(backend, auditorCredentials);
    const db = new Database(backend.dbFile);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.close();
    const verified = await backend.call('audit.verify', {}, auditor);
    expect(verified).toMatchObject({ ok: true, data: { ok: false, message: expect.stringContaining('已重新创建') } });
    expect(actionsOf(backend, 'audit.triggers')).toHaveLength(1);
  });
});

describe('a missing audit key', () => {
  it('is an alarm at start-up, recorded in the log, and verification no longer blames row 1', async () => {
    const { dataDir, rows } = await usedFolder();
    const oldKey = readFileSync(join(dataDir, AUDIT_KEY_FILE), 'utf8');
    rmSync(join(dataDir, AUDIT_KEY_FILE));

    const { reopened, status, auditor } = await statusAfterReopen(dataDir);
    expect(status.ok).toBe(false);
    expect(status.message).toMatch(/^审计密钥缺失/);
    expect(readFileSync(join(dataDir, AUDIT_KEY_FILE), 'utf8')).not.toBe(oldKey);
    const lost = actionsOf(reopened, 'audit.keyLost');
    expect(lost).toEqual([
      { result: 'failure', detail: expect.stringContaining(`第 1 至 ${rows} 条只能校验顺序和链接`) },
    ]);

    const verified = await reopened.call('audit.verify', {}, auditor);
    expect(verified).toMatchObject({ ok: true, data: { ok: true, firstBadSeq: null } });
    if (verified.ok) expect(verified.data.message).toContain(`其中第 1 至 ${rows} 条写于审计密钥丢失之前`);
  });

  it('is made silently only for a log without rows (a fresh install)', async () => {
    const backend = await testBackend();
    expect(existsSync(join(backend.dataDir, AUDIT_KEY_FILE))).toBe(true);
    expect(actionsOf(backend, 'audit.keyLost')).toEqual([]);
    const setup = await backend.call('auth.status', {}, newClient());
    expect(setup).toMatchObject({ ok: true, data: { needsSetup: true } });
  });
});
