import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HazardFigures } from '@shared/contract/hazards';
import { resultOf } from '@shared/domain/ledger/figures';
import { RISK_FIGURE_DEFINITIONS } from '@shared/domain/risks/figures';
import { emptyPage, findTestId, meWith, mountApp, sessionAnswers } from './helpers/auth';
import { removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

// Charts draw on a canvas happy-dom lacks.
vi.mock('@/components/echarts', () => import('./helpers/fakeEcharts'));

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const row = (key: string, label: string, numerator: number) => ({ key, label, ...resultOf(numerator, 5) });

const FIGURES: HazardFigures = {
  today: '2026-11-22',
  period: null,
  byCategory: [],
  monthly: [],
  definitions: RISK_FIGURE_DEFINITIONS,
  figures: { open_hazards: resultOf(5, 8), hazard_resolution_rate: resultOf(3, 8) },
  breakdowns: {
    open_hazards_by_level: [
      row('red', '红色', 2),
      row('orange', '橙色', 1),
      row('yellow', '黄色', 2),
      row('blue', '蓝色', 0),
    ],
    open_hazards_by_township: [row('990101001000', '城关镇', 5)],
  },
  overdueMeasures: { measures: resultOf(3, 6), hazards: { numerator: 2, denominator: 4 } },
};

describe('the 隐患统计 page', () => {
  it('shows each figure with its parts, the overdue measures in hazards, and opens exactly the hazards behind a row', async () => {
    const { bridge, router } = await mountApp('/risks/hazards/figures', {
      ...sessionAnswers(meWith(['leader'])),
      'hazards.figures': () => ({ ok: true, data: FIGURES }),
      'hazards.list': () => emptyPage,
      'dicts.get': () => ({ ok: true as const, data: { code: 'hazard_category', name: '隐患类别', entries: [] } }),
      'regions.list': () => emptyPage,
    });
    const open = await findTestId('figure-open_hazards');
    await eventually(() => expect(open.textContent).toContain('5 处'));
    expect(open.textContent).toContain('隐患总数');
    expect((await findTestId('figure-hazard_resolution_rate')).textContent).toContain('37.50%');
    const overdue = await findTestId('figure-overdue_measures');
    expect(overdue.textContent).toContain('3 项');
    expect(overdue.textContent).toContain('有超期措施的隐患数');
    expect((await findTestId('figure-overdue_measures-count')).textContent).toContain('有完成时限的在办措施 6 项');
    expect((await findTestId('breakdown-open_hazards_by_township')).textContent).toContain('城关镇');

    (await findTestId('breakdown-open_hazards_by_level-red')).click();
    await eventually(() => expect(router.currentRoute.value.name).toBe('hazards'));
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith(
        'hazards.list',
        expect.objectContaining({ figure: 'open_hazards_by_level', figureKey: 'red', figurePart: 'numerator' }),
      ),
    );
    expect((await findTestId('hazards-figure-filter')).textContent).toBe(
      '在办隐患（按风险等级） · 红色 · 分子（该颜色等级的在办隐患数）',
    );
  }, 20_000);
});
