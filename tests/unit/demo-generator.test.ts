import { describe, expect, it } from 'vitest';
import { levelOfCode, parentCodeOf, type RegionLevel } from '../../shared/domain/regions';
import { DEFAULT_DEMO_OPTIONS, generateDemoCounty, type DemoCounty } from '../../electron/backend/demo/generate';
import { Random } from '../../electron/backend/demo/random';
import { seededUuidV7 } from '../../electron/backend/demo/uuid';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PARENT_LEVEL: Record<RegionLevel, RegionLevel | null> = {
  county: null,
  township: 'county',
  village: 'township',
  grid: 'village',
};

const small = generateDemoCounty(DEFAULT_DEMO_OPTIONS);
const large = generateDemoCounty({ scale: 'large', seed: DEFAULT_DEMO_OPTIONS.seed });
const allRegions = (demo: DemoCounty) => [demo.county, ...demo.townships, ...demo.villages, ...demo.grids];

describe('seeded UUIDv7', () => {
  it('makes valid, increasing ids, the same for the same seed', () => {
    const first = seededUuidV7(new Random(1));
    const ids = Array.from({ length: 1000 }, () => first());
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // The first 48 bits are the fixed base time, 2026-01-01T00:00:00Z.
    expect(parseInt(ids[0]!.replace('-', '').slice(0, 12), 16)).toBe(Date.UTC(2026, 0, 1));

    const again = seededUuidV7(new Random(1));
    expect(Array.from({ length: 1000 }, () => again())).toEqual(ids);
    const other = seededUuidV7(new Random(2));
    expect(other()).not.toBe(ids[0]);
  });
});

