import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../electron/backend/audit/verify';
import { signInAdmin, testBackend } from '../helpers/backend';

describe('a full disk', () => {
  it('rolls the write back, says so in Chinese, keeps reads working and loses nothing committed', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const { db } = backend.services.sql;
    const count = () => db.prepare('SELECT count(*) FROM users').pluck().get() as number;
    const auditRows = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    // The database may not grow past its current size: the next pages it needs are "disk full".
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);

    let failure: Awaited<ReturnType<typeof backend.call<'users.create'>>> | undefined;
    let created = 0;
    for (let i = 0; i < 500 && !failure; i += 1) {
      const [users, audit] = [count(), auditRows()];
      const result = await backend.call(
        'users.create',
        {
          username: `full${i}`,
          displayName: `测试${'满'.repeat(20)}${i}`,
          roles: ['duty_officer'],
          password: 'Initial-2026-pw',
        },
        admin,
      );
      if (result.ok) created += 1;
      else {
        failure = result;
        expect([count(), auditRows()]).toEqual([users, audit]);
      }
    }
    expect(failure).toMatchObject({ ok: false, error: { code: 'INTERNAL', reason: 'DISK_FULL' } });
    expect(failure?.ok === false && failure.error.message).toMatch(/磁盘空间不足.*已自动撤销/);
    // The administrator and the auditor of first-run setup, and the accounts created before the disk filled.
    expect(count()).toBe(2 + created);

    const list = await backend.call('users.list', {}, admin);
    expect(list).toMatchObject({ ok: true, data: { total: 2 + created } });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyChain(backend.services.sql, backend.services.auditKey, new Date()).ok).toBe(true);

    db.pragma('max_page_count = 1073741823');
    const again = await backend.call(
      'users.create',
      { username: 'afterspace', displayName: '扩容后', roles: ['duty_officer'], password: 'Initial-2026-pw' },
      admin,
    );
    expect(again.ok).toBe(true);
  });
});
