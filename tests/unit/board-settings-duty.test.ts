import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { DEFAULT_BOARD_SETTINGS } from '../../shared/domain/board/board-settings';
import { signInAs } from '../helpers/backend';
import { must, petitionBackend } from '../helpers/petitions';

const webOff = { enabled: false, address: '127.0.0.1', port: 8787 };
const input = (over: Record<string, unknown> = {}) => ({
  weights: DEFAULT_BOARD_SETTINGS.weights,
  refreshSeconds: 30,
  web: webOff,
  ...over,
});

function auditRows(dbFile: string, action: string) {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare('SELECT entity_id AS entityId, detail FROM audit_log WHERE action = ? ORDER BY seq')
      .all(action) as Array<{
      entityId: string;
      detail: string;
    }>;
  } finally {
    db.close();
  }
}

describe('board settings', { timeout: 20_000 }, () => {
  it('start at their defaults and are the administrator’s only', async () => {
    const { backend, admin, officer } = await petitionBackend();
    expect(await must(backend.call('settings.getBoard', {}, admin))).toEqual(DEFAULT_BOARD_SETTINGS);
    expect(await backend.call('settings.getBoard', {}, officer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await backend.call('settings.updateBoard', input(), officer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('generate the web-mode token on each enabling, keep it while on, renew it on request, and never write it to the audit log', async () => {
    const { backend, admin } = await petitionBackend();
    const enabled = await must(
      backend.call(
        'settings.updateBoard',
        input({ web: { ...webOff, enabled: true, address: '192.168.1.20' } }),
        admin,
      ),
    );
    expect(enabled.web).toMatchObject({ enabled: true, address: '192.168.1.20', port: 8787 });
    expect(enabled.web.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const kept = await must(
      backend.call('settings.updateBoard', input({ web: { ...webOff, enabled: true, port: 9000 } }), admin),
    );
    expect(kept.web.token).toBe(enabled.web.token);
    const renewed = await must(
      backend.call('settings.updateBoard', input({ web: { ...webOff, enabled: true, renewToken: true } }), admin),
    );
    expect(renewed.web.token).not.toBe(enabled.web.token);
    expect(await must(backend.call('settings.getBoard', {}, admin))).toEqual(renewed);
    // Off and on again: the address handed out before no longer opens the board.
    await must(backend.call('settings.updateBoard', input({ web: webOff }), admin));
    const again = await must(backend.call('settings.updateBoard', input({ web: { ...webOff, enabled: true } }), admin));
    expect(again.web.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([enabled.web.token, renewed.web.token]).not.toContain(again.web.token);

    const rows = auditRows(backend.dbFile, 'settings.update').filter((r) => r.entityId === 'board');
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.detail).toContain('大屏网页模式');
      expect(row.detail).not.toContain(enabled.web.token);
      expect(row.detail).not.toContain(renewed.web.token);
    }
    expect(rows[0]!.detail).toContain('"token":"未设置"');
    expect(rows[0]!.detail).toContain('"token":"已设置（指纹');
  });

  it('refuse out-of-bounds weights, refresh intervals, addresses (a wildcard too) and ports, naming the field, and keep the old values', async () => {
    const { backend, admin } = await petitionBackend();
    const refused = async (over: Record<string, unknown>, path: string, message: RegExp) => {
      const result = await backend.call('settings.updateBoard', input(over) as never, admin);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) {
        expect(result.error.details?.[0]?.path).toBe(path);
        expect(result.error.details?.[0]?.message).toMatch(message);
      }
    };
    const weights = DEFAULT_BOARD_SETTINGS.weights;
    await refused({ weights: { ...weights, red: -1 } }, 'weights.red', /红色隐患权重不能为负数/);
    await refused({ weights: { ...weights, openCase: 1001 } }, 'weights.openCase', /在办积案权重不能超过 1000/);
    await refused({ weights: { ...weights, halfScore: 0 } }, 'weights.halfScore', /半饱和分至少为 1/);
    await refused({ refreshSeconds: 5 }, 'refreshSeconds', /不能少于 10 秒/);
    await refused({ refreshSeconds: 601 }, 'refreshSeconds', /不能超过 600 秒/);
    await refused({ web: { ...webOff, address: 'localhost' } }, 'web.address', /IPv4 地址/);
    await refused({ web: { ...webOff, address: '256.1.1.1' } }, 'web.address', /IPv4 地址/);
    await refused({ web: { ...webOff, port: 80 } }, 'web.port', /1024–65535/);
    await refused({ web: { ...webOff, enabled: true, address: '0.0.0.0' } }, 'web.address', /不能填写 0\.0\.0\.0/);
    await refused({ web: { ...webOff, token: 'chosen-by-client' } }, 'web', /不认识的字段/);
    expect(await must(backend.call('settings.getBoard', {}, admin))).toEqual(DEFAULT_BOARD_SETTINGS);
    expect(auditRows(backend.dbFile, 'settings.update')).toEqual([]);
  });
});

describe('the duty roster', { timeout: 20_000 }, () => {
  const day: InputOf<'duty.save'> = {
    date: '2026-11-22',
    entries: [
      { role: 'leader', name: '吴带班', phone: '13933334444' },
      { role: 'officer', name: '周值班', phone: '0371-12345678' },
      { role: 'officer', name: '郑值班' },
    ],
  };

  it('is saved a day at a time by a duty officer or the administrator, and replaced whole', async () => {
    const { backend, officer, admin, leader } = await petitionBackend();
    expect(await must(backend.call('duty.save', day, officer))).toEqual({
      date: '2026-11-22',
      entries: [
        { role: 'leader', name: '吴带班', phone: '13933334444' },
        { role: 'officer', name: '周值班', phone: '0371-12345678' },
        { role: 'officer', name: '郑值班', phone: null },
      ],
    });
    await must(
      backend.call('duty.save', { date: '2026-11-23', entries: [{ role: 'officer', name: '王值班' }] }, admin),
    );
    await must(backend.call('duty.save', { date: '2026-11-22', entries: [{ role: 'leader', name: '冯带班' }] }, admin));
    expect(await must(backend.call('duty.list', { from: '2026-11-01', to: '2026-11-30' }, leader))).toEqual([
      { date: '2026-11-22', entries: [{ role: 'leader', name: '冯带班', phone: null }] },
      { date: '2026-11-23', entries: [{ role: 'officer', name: '王值班', phone: null }] },
    ]);
    await must(backend.call('duty.save', { date: '2026-11-23', entries: [] }, officer));
    expect(await must(backend.call('duty.list', { from: '2026-11-23', to: '2026-11-23' }, officer))).toEqual([]);

    // Audited with counts per role, never the names or phones.
    const rows = auditRows(backend.dbFile, 'duty.save');
    expect(rows.map((r) => [r.entityId, r.detail])).toEqual([
      ['2026-11-22', '带班领导 1 人，值班员 2 人'],
      ['2026-11-23', '带班领导 0 人，值班员 1 人'],
      ['2026-11-22', '带班领导 1 人，值班员 0 人'],
      ['2026-11-23', '带班领导 0 人，值班员 0 人'],
    ]);
  });

  it('is written only with duty.write and read only with board.read', async () => {
    const { backend, admin, leader } = await petitionBackend();
    expect(await backend.call('duty.save', day, leader)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const auditor = await signInAs(backend, admin, ['auditor']);
    expect(await backend.call('duty.list', { from: '2026-11-22', to: '2026-11-22' }, auditor.client)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('refuses a repeated name in one role, a bad phone and a reversed or too long range, in Chinese', async () => {
    const { backend, officer } = await petitionBackend();
    const twice = await backend.call(
      'duty.save',
      {
        date: '2026-11-22',
        entries: [
          { role: 'officer', name: '周值班' },
          { role: 'officer', name: '周值班' },
        ],
      },
      officer,
    );
    expect(twice).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: [{ path: 'entries.1.name', message: '“周值班”在同一岗位重复填写，请删去一行' }],
      },
    });
    expect(
      await backend.call(
        'duty.save',
        { date: '2026-11-22', entries: [{ role: 'officer', name: '周', phone: 'abc' }] },
        officer,
      ),
    ).toMatchObject({ ok: false, error: { details: [{ path: 'entries.0.phone' }] } });
    expect(await backend.call('duty.list', { from: '2026-11-22', to: '2026-11-01' }, officer)).toMatchObject({
      ok: false,
      error: { details: [{ path: 'to', message: '结束日期不能早于开始日期' }] },
    });
    expect(await backend.call('duty.list', { from: '2026-01-01', to: '2026-12-31' }, officer)).toMatchObject({
      ok: false,
      error: { details: [{ path: 'to', message: '一次最多查询 62 天，请缩短日期范围' }] },
    });
    expect(await must(backend.call('duty.list', { from: '2026-11-01', to: '2026-11-30' }, officer))).toEqual([]);
  });
});
