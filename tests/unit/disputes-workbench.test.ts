import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../electron/backend/api/types';
import type { Backend } from '../../electron/backend/backend';
import { clockStage } from '../../shared/domain/ledger/deadlines';
import { signInAs, signInWith } from '../helpers/backend';
import { intake } from '../helpers/disputes';
import { BUREAU, EAST, must, petitionBackend, TOWN_UNIT, WEST } from '../helpers/petitions';

const DAY = 24 * 60;
const PARTY = [{ kind: 'organisation' as const, side: 'applicant' as const, name: '东一村经济合作社' }];

/** The tiny county (today 2026-11-22) with accounts of the east township's unit, the west's and the bureau. */
async function county() {
  const setup = await petitionBackend();
  const { backend, admin, officer } = setup;
  const east = await signInAs(backend, admin, ['duty_officer'], EAST, TOWN_UNIT);
  const west = await signInAs(backend, admin, ['duty_officer'], WEST, TOWN_UNIT);
  const bureau = await signInAs(backend, admin, ['duty_officer'], null, BUREAU);
  const take = async (summary: string, townshipCode = EAST) =>
    must(
      backend.call(
        'disputes.create',
        intake({ summary, townshipCode, villageCode: null, receivedOn: '2026-11-01', parties: PARTY }),
        officer,
      ),
    );
  const step = (id: string, input: object, client: CallContext = officer) =>
    must(backend.call('disputes.transition', { id, ...input } as never, client));
  /** Routed to the east's unit on `on` (归口单位办理: 15 days). */
  const route = (id: string, on: string) =>
    step(id, { action: 'route', handlingKind: 'unit', unitId: TOWN_UNIT, happenedOn: on });
  return { ...setup, east, west, bureau, take, step, route };
}

const seen = async (backend: Backend, client: CallContext) =>
  (await must(backend.call('notifications.list', {}, client))).items.map((n) => [n.kind, n.recordNo, n.text]);

describe('disputes: deadline stages', () => {
  it('gives each routed dispute the kernel stage of its 办理时限 at the boundary dates, in the list, its filter and the drawer', async () => {
    const { backend, officer, take, route } = await county();
    // Today is 2026-11-22; 临期 is 3 days; each is due 15 days after its 分流.
    const cases = [
      ['2026-11-20', '2026-12-05', 'normal'],
      ['2026-11-15', '2026-11-30', 'normal'],
      ['2026-11-14', '2026-11-29', 'half_used'],
      ['2026-11-11', '2026-11-26', 'half_used'],
      ['2026-11-10', '2026-11-25', 'due_soon'],
      ['2026-11-07', '2026-11-22', 'due_soon'],
      ['2026-11-06', '2026-11-21', 'overdue'],
    ] as const;
    const numbers: string[] = [];
    for (const [on, due, stage] of cases) {
      const d = await take(`分流于${on}`);
      const routed = await route(d.id, on);
      expect([routed.dueDate, routed.stage]).toEqual([due, stage]);
      expect(clockStage({ concluded: false, startDate: on, dueDate: due, today: '2026-11-22' }, 3)).toBe(stage);
      numbers.push(d.disputeNo);
    }
    const waiting = await take('尚未分流');
    const guided = await take('已引导');
    await must(
      backend.call(
        'disputes.transition',
        { id: guided.id, action: 'guide', legalPath: 'litigation', reason: '须经法院' },
        officer,
      ),
    );
    const page = await must(backend.call('disputes.list', { sort: 'disputeNo', direction: 'asc' }, officer));
    const stages = Object.fromEntries(page.items.map((r) => [r.disputeNo, r.stage]));
    expect(stages[waiting.disputeNo]).toBeNull();
    expect(stages[guided.disputeNo]).toBe('done');

    const byStage = async (stage: string) =>
      (
        await must(backend.call('disputes.list', { stage, sort: 'disputeNo', direction: 'asc' } as never, officer))
      ).items.map((r) => r.disputeNo);
    expect(await byStage('due_soon')).toEqual([numbers[4], numbers[5]]);
    expect(await byStage('overdue')).toEqual([numbers[6]]);
    expect(await byStage('half_used')).toEqual([numbers[2], numbers[3]]);
    // The supervision queue: 临期 and 超期, the earliest due first.
    const queue = await must(
      backend.call('disputes.list', { supervision: true, sort: 'dueDate', direction: 'asc' }, officer),
    );
    expect(queue.items.map((r) => r.disputeNo)).toEqual([numbers[6], numbers[5], numbers[4]]);
  });
});

