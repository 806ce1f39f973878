import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../electron/backend/api/types';
import { LATEST_VERSION } from '../../electron/backend/db/migrations';
import { seed, signInAdmin, signInAs, testBackend, TINY_COUNTY } from '../helpers/backend';

let testCall: CallContext;

async function tinyCounty() {
  const backend = await testBackend();
  seed(backend, TINY_COUNTY);
  testCall = await signInAdmin(backend);
  return backend;
}

async function emptyCounty() {
  const backend = await testBackend();
  testCall = await signInAdmin(backend);
  return backend;
}

describe('regions', () => {
  it('lists townships with their village counts, in order', async () => {
    const backend = await tinyCounty();
    const result = await backend.call('regions.list', { level: 'township' }, testCall);
    expect(result).toEqual({
      ok: true,
      data: {
        items: [
          {
            code: '999901001000',
            name: '东镇',
            level: 'township',
            parentCode: '999901000000',
            childCount: 2,
            enabled: true,
          },
          {
            code: '999901002000',
            name: '西街道',
            level: 'township',
            parentCode: '999901000000',
            childCount: 1,
            enabled: true,
          },
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      },
    });
  });

  it('filters by parent and keyword and pages in SQL', async () => {
    const backend = await tinyCounty();
    const villages = await backend.call('regions.list', { parentCode: '999901001000', pageSize: 1, page: 2 }, testCall);
    expect(villages).toMatchObject({ ok: true, data: { total: 2, items: [{ name: '东二村' }] } });
    const byName = await backend.call('regions.list', { keyword: '网格' }, testCall);
    expect(byName.ok && byName.data.items.map((r) => r.code)).toEqual(['999901001001001', '999901001001002']);
  });

  it('takes LIKE wildcards in a keyword literally', async () => {
    const backend = await tinyCounty();
    const result = await backend.call('regions.list', { keyword: '%' }, testCall);
    expect(result).toMatchObject({ ok: true, data: { total: 0 } });
  });

  it('looks up one region, and says NOT_FOUND in Chinese for an unknown code', async () => {
    const backend = await tinyCounty();
    expect(await backend.call('regions.get', { code: '999901002001' }, testCall)).toMatchObject({
      ok: true,
      data: { name: '西社区', level: 'village', childCount: 0 },
    });
    const missing = await backend.call('regions.get', { code: '999901009000' }, testCall);
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('999901009000') },
    });
  });
});

describe('units and people', () => {
  it('lists and looks up handling units by kind', async () => {
    const backend = await tinyCounty();
    const departments = await backend.call('units.list', { kind: 'county_department' }, testCall);
    expect(departments.ok && departments.data.items.map((u) => u.name)).toEqual(['测试县信访局']);
    const one = await backend.call('units.get', { id: '01900000-0000-7000-8000-000000000001' }, testCall);
    expect(one).toMatchObject({ ok: true, data: { regionCode: '999901001000', kind: 'township_government' } });
  });

  it('lists leaders with their unit, and refuses a malformed id', async () => {
    const backend = await tinyCounty();
    const leaders = await backend.call('people.list', { role: 'leader' }, testCall);
    expect(leaders.ok && leaders.data.items).toEqual([
      {
        id: '01900000-0000-7000-8000-0000000000a1',
        name: '张明',
        title: '副县长',
        role: 'leader',
        unitId: '01900000-0000-7000-8000-000000000002',
        unitName: '测试县信访局',
        phoneMasked: '',
        enabled: true,
      },
    ]);
    const bad = await backend.call('people.get', { id: '../../etc/passwd' }, testCall);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'id' }] } });
  });
});

describe('dictionaries', () => {
  it('lists dictionaries with entry counts and returns one with its entries', async () => {
    const backend = await emptyCounty();
    const list = await backend.call('dicts.list', {}, testCall);
    expect(list.ok && list.data.find((d) => d.code === 'hazard_level')).toEqual({
      code: 'hazard_level',
      name: '风险等级（四色）',
      entryCount: 4,
    });
    const levels = await backend.call('dicts.get', { code: 'hazard_level' }, testCall);
    expect(levels.ok && levels.data.entries.map((e) => e.label)).toEqual(['红色', '橙色', '黄色', '蓝色']);
    expect(await backend.call('dicts.get', { code: 'no_such' }, testCall)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('system.info and board.boundary on an empty database', () => {
  it('reports no county, zero counts and no boundary', async () => {
    const backend = await emptyCounty();
    const info = await backend.call('system.info', {}, testCall);
    expect(info).toMatchObject({
      ok: true,
      data: {
        appName: '综治工作台',
        schemaVersion: LATEST_VERSION,
        county: null,
        counts: { townships: 0, villages: 0, grids: 0, units: 0, people: 0 },
      },
    });
    expect(await backend.call('board.boundary', {}, testCall)).toEqual({ ok: true, data: null });
  });

  it('counts the tiny county', async () => {
    const backend = await tinyCounty();
    const info = await backend.call('system.info', {}, testCall);
    expect(info).toMatchObject({
      ok: true,
      data: {
        county: { code: '999901000000', name: '测试县' },
        counts: { townships: 2, villages: 3, grids: 2, units: 2, people: 2 },
      },
    });
  });
});

describe('region scope', () => {
  it('shows a township-bound user only the regions of that township', async () => {
    const backend = await tinyCounty();
    const east = await signInAs(backend, testCall, ['duty_officer'], '999901001000');
    const visible = await backend.call('regions.list', { pageSize: 50 }, east.client);
    expect(visible.ok && visible.data.items.map((r) => r.code)).toEqual([
      '999901001000',
      '999901001001',
      '999901001001001',
      '999901001001002',
      '999901001002',
    ]);
    const outside = await backend.call('regions.get', { code: '999901002001' }, east.client);
    expect(outside).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const county = await backend.call('regions.list', { level: 'township' }, testCall);
    expect(county.ok && county.data.total).toBe(2);
  });
});
