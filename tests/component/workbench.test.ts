import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TodayDispute, TodayList, TodayPetition } from '@shared/contract/today';
import type { Workbench, WorkbenchBadges } from '@shared/contract/workbench';
import type { Role } from '@shared/domain/roles';
import { findTestId, meWith, mountApp, sessionAnswers } from './helpers/auth';
import { eventually } from './helpers/eventually';
import { removeBridge } from './helpers/fakeBridge';
import { detailWith, referenceAnswers, row } from './helpers/petitions';

// Charts draw on a canvas happy-dom lacks.
vi.mock('@/components/echarts', () => import('./helpers/fakeEcharts'));

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const none = { items: [], total: 0 };
const listOf = <T>(total: number, ...items: T[]): TodayList<T> => ({ items, total });
const county = { code: '990101000000', name: '演示县' };
const info = {
  appName: '综治工作台',
  version: '0.1.0',
  schemaVersion: 20,
  county,
  centreName: '演示县社会治理综合服务中心',
};

const found: TodayPetition = {
  id: row.id,
  caseNo: row.caseNo,
  summary: row.summary,
  status: 'found',
  townshipName: row.townshipName,
  receivedDate: row.receivedDate,
  dueDate: null,
  stage: null,
  handlingUnitName: null,
};

const duty: Workbench['duty'] = {
  toClassify: listOf(12, found),
  toAssign: none,
  progressDue: listOf(1, {
    ...found,
    caseNo: 'XF2026-000031',
    status: 'resolving',
    dueDate: '2026-11-22',
    stage: 'due_soon',
  }),
  measuresDue: none,
  overdue: {
    petitions: listOf(2, { ...found, status: 'resolving', dueDate: '2026-11-10', stage: 'overdue' }),
    tasks: listOf(1),
  },
};

const leader: Workbench['leader'] = {
  closeOut: { petitions: listOf(1, { ...found, status: 'resolved' }), hazards: none },
  supervision: none,
  myCases: null,
  rates: [
    {
      code: 'resolution_rate',
      name: '化解率',
      numeratorLabel: '已化解积案数',
      denominatorLabel: '积案总数',
      result: { numerator: 1, denominator: 4, rate: 0.25 },
      trend: [
        { month: '2026-10', result: { numerator: 1, denominator: 2, rate: 0.5 } },
        { month: '2026-11', result: { numerator: 1, denominator: 4, rate: 0.25 } },
      ],
    },
  ],
};

const dispute: TodayDispute = {
  id: '0192f3a4-5b6c-7d8e-9f01-23456789abce',
  disputeNo: 'JF2026-000007',
  summary: '相邻宅基地滴水檐纠纷',
  categoryLabel: '邻里',
  status: 'routed',
  townshipName: '城关镇',
  receivedOn: '2026-11-18',
  dueDate: '2026-11-21',
  stage: 'overdue',
  unitName: '城关镇人民调解委员会',
};
const disputes: NonNullable<Workbench['duty']>['disputes'] = {
  toRoute: listOf(4, {
    ...dispute,
    disputeNo: 'JF2026-000009',
    status: 'received',
    dueDate: null,
    stage: null,
    unitName: null,
  }),
  routed: listOf(1, dispute),
  toVisit: none,
  supervision: listOf(2, { ...dispute, disputeNo: 'JF2026-000008', stage: 'due_soon' }),
  overdue: listOf(1, { ...dispute, dueDate: '2026-11-19' }),
};

const GB = 1024 ** 3;
const admin: Workbench['admin'] = {
  backup: {
    lastSuccessAt: '2026-11-20T01:00:00.000Z',
    lastFailure: null,
    secondaryWarning: null,
    lastDrill: null,
    lastSuccessfulDrillAt: null,
    lastIntegrityCheck: null,
    count: 3,
  },
  audit: { ok: true, message: '哈希链完整', verifiedAt: '2026-11-20T00:30:00.000Z' },
  disk: { freeBytes: 1 * GB, totalBytes: 100 * GB },
  calendar: { nextYear: 2027, missingYears: [2027] },
  imports: none,
};