describe('demo county generator', () => {
  it('gives the same county for the same seed and a different one for another seed', () => {
    expect(generateDemoCounty(DEFAULT_DEMO_OPTIONS)).toEqual(small);
    const other = generateDemoCounty({ scale: 'small', seed: 7 });
    expect(other.townships.map((t) => t.name)).not.toEqual(small.townships.map((t) => t.name));
    expect(other.people.map((p) => p.name)).not.toEqual(small.people.map((p) => p.name));
    expect(other.units[0]!.id).not.toBe(small.units[0]!.id);
    expect(other.boundary).not.toEqual(small.boundary);
  });

  it.each([
    ['small', small],
    ['large', large],
  ])('%s: every region code is well formed and its parent exists one level up', (_scale, demo) => {
    const regions = allRegions(demo);
    const byCode = new Map(regions.map((region) => [region.code, region]));
    expect(byCode.size).toBe(regions.length);
    expect(demo.county).toMatchObject({ code: '999901000000', name: '青禾县', level: 'county', parentCode: null });
    for (const region of regions) {
      expect(levelOfCode(region.code), region.code).toBe(region.level);
      expect(region.parentCode, region.code).toBe(parentCodeOf(region.code));
      const parent = region.parentCode === null ? null : byCode.get(region.parentCode);
      expect(parent?.level ?? null, region.code).toBe(PARENT_LEVEL[region.level]);
    }
  });

  it.each([
    ['small', small],
    ['large', large],
  ])('%s: names are unique where they must be and read as Chinese place names', (_scale, demo) => {
    expect(new Set(demo.townships.map((t) => t.name)).size).toBe(demo.townships.length);
    expect(new Set(demo.villages.map((v) => v.name)).size).toBe(demo.villages.length);
    for (const t of demo.townships) expect(t.name).toMatch(/^[\u4e00-\u9fff]{2,3}(街道|镇|乡)$/);
    for (const v of demo.villages) expect(v.name).toMatch(/^[\u4e00-\u9fff]{2,4}(村|社区)$/);
    for (const g of demo.grids) expect(g.name).toMatch(/^第\d+网格$/);
    const suffixes = new Set(demo.townships.map((t) => t.name.match(/(街道|镇|乡)$/)![1]));
    expect(suffixes).toEqual(new Set(['街道', '镇', '乡']));
  });

  it('keeps the statistical code ranges: 街道 001-099, 镇 100-199, 乡 200-399; 社区 001-199, 村 200-399', () => {
    for (const t of small.townships) {
      const n = Number(t.code.slice(6, 9));
      const range = t.name.endsWith('街道') ? [1, 99] : t.name.endsWith('镇') ? [100, 199] : [200, 399];
      expect(n, t.name).toBeGreaterThanOrEqual(range[0]!);
      expect(n, t.name).toBeLessThanOrEqual(range[1]!);
    }
    for (const v of small.villages) {
      const n = Number(v.code.slice(9, 12));
      expect(v.name.endsWith('社区') ? n < 200 : n >= 200, v.name).toBe(true);
    }
  });

  it.each([
    ['small', 15, [180, 220], [1300, 1750]],
    ['large', 25, [370, 430], [2700, 3400]],
  ] as const)('%s: has %i townships and village and grid counts in range', (scale, townships, villages, grids) => {
    for (const seed of [DEFAULT_DEMO_OPTIONS.seed, 1, 99]) {
      const demo = generateDemoCounty({ scale, seed });
      expect(demo.townships).toHaveLength(townships);
      expect(demo.villages.length).toBeGreaterThanOrEqual(villages[0]);
      expect(demo.villages.length).toBeLessThanOrEqual(villages[1]);
      expect(demo.grids.length).toBeGreaterThanOrEqual(grids[0]);
      expect(demo.grids.length).toBeLessThanOrEqual(grids[1]);
    }
  });

  it('has one government per township, county departments and judicial organs, all named after the county', () => {
    const governments = small.units.filter((u) => u.kind === 'township_government');
    expect(governments.map((u) => u.regionCode)).toEqual(small.townships.map((t) => t.code));
    for (const [unit, township] of governments.map((u, i) => [u, small.townships[i]!] as const)) {
      expect(unit.name).toBe(`青禾县${township.name}${township.name.endsWith('街道') ? '办事处' : '人民政府'}`);
    }
    const countyUnits = small.units.filter((u) => u.kind !== 'township_government');
    expect(countyUnits.every((u) => u.regionCode === null)).toBe(true);
    const names = small.units.map((u) => u.name);
    for (const name of ['青禾县信访局', '青禾县公安局', '青禾县人力资源和社会保障局', '青禾县住房和城乡建设局']) {
      expect(names).toContain(name);
    }
    expect(small.units.filter((u) => u.kind === 'judicial').map((u) => u.name)).toEqual([
      '青禾县人民法院',
      '青禾县人民检察院',
    ]);
    expect(names.every((name) => name.startsWith('青禾县'))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(small.units.map((u) => u.code)).size).toBe(small.units.length);
  });

  it('has county-level leaders and one or two responsible persons in every unit', () => {
    for (const demo of [small, large]) {
      const units = new Map(demo.units.map((u) => [u.id, u]));
      const leaders = demo.people.filter((p) => p.role === 'leader');
      expect(leaders.length).toBeGreaterThanOrEqual(15);
      expect(leaders.map((p) => p.title)).toContain('县委常委、政法委书记');
      expect(leaders.every((p) => units.get(p.unitId)!.kind !== 'township_government')).toBe(true);
      for (const unit of demo.units) {
        const responsible = demo.people.filter((p) => p.role === 'responsible' && p.unitId === unit.id);
        expect(responsible.length, unit.name).toBeGreaterThanOrEqual(1);
        expect(responsible.length, unit.name).toBeLessThanOrEqual(2);
      }
      expect(demo.people.every((p) => /^[\u4e00-\u9fff]{2,3}$/.test(p.name))).toBe(true);
      expect(new Set(demo.people.map((p) => p.name)).size).toBe(demo.people.length);
    }
  });

  it('gives every unit, person and the boundary a distinct UUIDv7', () => {
    const ids = [...small.units.map((u) => u.id), ...small.people.map((p) => p.id), small.boundaryId];
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
