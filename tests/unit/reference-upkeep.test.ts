import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import { signInAdmin, signInAs, testBackend } from '../helpers/backend';

/** A fresh install without the demo, its administrator signed in: a real county sets itself up. */
async function freshInstall(): Promise<{ backend: Backend; admin: CallContext }> {
  const backend = await testBackend();
  return { backend, admin: await signInAdmin(backend) };
}

function auditTrail(backend: Backend): Array<{ action: string; fields: string; detail: string }> {
  const db = new Database(backend.dbFile, { readonly: true });
  const rows = db
    .prepare(
      "SELECT action, fields, detail FROM audit_log WHERE action NOT LIKE 'auth.%' AND action NOT LIKE 'users.%' ORDER BY seq",
    )
    .all() as Array<{ action: string; fields: string; detail: string }>;
  db.close();
  return rows;
}

const ok = <T>(result: { ok: true; data: T } | { ok: false }): T => {
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result)}`);
  return result.data;
};

async function setUpCounty(backend: Backend, admin: CallContext) {
  ok(await backend.call('regions.setUpCounty', { divisionCode: '410122', name: '中牟县' }, admin));
  ok(await backend.call('regions.create', { parentCode: '410122000000', code: '410122100000', name: '城关镇' }, admin));
  ok(await backend.call('regions.create', { parentCode: '410122000000', code: '410122101000', name: '白沙镇' }, admin));
  ok(
    await backend.call('regions.create', { parentCode: '410122100000', code: '410122100001', name: '东街社区' }, admin),
  );
  ok(
    await backend.call(
      'regions.create',
      { parentCode: '410122100001', code: '410122100001001', name: '东街第一网格' },
      admin,
    ),
  );
}

describe('setting up the county', () => {
  it('creates the county, its townships, villages and grids, and lists them in the order entered', async () => {
    const { backend, admin } = await freshInstall();
    await setUpCounty(backend, admin);
    const info = ok(await backend.call('system.info', {}, admin));
    expect(info.county).toEqual({ code: '410122000000', name: '中牟县' });
    expect(info.counts).toMatchObject({ townships: 2, villages: 1, grids: 1 });
    const townships = ok(await backend.call('regions.list', { level: 'township' }, admin));
    expect(townships.items.map((r) => [r.name, r.childCount, r.enabled])).toEqual([
      ['城关镇', 1, true],
      ['白沙镇', 0, true],
    ]);
    expect(auditTrail(backend).map((row) => row.action)).toEqual([
      'regions.setUpCounty',
      'regions.create',
      'regions.create',
      'regions.create',
      'regions.create',
    ]);
  });

  it('renames the county but never changes its code', async () => {
    const { backend, admin } = await freshInstall();
    await setUpCounty(backend, admin);
    ok(await backend.call('regions.setUpCounty', { divisionCode: '410122', name: '中牟县（试）' }, admin));
    expect(ok(await backend.call('system.info', {}, admin)).county?.name).toBe('中牟县（试）');
    const other = await backend.call('regions.setUpCounty', { divisionCode: '410183', name: '新密市' }, admin);
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'divisionCode' }] },
    });
    expect(!other.ok && other.error.message).toContain('区划代码不能更改');
  });

  it('checks each code against its parent and names the field', async () => {
    const { backend, admin } = await freshInstall();
    await setUpCounty(backend, admin);
    const cases: Array<[object, string, string]> = [
      [{ parentCode: '410122000000', code: '410123102000', name: '甲镇' }, 'code', '乡镇/街道代码应为 12 位'],
      [{ parentCode: '410122100000', code: '410122101001', name: '甲村' }, 'code', '须在上级 410122100000 之下'],
      [{ parentCode: '410122100000', code: '410122100001', name: '甲村' }, 'code', '已被“东街社区”使用'],
      [{ parentCode: '410122100000', code: '410122100002', name: '东街社区' }, 'name', '已有名为“东街社区”'],
      [{ parentCode: '410122100001001', code: '410122100001001', name: '甲' }, 'code', '网格之下不能再设下级区划'],
      [{ parentCode: '410122109000', code: '410122109001', name: '甲村' }, '', '未找到区划代码为 410122109000'],
    ];
    for (const [input, path, message] of cases) {
      const result = await backend.call('regions.create', input as never, admin);
      expect(result.ok, message).toBe(false);
      if (result.ok) continue;
      expect(result.error.message).toContain(message);
      if (path) expect(result.error.details).toEqual([{ path, message: result.error.message }]);
    }
    expect(ok(await backend.call('system.info', {}, admin)).counts).toMatchObject({ townships: 2, villages: 1 });
  });

  it('disables a township with everything under it, keeps it for records, and enables it again', async () => {
    const { backend, admin } = await freshInstall();
    await setUpCounty(backend, admin);
    const disabled = ok(await backend.call('regions.setEnabled', { code: '410122100000', enabled: false }, admin));
    expect(disabled.enabled).toBe(false);
    expect(ok(await backend.call('regions.list', { level: 'township' }, admin)).items.map((r) => r.name)).toEqual([
      '白沙镇',
    ]);
    const all = ok(await backend.call('regions.list', { parentCode: '410122100000', includeDisabled: true }, admin));
    expect(all.items.map((r) => [r.name, r.enabled])).toEqual([['东街社区', false]]);
    const under = await backend.call(
      'regions.create',
      { parentCode: '410122100000', code: '410122100002', name: '西街' },
      admin,
    );
    expect(!under.ok && under.error.message).toContain('已停用');
    const village = await backend.call('regions.setEnabled', { code: '410122100001', enabled: true }, admin);
    expect(!village.ok && village.error.message).toContain('请先启用上级');
    ok(await backend.call('regions.setEnabled', { code: '410122100000', enabled: true }, admin));
    expect(ok(await backend.call('regions.get', { code: '410122100001' }, admin)).enabled).toBe(false);
    expect(
      auditTrail(backend)
        .slice(-2)
        .map((row) => row.action),
    ).toEqual(['regions.disable', 'regions.enable']);
  });

  it('renames a region among its siblings only', async () => {
    const { backend, admin } = await freshInstall();
    await setUpCounty(backend, admin);
    expect(
      ok(await backend.call('regions.rename', { code: '410122101000', name: '白沙镇人民政府驻地' }, admin)).name,
    ).toBe('白沙镇人民政府驻地');
    const twin = await backend.call('regions.rename', { code: '410122101000', name: '城关镇' }, admin);
    expect(!twin.ok && twin.error.details).toEqual([
      { path: 'name', message: expect.stringContaining('已有名为“城关镇”') },
    ]);
  });

  it('is the administrator’s alone', async () => {
    const { backend, admin } = await freshInstall();
    await setUpCounty(backend, admin);
    const { client: officer } = await signInAs(backend, admin, ['duty_officer']);
    const refused = await backend.call(
      'regions.create',
      { parentCode: '410122000000', code: '410122102000', name: '甲镇' },
      officer,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const units = await backend.call(
      'units.create',
      { code: 'X1', name: '中牟县信访局', kind: 'county_department' },
      officer,
    );
    expect(units).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('units and people', () => {
  it('creates units and people, masks the phone, reveals it with a reason, and audits no value', async () => {
    const { backend, admin } = await freshInstall();
    await setUpCounty(backend, admin);
    const bureau = ok(
      await backend.call('units.create', { code: 'XFJ', name: '中牟县信访局', kind: 'county_department' }, admin),
    );
    const town = ok(
      await backend.call(
        'units.create',
        { code: 'CGZ', name: '城关镇人民政府', kind: 'township_government', regionCode: '410122100000' },
        admin,
      ),
    );
    expect(town).toMatchObject({ regionCode: '410122100000', enabled: true });
    const leader = ok(
      await backend.call(
        'people.create',
        { name: '王建国', title: '副县长', role: 'leader', unitId: bureau.id, phone: '13812345678' },
        admin,
      ),
    );
    expect(leader).toMatchObject({ unitName: '中牟县信访局', phoneMasked: '138****5678', enabled: true });
    expect(JSON.stringify(ok(await backend.call('people.list', {}, admin)))).not.toContain('13812345678');
    const { client: officer } = await signInAs(backend, admin, ['duty_officer']);
    const revealed = await backend.call(
      'personal.reveal',
      { entity: 'person', id: leader.id, field: 'phone', reason: '联系包案领导' },
      officer,
    );
    expect(revealed).toEqual({ ok: true, data: { value: '13812345678' } });
    const trail = auditTrail(backend);
    expect(trail.map((row) => row.action)).toContain('personal.reveal');
    expect(JSON.stringify(trail)).not.toContain('13812345678');
  });

  it('refuses twins, unknown kinds, a township government without its township, and a disabled unit', async () => {
    const { backend, admin } = await freshInstall();
    await setUpCounty(backend, admin);
    const bureau = ok(
      await backend.call('units.create', { code: 'XFJ', name: '中牟县信访局', kind: 'county_department' }, admin),
    );
    const refusals: Array<[object, string, string]> = [
      [{ code: 'XFJ', name: '另一个局', kind: 'county_department' }, 'code', '单位代码“XFJ”已被“中牟县信访局”使用'],
      [{ code: 'X2', name: '中牟县信访局', kind: 'county_department' }, 'name', '已被“中牟县信访局”使用'],
      [{ code: 'X3', name: '某单位', kind: 'ministry' }, 'kind', '单位类别不在“单位类别”字典中'],
      [{ code: 'X4', name: '某镇政府', kind: 'township_government' }, 'regionCode', '须选择所属乡镇'],
    ];
    for (const [input, path, message] of refusals) {
      const result = await backend.call('units.create', input as never, admin);
      expect(!result.ok && result.error.details).toEqual([{ path, message: expect.stringContaining(message) }]);
    }
    ok(await backend.call('units.setEnabled', { id: bureau.id, enabled: false }, admin));
    expect(ok(await backend.call('units.list', {}, admin)).total).toBe(0);
    expect(ok(await backend.call('units.list', { includeDisabled: true }, admin)).items[0]).toMatchObject({
      name: '中牟县信访局',
      enabled: false,
    });
    const person = await backend.call(
      'people.create',
      { name: '王建国', title: '副县长', role: 'leader', unitId: bureau.id },
      admin,
    );
    expect(!person.ok && person.error.details).toEqual([
      { path: 'unitId', message: expect.stringContaining('已停用') },
    ]);
    const phone = await backend.call(
      'people.create',
      { name: '王建国', title: '副县长', role: 'leader', unitId: bureau.id, phone: '12345' },
      admin,
    );
    expect(!phone.ok && phone.error.details?.[0]).toMatchObject({ path: 'phone' });
  });

  it('updates a person, auditing only the names of the fields that changed', async () => {
    const { backend, admin } = await freshInstall();
    await setUpCounty(backend, admin);
    const bureau = ok(
      await backend.call('units.create', { code: 'XFJ', name: '中牟县信访局', kind: 'county_department' }, admin),
    );
    const fields = { name: '王建国', title: '副县长', role: 'leader' as const, unitId: bureau.id, phone: '' };
    const person = ok(await backend.call('people.create', fields, admin));
    ok(
      await backend.call(
        'people.update',
        { id: person.id, ...fields, title: '县委常委', phone: '0371-62345678' },
        admin,
      ),
    );
    ok(
      await backend.call(
        'people.update',
        { id: person.id, ...fields, title: '县委常委', phone: '0371-62345678' },
        admin,
      ),
    );
    ok(await backend.call('people.setEnabled', { id: person.id, enabled: false }, admin));
    const updates = auditTrail(backend).filter((row) => row.action.startsWith('people.'));
    expect(updates.map((row) => [row.action, row.fields])).toEqual([
      ['people.create', JSON.stringify(['name', 'title', 'role', 'unitId', 'phone'])],
      ['people.update', JSON.stringify(['title', 'phone'])],
      ['people.disable', JSON.stringify(['disabledAt'])],
    ]);
    expect(ok(await backend.call('people.get', { id: person.id }, admin))).toMatchObject({
      title: '县委常委',
      phoneMasked: '037******5678',
      enabled: false,
    });
  });

  it('keeps the phone of a person when an update leaves it out, and clears it when sent empty', async () => {
    const { backend, admin } = await freshInstall();
    await setUpCounty(backend, admin);
    const bureau = ok(
      await backend.call('units.create', { code: 'XFJ', name: '中牟县信访局', kind: 'county_department' }, admin),
    );
    const fields = { name: '王建国', title: '副县长', role: 'leader' as const, unitId: bureau.id };
    const person = ok(await backend.call('people.create', { ...fields, phone: '13812345678' }, admin));
    const kept = ok(await backend.call('people.update', { id: person.id, ...fields, title: '县委常委' }, admin));
    expect(kept).toMatchObject({ title: '县委常委', phoneMasked: '138****5678' });
    const cleared = ok(await backend.call('people.update', { id: person.id, ...fields, phone: '' }, admin));
    expect(cleared.phoneMasked).toBe('');
  });
});

describe('dictionaries', () => {
  it('adds, renames and disables entries; codes stay, twins are refused', async () => {
    const { backend, admin } = await freshInstall();
    const added = ok(
      await backend.call('dicts.addEntry', { dictCode: 'unit_kind', code: 'mass_org', label: '群团组织' }, admin),
    );
    expect(added.entries.at(-1)).toEqual({ code: 'mass_org', label: '群团组织', sort: 4, enabled: true });
    const twin = await backend.call(
      'dicts.addEntry',
      { dictCode: 'unit_kind', code: 'mass_org2', label: '群团组织' },
      admin,
    );
    expect(!twin.ok && twin.error.details).toEqual([
      { path: 'label', message: expect.stringContaining('已有名为“群团组织”') },
    ]);
    const sameCode = await backend.call(
      'dicts.addEntry',
      { dictCode: 'unit_kind', code: 'judicial', label: '法院' },
      admin,
    );
    expect(!sameCode.ok && sameCode.error.details).toEqual([
      { path: 'code', message: expect.stringContaining('已用于“政法机关”') },
    ]);
    ok(
      await backend.call(
        'dicts.renameEntry',
        { dictCode: 'unit_kind', code: 'mass_org', label: '群团组织（工青妇）' },
        admin,
      ),
    );
    const off = ok(
      await backend.call('dicts.setEntryEnabled', { dictCode: 'unit_kind', code: 'mass_org', enabled: false }, admin),
    );
    expect(off.entries.find((e) => e.code === 'mass_org')).toMatchObject({
      label: '群团组织（工青妇）',
      enabled: false,
    });
    const unit = await backend.call('units.create', { code: 'FL', name: '县妇联', kind: 'mass_org' }, admin);
    expect(!unit.ok && unit.error.details?.[0]).toMatchObject({ path: 'kind' });
    expect(auditTrail(backend).map((row) => row.action)).toEqual([
      'dicts.addEntry',
      'dicts.renameEntry',
      'dicts.disableEntry',
    ]);
  });
});
