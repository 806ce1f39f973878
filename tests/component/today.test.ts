import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { TodayList, TodayOverview, TodayPetition } from '@shared/contract/today';
import { findTestId, meWith, mountApp, sessionAnswers } from './helpers/auth';
import { eventually } from './helpers/eventually';
import { removeBridge } from './helpers/fakeBridge';
import { detailWith, referenceAnswers, row } from './helpers/petitions';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const none = { items: [], total: 0 };
const listOf = <T>(...items: T[]): TodayList<T> => ({ items, total: items.length });

const overdue: TodayPetition = {
  id: row.id,
  caseNo: row.caseNo,
  summary: row.summary,
  status: 'resolving',
  townshipName: row.townshipName,
  receivedDate: row.receivedDate,
  dueDate: '2026-11-19',
  stage: 'overdue',
  handlingUnitName: row.handlingUnitName,
};

const day: TodayOverview = {
  today: '2026-11-20',
  readable: { petitions: true, risks: true, disputes: true },
  arrived: {
    hazards: listOf({
      id: '0192f3a4-5b6c-7d8e-9f01-23456789abcd',
      hazardNo: 'FX2026-000001',
      title: '征地补偿纠纷',
      level: 'orange',
      status: 'found',
      townshipName: '城关镇',
      foundOn: '2026-11-20',
    }),
    petitions: none,
    disputes: none,
  },
  notes: none,
  assignments: none,
  meetingDecisions: none,
  assessmentDecisions: none,
  dueToday: { petitions: none, tasks: none, reReviews: none, disputes: none },
  overdueToday: { petitions: listOf(overdue), tasks: none, reReviews: none, disputes: none },
};

const buttonIn = async (section: string, text: string): Promise<HTMLElement> =>
  eventually(() => {
    const button = [...(document.querySelector(`[data-testid="today-${section}"]`)?.querySelectorAll('button') ?? [])]
      .filter((b) => b.textContent?.trim() === text)
      .at(0);
    if (!button) throw new Error(`未找到 ${section} 的「${text}」`);
    return button;
  });

// 今日 opens other features' records only through what they registered (ledger/records.ts).
describe('今日', () => {
  const mountToday = (me = meWith(['duty_officer'])) =>
    mountApp('/today', {
      ...sessionAnswers(me),
      ...referenceAnswers,
      'today.overview': () => ({ ok: true, data: day }),
      'petitions.get': () => ({ ok: true, data: detailWith('resolving') }),
    });

  it("shows a hazard's colour level and opens a case's drawer from 今日转为超期", async () => {
    await mountToday();
    const hazards = await findTestId('today-hazards');
    await eventually(() => expect(hazards.textContent).toContain('橙色'));
    (await buttonIn('overdueToday-petitions', '办理')).click();
    const drawer = await findTestId('petition-drawer');
    await eventually(() => expect(drawer.textContent).toContain('要求补发征地补偿款'));
  });

  it("offers the petitions' 督办 step on an overdue case without opening its drawer", async () => {
    await mountToday();
    (await buttonIn('overdueToday-petitions', '督办')).click();
    const dialog = await findTestId('petition-supervise-dialog');
    await eventually(() => expect(dialog.textContent).toContain(`督办：${row.caseNo}`));
    expect(document.querySelector('[data-testid="petition-drawer"]')).toBeNull();
  });

  it('offers 生成今日日报 to a county-wide officer only: a township account cannot compile the report', async () => {
    await mountToday();
    await findTestId('today-report');
    document.body.innerHTML = '';
    await mountToday(meWith(['duty_officer'], { regionCode: '410122100000', regionName: '城关镇' }));
    const hazards = await findTestId('today-hazards');
    await eventually(() => expect(hazards.textContent).toContain('橙色'));
    expect(document.querySelector('[data-testid="today-report"]')).toBeNull();
  });
});