const auditor: Workbench['auditor'] = {
  since: '2026-10-21T00:00:00.000Z',
  events: listOf(1, {
    seq: 9,
    at: '2026-11-20T02:00:00.000Z',
    userId: null,
    username: 'zhangsan',
    roles: '',
    client: 'web 127.0.0.1',
    action: 'auth.login',
    entity: 'user',
    entityId: null,
    result: 'failure',
    fields: [],
    detail: '密码错误',
  }),
};

const mountHome = (roles: Role[], bench: Omit<Workbench, 'today'>, badges: WorkbenchBadges = {}) =>
  mountApp('/', {
    ...sessionAnswers(meWith(roles)),
    ...referenceAnswers,
    'system.info': () => ({
      ok: true,
      data: { ...info, counts: { townships: 2, villages: 3, grids: 4, units: 5, people: 6 } },
    }),
    'regions.list': () => ({ ok: true, data: { items: [], total: 0, page: 1, pageSize: 200 } }),
    'workbench.get': () => ({ ok: true, data: { today: '2026-11-20', ...bench } }),
    'workbench.badges': () => ({ ok: true, data: badges }),
    'petitions.get': () => ({ ok: true, data: detailWith('found') }),
  });

const buttonIn = async (section: string, text: string): Promise<HTMLElement> =>
  eventually(() => {
    const button = [
      ...(document.querySelector(`[data-testid="workbench-${section}"]`)?.querySelectorAll('button') ?? []),
    ]
      .filter((b) => b.textContent?.trim() === text)
      .at(0);
    if (!button) throw new Error(`未找到 ${section} 的「${text}」`);
    return button;
  });