describe('disputes: notifications', () => {
  it("tells 分流 to the unit's accounts in the dispute's township, not another township's, nor another unit", async () => {
    const { backend, officer, east, west, bureau, take, route } = await county();
    const d = await take('东镇邻里纠纷');
    await route(d.id, '2026-11-22');
    expect(await seen(backend, east.client)).toEqual([
      ['assigned', d.disputeNo, `矛盾纠纷 ${d.disputeNo}「东镇邻里纠纷」已分流你单位办理，办理时限 2026-12-07`],
    ]);
    expect(await seen(backend, west.client)).toEqual([]);
    expect(await seen(backend, bureau.client)).toEqual([]);
    expect(await seen(backend, officer)).toEqual([]);
  });

  it('gives 临期 and 超期 once from the day scan, and drops a voided dispute’s notices', async () => {
    const { backend, leader, east, take, route } = await county();
    const soon = await take('临期纠纷');
    await route(soon.id, '2026-11-09'); // due 11-24
    const late = await take('超期纠纷');
    await route(late.id, '2026-11-05'); // due 11-20
    const kinds = async (client: CallContext) => (await seen(backend, client)).map(([kind, no]) => `${kind}:${no}`);
    expect((await kinds(east.client)).sort()).toEqual(
      [
        `assigned:${soon.disputeNo}`,
        `assigned:${late.disputeNo}`,
        `due_soon:${soon.disputeNo}`,
        `overdue:${late.disputeNo}`,
      ].sort(),
    );
    const scanned = backend.services.sql.db
      .prepare("SELECT kind, text FROM notifications WHERE ledger = 'dispute' AND due_date IS NOT NULL ORDER BY kind")
      .all();
    expect(scanned).toEqual([
      { kind: 'due_soon', text: `矛盾纠纷 ${soon.disputeNo}「临期纠纷」办理时限 2026-11-24，已临期` },
      { kind: 'overdue', text: `矛盾纠纷 ${late.disputeNo}「超期纠纷」办理时限 2026-11-20，已超期` },
    ]);
    const voided = await must(backend.call('disputes.void', { id: late.id, version: 2, reason: '重复受理' }, leader));
    expect(voided.voidedAt).not.toBeNull();
    expect((await kinds(east.client)).sort()).toEqual(
      [`assigned:${soon.disputeNo}`, `due_soon:${soon.disputeNo}`].sort(),
    );
  });

  it('writes a new 超期 when the day moves past the due date, once', async () => {
    const { backend, clock, east, take, route } = await county();
    const d = await take('到期纠纷');
    await route(d.id, '2026-11-08'); // due 11-23: 临期 today
    const kinds = async (client: CallContext) => (await seen(backend, client)).map(([kind]) => kind).sort();
    expect(await kinds(east.client)).toEqual(['assigned', 'due_soon']);
    clock.advance(2 * DAY);
    const again = await signInWith(backend, east);
    expect(await kinds(again)).toEqual(['assigned', 'due_soon', 'overdue']);
    expect(await kinds(again)).toEqual(['assigned', 'due_soon', 'overdue']);
  });
});

