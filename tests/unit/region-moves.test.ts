import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OPEN_HAZARD_SQL } from '../../electron/backend/db/status-lists';
import { assessmentInput } from '../helpers/assessments';
import { signInAs } from '../helpers/backend';
import { intake } from '../helpers/disputes';
import { hazardDraft } from '../helpers/hazards';
import {
  EAST,
  LEADER,
  must,
  petitionBackend,
  registration,
  TALLIES_BY_TRIGGERS,
  TALLIES_RECOUNTED,
  TOWN_UNIT,
  WEST,
} from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

const EAST_ONE = '999901001001';
const EAST_TWO = '999901001002';
const WEST_VILLAGE = '999901002001';
const EAST_ONE_GRID = '999901001001001';

const HAZARD_TALLIES = `SELECT township_code, level, category, open FROM board_hazard_tallies WHERE open != 0 ORDER BY 1, 2, 3`;
const HAZARD_RECOUNT = `SELECT township_code, level, category, count(*) AS open FROM hazards
  WHERE status IN ${OPEN_HAZARD_SQL} AND voided_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

function query(setup: Setup, text: string, ...params: unknown[]): unknown[] {
  const db = new Database(setup.backend.dbFile, { readonly: true });
  try {
    return db.prepare(text).all(...params);
  } finally {
    db.close();
  }
}

/** Cases, hazards, an assessment and a township account in 东镇, a case in 西街道. */
async function populated() {
  const setup = await petitionBackend();
  const { backend, admin, officer } = setup;
  for (const townshipCode of [EAST, EAST, WEST]) {
    const { petition } = await must(
      backend.call('petitions.create', registration({ townshipCode, separateCase: true }), officer),
    );
    const steps = [
      { action: 'classify', itemType: 'appeal', category: 'labour_social_security' },
      { action: 'assign', handlingUnitId: TOWN_UNIT, responsibleLeaderId: LEADER, dueDate: '2026-12-20' },
    ] as const;
    for (const step of steps) await must(backend.call('petitions.transition', { id: petition.id, ...step }, officer));
  }
  await must(backend.call('hazards.create', hazardDraft({ villageCode: EAST_ONE, gridCode: EAST_ONE_GRID }), officer));
  await must(backend.call('hazards.create', hazardDraft({ villageCode: EAST_TWO, level: 'red' }), officer));
  await must(backend.call('disputes.create', intake({ villageCode: EAST_ONE }), officer));
  await must(backend.call('assessments.create', assessmentInput({ townshipCodes: [EAST, WEST] }), officer));
  const eastAccount = await signInAs(backend, admin, ['duty_officer'], EAST);
  return { ...setup, eastAccount };
}

const tallies = (setup: Setup) => ({
  petitions: [query(setup, TALLIES_BY_TRIGGERS), query(setup, TALLIES_RECOUNTED)],
  hazards: [query(setup, HAZARD_TALLIES), query(setup, HAZARD_RECOUNT)],
});

describe('merging a region', () => {
  it('counts what will move, then moves every reference into the target in one audited step', async () => {
    const setup = await populated();
    const { backend, admin } = setup;
    const impact = await must(backend.call('regions.impact', { code: EAST }, admin));
    expect(Object.fromEntries(impact.references.map((r) => [r.noun, r.count]))).toEqual({
      下级区划: 2,
      信访积案: 2,
      风险隐患: 2,
      稳评: 1,
      矛盾纠纷: 1,
      会商研判: 0,
      承办单位: 1,
      账号: 1,
      大屏提示: 1,
      通知: 2,
    });

    const target = await must(backend.call('regions.merge', { code: EAST, targetCode: WEST }, admin));
    expect(target).toMatchObject({ code: WEST, childCount: 3, enabled: true });
    expect(await must(backend.call('regions.get', { code: EAST }, admin))).toMatchObject({
      enabled: false,
      childCount: 0,
    });
    expect(query(setup, 'SELECT DISTINCT township_code FROM petitions')).toEqual([{ township_code: WEST }]);
    expect(query(setup, 'SELECT DISTINCT township_code FROM notifications')).toEqual([{ township_code: WEST }]);
    expect(query(setup, 'SELECT township_code, village_code FROM hazards ORDER BY village_code')).toEqual([
      { township_code: WEST, village_code: EAST_ONE },
      { township_code: WEST, village_code: EAST_TWO },
    ]);
    expect(query(setup, 'SELECT township_code FROM assessment_townships')).toEqual([{ township_code: WEST }]);
    expect(query(setup, 'SELECT township_code, village_code FROM disputes')).toEqual([
      { township_code: WEST, village_code: EAST_ONE },
    ]);
    expect(query(setup, 'SELECT region_code FROM units WHERE id = ?', TOWN_UNIT)).toEqual([{ region_code: WEST }]);
    expect(query(setup, 'SELECT region_code FROM users WHERE id = ?', setup.eastAccount.id)).toEqual([
      { region_code: WEST },
    ]);
    // The account's scope changed: it signs in again, as after an edit of its township.
    expect(await backend.call('auth.me', {}, setup.eastAccount.client)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(query(setup, 'SELECT parent_code FROM regions WHERE code IN (?, ?)', EAST_ONE, EAST_TWO)).toEqual([
      { parent_code: WEST },
      { parent_code: WEST },
    ]);
    const figures = tallies(setup);
    expect(figures.petitions[0]).toEqual(figures.petitions[1]);
    expect(figures.hazards[0]).toEqual(figures.hazards[1]);
    const board = await must(backend.call('board.snapshot', {}, setup.officer));
    expect(board.townships.map((t) => [t.code, t.openCases])).toEqual([[WEST, 3]]);
    expect(
      query(setup, 'SELECT count(*) AS n FROM petition_tallies WHERE township_code = ? AND cases != 0', EAST),
    ).toEqual([{ n: 0 }]);
    const audit = query(setup, "SELECT entity_id, fields, detail FROM audit_log WHERE action = 'regions.merge'");
    expect(audit).toEqual([
      {
        entity_id: EAST,
        fields: JSON.stringify(['parentCode', 'disabledAt']),
        detail: `并入 ${WEST}；下级区划 2，信访积案 2，风险隐患 2，稳评 1，矛盾纠纷 1，承办单位 1，账号 1，大屏提示 1，通知 2`,
      },
    ]);
  });

  it('lets the target township’s account see the villages merged into it', async () => {
    const setup = await populated();
    const { backend, admin } = setup;
    const westAccount = await signInAs(backend, admin, ['duty_officer'], WEST);
    await must(backend.call('regions.merge', { code: EAST, targetCode: WEST }, admin));
    const villages = await must(backend.call('regions.list', { parentCode: WEST }, westAccount.client));
    expect(villages.items.map((r) => r.code)).toEqual([WEST_VILLAGE, EAST_ONE, EAST_TWO]);
    const hazards = await must(backend.call('hazards.list', {}, westAccount.client));
    expect(hazards.total).toBe(2);
  });

  it('refuses another level, a disabled target, itself and twin names, naming the field', async () => {
    const setup = await populated();
    const { backend, admin } = setup;
    const refused = async (code: string, targetCode: string) => {
      const result = await backend.call('regions.merge', { code, targetCode }, admin);
      if (result.ok) throw new Error('merge accepted');
      return { code: result.error.code, path: result.error.details?.[0]?.path, message: result.error.message };
    };
    expect(await refused(EAST, EAST_ONE)).toEqual({
      code: 'VALIDATION',
      path: 'targetCode',
      message: '只能并入同一层级的区划：“东镇”是乡镇/街道，“东一村”不是。',
    });
    expect(await refused(EAST, EAST)).toMatchObject({ path: 'targetCode', message: expect.stringContaining('自身') });
    await must(backend.call('regions.create', { parentCode: WEST, code: '999901002002', name: '东一村' }, admin));
    expect(await refused(EAST, WEST)).toEqual({
      code: 'VALIDATION',
      path: 'targetCode',
      message: '“东镇”和“西街道”之下都有“东一村”，请先将其中一个改名或合并，再合并上级。',
    });
    await must(backend.call('regions.setEnabled', { code: '999901002002', enabled: false }, admin));
    expect(await refused(EAST_ONE, '999901002002')).toEqual({
      code: 'VALIDATION',
      path: 'targetCode',
      message: '村/社区“东一村”已停用，请选择在用的村/社区作为“并入目标”。',
    });
    expect(query(setup, 'SELECT count(*) AS n FROM regions WHERE disabled_at IS NOT NULL')).toEqual([{ n: 1 }]);
    const officer = await backend.call('regions.merge', { code: EAST_TWO, targetCode: EAST_ONE }, setup.officer);
    expect(officer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('merges a village: its grids and hazards follow, in the target’s township', async () => {
    const setup = await populated();
    const { backend, admin } = setup;
    await must(backend.call('regions.merge', { code: EAST_ONE, targetCode: WEST_VILLAGE }, admin));
    expect(
      query(setup, 'SELECT township_code, village_code, grid_code FROM hazards WHERE grid_code IS NOT NULL'),
    ).toEqual([{ township_code: WEST, village_code: WEST_VILLAGE, grid_code: EAST_ONE_GRID }]);
    expect(query(setup, 'SELECT parent_code FROM regions WHERE code = ?', EAST_ONE_GRID)).toEqual([
      { parent_code: WEST_VILLAGE },
    ]);
    const figures = tallies(setup);
    expect(figures.hazards[0]).toEqual(figures.hazards[1]);
  });
});

describe('moving a region', () => {
  it('moves a village to another township with its code, its hazards following', async () => {
    const setup = await populated();
    const { backend, admin } = setup;
    const moved = await must(backend.call('regions.move', { code: EAST_TWO, parentCode: WEST }, admin));
    expect(moved).toMatchObject({ code: EAST_TWO, parentCode: WEST, enabled: true });
    expect(query(setup, 'SELECT township_code FROM hazards WHERE village_code = ?', EAST_TWO)).toEqual([
      { township_code: WEST },
    ]);
    const figures = tallies(setup);
    expect(figures.hazards[0]).toEqual(figures.hazards[1]);
    const officer = setup.officer;
    const hazard = await must(
      backend.call('hazards.create', hazardDraft({ townshipCode: WEST, villageCode: EAST_TWO }), officer),
    );
    expect(hazard).toMatchObject({ townshipCode: WEST, villageCode: EAST_TWO });
    const audit = query(setup, "SELECT detail FROM audit_log WHERE action = 'regions.move'");
    expect(audit).toEqual([{ detail: `${EAST} → ${WEST}；风险隐患 1` }]);
  });

  it('moves a grid to another village, and refuses a township, a wrong level or the same parent', async () => {
    const setup = await populated();
    const { backend, admin } = setup;
    await must(backend.call('regions.move', { code: EAST_ONE_GRID, parentCode: WEST_VILLAGE }, admin));
    expect(query(setup, 'SELECT township_code, village_code FROM hazards WHERE grid_code = ?', EAST_ONE_GRID)).toEqual([
      { township_code: WEST, village_code: WEST_VILLAGE },
    ]);
    const refusal = async (code: string, parentCode: string) => {
      const result = await backend.call('regions.move', { code, parentCode }, admin);
      return !result.ok && [result.error.details?.[0]?.path, result.error.message];
    };
    expect(await refusal(EAST, WEST)).toEqual([
      'code',
      '乡镇/街道直属本县，不能移动；如需并入另一乡镇/街道，请使用“合并”。',
    ]);
    expect(await refusal(EAST_TWO, WEST_VILLAGE)).toEqual([
      'parentCode',
      '村/社区只能移到乡镇/街道之下，请重新选择“新上级”。',
    ]);
    expect(await refusal(EAST_TWO, EAST)).toEqual(['parentCode', '“东二村”已在“东镇”之下。']);
  });
});
