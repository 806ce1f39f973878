import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PetitionFigures, PetitionRow, SupervisionQueueItem } from '@shared/contract/petitions';
import { PETITION_METRICS, type PetitionMetricCode } from '@shared/domain/petitions/metrics';
import { resultOf } from '@shared/domain/ledger/figures';
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

const referenceAnswers = {
  'dicts.get': () => ({ ok: true as const, data: { code: 'petition_category', name: '信访问题类别', entries: [] } }),
  'units.list': () => emptyPage,
  'people.list': () => emptyPage,
  'regions.list': () => emptyPage,
};

const base: PetitionRow = {
  id: '1f2e3d4c-5b6a-4789-8abc-def012345678',
  caseNo: 'XF-2026-0001',
  itemType: 'appeal',
  category: null,
  townshipCode: '990101001000',
  townshipName: '城关镇',
  summary: '要求补发征地补偿款',
  receivedDate: '2026-10-08',
  petitionCount: 1,
  highestLevel: 'county',
  status: 'resolving',
  handlingUnitId: null,
  handlingUnitName: '县自然资源局',
  leaderId: null,
  leaderName: null,
  dueDate: '2026-11-01',
  stage: 'overdue',
  statutoryDueDate: null,
  statutoryStage: null,
  petitionerNames: ['李*'],
  petitionerCount: 1,
};

// The whole app is mounted: the first lazy route of a run takes a few seconds to load.
describe('petition pages', () => {
  it('lists the supervision queue in the order given, with days overdue and a supervise button', async () => {
    const queue: SupervisionQueueItem[] = [
      { ...base, daysOverdue: 21, reason: 'overdue' },
      {
        ...base,
        id: '2f2e3d4c-5b6a-4789-8abc-def012345678',
        caseNo: 'XF-2026-0002',
        stage: 'due_soon',
        dueDate: '2026-11-24',
        daysOverdue: 0,
        reason: 'due_soon',
      },
    ];
    await mountApp('/petitions/supervision', {
      ...sessionAnswers(meWith(['duty_officer'])),
      ...referenceAnswers,
      'petitions.supervisionQueue': () => ({ ok: true, data: { items: queue, total: 41, page: 1, pageSize: 20 } }),
    });
    const table = await findTestId('supervision-table');
    await eventually(() => expect(table.textContent).toContain('XF-2026-0002'));
    const text = table.textContent!;
    expect(text.indexOf('XF-2026-0001')).toBeLessThan(text.indexOf('XF-2026-0002'));
    expect((await findTestId('supervision-overdue-XF-2026-0001')).textContent).toContain('21 天');
    expect(text).toContain('临期');
    expect(document.querySelector('[data-testid="supervision-supervise-XF-2026-0001"]')).not.toBeNull();
    expect(document.querySelector('.table-pager')?.textContent).toContain('41');
  }, 20_000);

  it('shows each figure with its numerator and denominator and opens the cases behind it', async () => {
    const results = Object.fromEntries(PETITION_METRICS.map((m) => [m.code, resultOf(3, 12)])) as Record<
      PetitionMetricCode,
      ReturnType<typeof resultOf>
    >;
    const figures: PetitionFigures = {
      today: '2026-11-22',
      metrics: PETITION_METRICS.map(({ code, name, numeratorLabel, denominatorLabel }) => ({
        code,
        name,
        numeratorLabel,
        denominatorLabel,
      })),
      overall: results,
      byTownship: [{ key: '990101001000', name: '城关镇', results }],
      byUnit: [],
      byCategory: [],
      period: null,
      monthly: [],
    };
    const { bridge, router } = await mountApp('/petitions/figures', {
      ...sessionAnswers(meWith(['leader'])),
      ...referenceAnswers,
      'petitions.figures': () => ({ ok: true, data: figures }),
      'petitions.list': () => emptyPage,
    });
    const card = await findTestId('petition-figure-resolution_rate');
    await eventually(() => expect(card.textContent).toContain('25.00%'));
    expect(card.textContent).toContain('已化解积案数');
    expect(card.textContent).toContain('积案总数');
    expect((await findTestId('petition-figures-township')).textContent).toContain('城关镇');

    (await findTestId('petition-figure-overdue')).click();
    await eventually(() => expect(router.currentRoute.value.name).toBe('petitions'));
    await findTestId('petitions-table');
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith(
        'petitions.list',
        expect.objectContaining({ metric: 'overdue', metricPart: 'numerator' }),
      ),
    );
    expect((await findTestId('petitions-figure-filter')).textContent).toContain('超期');
  }, 20_000);

  it('counts the period chosen: 本月 sends its dates, and a figure opens its cases in that period', async () => {
    const results = Object.fromEntries(PETITION_METRICS.map((m) => [m.code, resultOf(1, 4)])) as Record<
      PetitionMetricCode,
      ReturnType<typeof resultOf>
    >;
    const figures: PetitionFigures = {
      today: '2026-11-22',
      period: null,
      metrics: PETITION_METRICS.map(({ code, name, numeratorLabel, denominatorLabel }) => ({
        code,
        name,
        numeratorLabel,
        denominatorLabel,
      })),
      overall: results,
      byTownship: [],
      byUnit: [],
      byCategory: [],
      monthly: [{ month: '2026-11', from: '2026-11-01', to: '2026-11-22', received: 4, concluded: 1, results }],
    };
    const { bridge, router } = await mountApp('/petitions/figures', {
      ...sessionAnswers(meWith(['leader'])),
      ...referenceAnswers,
      'petitions.figures': (input) => ({
        ok: true,
        data: { ...figures, period: (input as { period?: PetitionFigures['period'] }).period ?? null },
      }),
      'petitions.list': () => emptyPage,
    });
    await findTestId('petition-figure-resolution_rate');
    expect(bridge).toHaveBeenCalledWith('petitions.figures', {});
    (await findTestId('figure-period-month')).click();
    const month = { from: '2026-11-01', to: '2026-11-22' };
    await eventually(() => expect(bridge).toHaveBeenCalledWith('petitions.figures', { period: month }));
    (await findTestId('figure-period-week')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('petitions.figures', { period: { from: '2026-11-16', to: '2026-11-22' } }),
    );
    await eventually(async () => expect((await findTestId('figure-period-text')).textContent).toContain('2026-11-16'));
    (await findTestId('petition-figure-resolution_rate')).click();
    await eventually(() => expect(router.currentRoute.value.name).toBe('petitions'));
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith(
        'petitions.list',
        expect.objectContaining({ metric: 'resolution_rate', receivedFrom: '2026-11-16', receivedTo: '2026-11-22' }),
      ),
    );
  }, 20_000);
});