describe('disputes on 工作台 and 今日', () => {
  it('counts each role’s dispute to-dos exactly, in its scope', async () => {
    const { backend, officer, leader, east, west, take, step, route } = await county();
    const received = await take('待分流');
    await take('西街道待分流', WEST);
    const routed = await take('待调处');
    await route(routed.id, '2026-11-20');
    const soon = await take('临期');
    await route(soon.id, '2026-11-09');
    await step(soon.id, { action: 'startMediation', coordination: 'single', mediator: '刘调解' });
    const late = await take('超期');
    await route(late.id, '2026-11-05');
    const visit = await take('待回访');
    await step(visit.id, { action: 'withdraw', reason: '当事人撤回' });
    const closing = await take('待销号');
    await step(closing.id, { action: 'withdraw', reason: '当事人撤回' });
    await step(closing.id, { action: 'visit', satisfaction: 'satisfied', visitNote: '已和好' });

    const numbers = (list: { items: Array<{ disputeNo: string }>; total: number }) => [
      list.total,
      list.items.map((i) => i.disputeNo),
    ];
    const bench = await must(backend.call('workbench.get', { limit: 8 }, officer));
    const duty = bench.duty!.disputes!;
    expect(numbers(duty.toRoute)[0]).toBe(2);
    expect(numbers(duty.routed)).toEqual([2, [routed.disputeNo, late.disputeNo].sort().reverse()]);
    expect(numbers(duty.toVisit)).toEqual([1, [visit.disputeNo]]);
    expect(numbers(duty.supervision)).toEqual([2, [late.disputeNo, soon.disputeNo]]);
    expect(numbers(duty.overdue)).toEqual([1, [late.disputeNo]]);
    expect(bench.unit).toBeUndefined();
    // Each row carries its 办理时限's stage as the list computes it; none before 分流.
    const stages = Object.fromEntries(
      [...duty.toRoute.items, ...duty.routed.items, ...duty.supervision.items].map((d) => [d.summary, d.stage]),
    );
    expect(stages).toEqual({ 待分流: null, 西街道待分流: null, 待调处: 'normal', 临期: 'due_soon', 超期: 'overdue' });
    const listed = await must(backend.call('disputes.list', { open: true, pageSize: 50 }, officer));
    for (const row of listed.items.filter((r) => r.summary in stages)) expect(stages[row.summary]).toBe(row.stage);

    const lead = await must(backend.call('workbench.get', { limit: 8 }, leader));
    expect(lead.duty).toBeUndefined();
    expect(numbers(lead.leader!.disputes!.closeOut)).toEqual([1, [closing.disputeNo]]);
    expect(numbers(lead.leader!.disputes!.overdue)).toEqual([1, [late.disputeNo]]);

    // The east township's unit account: its unit's disputes in its township.
    const unit = (await must(backend.call('workbench.get', { limit: 8 }, east.client))).unit!;
    expect(unit.unitId).toBe(TOWN_UNIT);
    expect(numbers(unit.disputes.handling)).toEqual([3, [late.disputeNo, soon.disputeNo, routed.disputeNo]]);
    expect(numbers(unit.disputes.dueSoon)).toEqual([1, [soon.disputeNo]]);
    expect(numbers(unit.disputes.overdue)).toEqual([1, [late.disputeNo]]);
    const westDuty = (await must(backend.call('workbench.get', { limit: 8 }, west.client))).duty!.disputes!;
    expect([westDuty.toRoute.total, westDuty.overdue.total]).toEqual([1, 0]);

    // The menu's badges count them with the other ledgers'.
    expect(await must(backend.call('workbench.badges', {}, officer))).toMatchObject({
      overdue: 1,
      disputeSupervision: 2,
    });
    expect(await must(backend.call('workbench.badges', {}, leader))).toMatchObject({
      closeOut: 1,
      disputeSupervision: 2,
    });

    // A voided dispute leaves every list and count.
    await must(backend.call('disputes.void', { id: late.id, version: 2, reason: '重复受理' }, leader));
    const after = (await must(backend.call('workbench.get', { limit: 8 }, officer))).duty!.disputes!;
    expect([after.routed.total, after.supervision.total, after.overdue.total]).toEqual([1, 1, 0]);
    expect(await must(backend.call('workbench.badges', {}, officer))).toMatchObject({ disputeSupervision: 1 });
    expect(received.status).toBe('received');
  });

  it('shows today’s intake, the disputes due today and those overdue since today on 今日', async () => {
    const { backend, officer, take, route } = await county();
    const arrived = await must(
      backend.call(
        'disputes.create',
        intake({ summary: '今日受理', villageCode: null, parties: PARTY, receivedOn: '2026-11-22' }),
        officer,
      ),
    );
    const due = await take('今日到期');
    await route(due.id, '2026-11-07');
    const overdue = await take('今日超期');
    await route(overdue.id, '2026-11-06');
    const older = await take('早已超期');
    await route(older.id, '2026-11-05');
    const day = await must(backend.call('today.overview', { limit: 20 }, officer));
    expect(day.readable.disputes).toBe(true);
    expect(day.arrived.disputes.items.map((d) => d.disputeNo)).toEqual([arrived.disputeNo]);
    expect(day.dueToday.disputes.items.map((d) => [d.disputeNo, d.dueDate])).toEqual([[due.disputeNo, '2026-11-22']]);
    expect(day.overdueToday.disputes.items.map((d) => d.disputeNo)).toEqual([overdue.disputeNo]);
    expect(day.arrived.disputes.items[0]).toMatchObject({ categoryLabel: '邻里', townshipName: expect.any(String) });
  });
});