describe('工作台', () => {
  it("shows the duty officer's counts per kind and opens 梳理分类 on a case to classify", async () => {
    await mountHome(['duty_officer'], { duty });
    const counts = await findTestId('workbench-duty');
    await eventually(() => expect(counts.textContent).toContain('12待分类'));
    expect((await findTestId('workbench-count-overdue')).textContent).toContain('3');
    expect(document.querySelector('[data-testid="workbench-leader"]')).toBeNull();
    // The county's reference table is not the officer's page.
    expect(document.querySelector('[data-testid="home-townships"]')).toBeNull();
    // A case's 办理时限 with its stage in one cell, as the disputes' rows show theirs.
    const stage = async (no: string) => findTestId(`workbench-case-stage-${no}`);
    expect((await stage('XF2026-000031')).textContent?.trim()).toBe('临期');
    expect((await stage('XF2026-000031')).className).toContain('el-tag--warning');
    expect((await stage(row.caseNo)).textContent?.trim()).toBe('超期');
    expect((await stage(row.caseNo)).className).toContain('el-tag--danger');
    expect((await findTestId('workbench-overdue-petitions')).textContent).toContain('2026-11-10超期');
    (await buttonIn('to-classify', '分类')).click();
    const dialog = await findTestId('petition-action-dialog');
    await eventually(() => expect(dialog.textContent).toContain('梳理分类'));
  });

  it("counts the duty officer's and the unit's disputes, each count opening the list filtered the same way", async () => {
    await mountHome(['duty_officer'], {
      duty: { ...duty, disputes },
      unit: {
        unitId: '01900000-0000-7000-8000-000000000001',
        unitName: '城关镇人民调解委员会',
        disputes: { handling: listOf(1, dispute), dueSoon: none, overdue: listOf(1, dispute) },
      },
    });
    const count = async (key: string) => findTestId(`workbench-${key}`);
    await eventually(async () =>
      expect((await count('duty-dispute-count-to-route')).textContent).toContain('4待分流纠纷'),
    );
    expect((await count('duty-dispute-count-to-route')).getAttribute('href')).toBe('/disputes?status=received');
    expect((await count('duty-dispute-count-supervision')).getAttribute('href')).toBe(
      '/disputes?supervision=true&sort=dueDate&direction=asc',
    );
    expect((await count('duty-dispute-count-overdue')).querySelector('.alarm')?.textContent).toBe('1');
    // 超期 is counted only: its rows are the supervision list's.
    expect(document.querySelector('[data-testid="workbench-duty-disputes-overdue"]')).toBeNull();
    expect((await findTestId('workbench-duty-disputes-routed')).textContent).toContain('JF2026-000007');
    // Each row's 办理时限 with its stage, as the kernel's tag shows it; none before 分流.
    const stage = async (no: string) => findTestId(`workbench-dispute-stage-${no}`);
    expect((await stage('JF2026-000007')).textContent?.trim()).toBe('超期');
    expect((await stage('JF2026-000007')).className).toContain('el-tag--danger');
    expect((await stage('JF2026-000008')).textContent?.trim()).toBe('临期');
    expect((await findTestId('workbench-duty-disputes-to-route')).textContent).toContain('JF2026-000009');
    expect(document.querySelector('[data-testid="workbench-dispute-stage-JF2026-000009"]')).toBeNull();
    const unit = await findTestId('workbench-unit');
    expect(unit.textContent).toContain('本单位待办 · 城关镇人民调解委员会');
    expect((await count('unit-dispute-count-overdue')).getAttribute('href')).toBe(
      '/disputes?unitId=01900000-0000-7000-8000-000000000001&sort=dueDate&direction=asc&stage=overdue',
    );
  });

  it('shows the leader the rates with their numerator and denominator, 待审批销号 and why 我的包案 is empty', async () => {
    await mountHome(['leader'], { leader });
    const rate = await findTestId('workbench-rate-resolution_rate');
    await eventually(() => expect(rate.textContent).toContain('25.00%'));
    expect(rate.textContent).toContain('积案总数');
    expect((await findTestId('workbench-close-out-petitions-total')).textContent?.trim()).toBe('1');
    expect((await findTestId('workbench-my-cases-none')).textContent).toContain('包案领导名单中没有');
    (await buttonIn('close-out-petitions', '销号')).click();
    await findTestId('petition-action-dialog');
  });

  it("shows the administrator what needs attention: low disk, no drill, next year's calendar", async () => {
    await mountHome(['sysadmin'], { admin });
    const backup = await findTestId('workbench-health-backup');
    await eventually(() => expect(backup.textContent).toContain('正常'));
    expect(backup.textContent).toContain('共保留 3 份');
    expect((await findTestId('workbench-health-drill')).textContent).toContain('尚未演练');
    expect((await findTestId('workbench-health-disk')).textContent).toMatch(/注意.*可用 1\.0 GB \/ 共 100\.0 GB/);
    expect((await findTestId('workbench-health-calendar')).textContent).toContain('未录入 2027 年');
    expect((await findTestId('workbench-health-audit')).textContent).toContain('完整');
  });

  it("lists the auditor's security events", async () => {
    await mountHome(['auditor'], { auditor });
    const events = await findTestId('workbench-security-events');
    await eventually(() => expect(events.textContent).toContain('zhangsan'));
    expect(events.textContent).toContain('失败');
    expect(events.textContent).toContain('密码错误');
  });

  it('shows the menu badges the backend counts, and none for a zero', async () => {
    await mountHome(
      ['duty_officer', 'leader'],
      { duty, leader },
      {
        supervision: 7,
        closeOut: 2,
        overdue: 0,
        disputeSupervision: 3,
      },
    );
    const supervision = await findTestId('badge-petitions-menu-supervision');
    await eventually(() => expect(supervision.textContent).toContain('7'));
    expect((await findTestId('badge-disputes-menu-disputeSupervision')).textContent).toContain('3');
    expect((await findTestId('badge-home-closeOut')).textContent).toContain('2');
    expect(document.querySelector('[data-testid="badge-home-overdue"]')).toBeNull();
    // Both roles' sections on one page.
    await findTestId('workbench-duty');
    await findTestId('workbench-leader');
  });
});
