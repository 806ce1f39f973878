import { describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import type { CallContext } from '../../electron/backend/api/types';
import type { Backend } from '../../electron/backend/backend';
import { BatchWriter } from '../../electron/backend/demo/batch-writer';
import { SCAN_SLICE } from '../../electron/backend/ledger/notifications/deadlines';
import { assessmentBackend, submitted } from '../helpers/assessments';
import { signInAs, signInWith, testBackend } from '../helpers/backend';
import { hazardDraft, RESPONSIBLE } from '../helpers/hazards';
import {
  BUREAU,
  EAST,
  LEADER,
  must,
  petitionBackend,
  registration,
  STEPS,
  TOWN_UNIT,
  WEST,
} from '../helpers/petitions';

const DAY = 24 * 60;

/** The notices an account sees: kind and text, unread first. */
async function seen(backend: Backend, client: CallContext, unreadOnly = false) {
  const page = await must(backend.call('notifications.list', { unreadOnly }, client));
  return page.items.map((n) => [n.kind, n.recordNo, n.read] as const);
}

const count = async (backend: Backend, client: CallContext) =>
  (await must(backend.call('notifications.unreadCount', {}, client))).count;

/** The tiny county with accounts of the east township's government (two), of the west, and of the bureau. */
async function county() {
  const setup = await petitionBackend();
  const { backend, admin } = setup;
  const east = await signInAs(backend, admin, ['duty_officer'], EAST, TOWN_UNIT);
  const eastColleague = await signInAs(backend, admin, ['duty_officer'], EAST, TOWN_UNIT);
  const west = await signInAs(backend, admin, ['duty_officer'], WEST, TOWN_UNIT);
  const bureau = await signInAs(backend, admin, ['duty_officer'], null, BUREAU);
  const register = async (summary: string, townshipCode = EAST) =>
    (
      await must(
        backend.call(
          'petitions.create',
          registration({ summary, townshipCode, petitioners: [{ name: summary, phone: '13800000009' }] }),
          setup.officer,
        ),
      )
    ).petition;
  const step = (id: string, input: object, client = setup.officer) =>
    must(backend.call('petitions.transition', { id, ...input } as never, client));
  return { ...setup, east, eastColleague, west, bureau, register, step };
}

describe('notifications', () => {
  it("tells a 交办 to the unit's accounts in the case's township, not another township's, nor the officer who took it", async () => {
    const { backend, officer, east, eastColleague, west, bureau, register, step } = await county();
    const eastCase = await register('东镇工资案');
    await step(eastCase.id, STEPS.classify);
    await step(eastCase.id, STEPS.assign);
    const westCase = await register('西街道工资案', WEST);
    await step(westCase.id, STEPS.classify);
    await step(westCase.id, STEPS.assign);

    expect(await seen(backend, east.client)).toEqual([['assigned', eastCase.caseNo, false]]);
    expect(await seen(backend, eastColleague.client)).toEqual([['assigned', eastCase.caseNo, false]]);
    // Same unit, other township: only the case in its own township.
    expect(await seen(backend, west.client)).toEqual([['assigned', westCase.caseNo, false]]);
    expect(await seen(backend, bureau.client)).toEqual([]);
    expect(await seen(backend, officer)).toEqual([]);
    const first = (await must(backend.call('notifications.list', {}, east.client))).items[0]!;
    expect(first.text).toBe(`积案 ${eastCase.caseNo}「东镇工资案」已交办你单位办理，办理时限 2026-12-20`);
    expect(await must(backend.call('notifications.unreadCount', {}, east.client))).toEqual({
      count: 1,
      newest: { id: first.id, text: first.text },
    });
  });

  it('tells 督办 to the unit and 退回 to the officer who registered the case', async () => {
    const { backend, officer, leader, east, register, step } = await county();
    const c = await register('督办案件');
    await step(c.id, STEPS.classify);
    await step(c.id, STEPS.assign);
    await must(backend.call('petitions.supervise', { id: c.id, kind: 'interview', reason: '进展缓慢' }, leader));
    await step(c.id, { action: 'object', reason: '不属于本单位职责' }, east.client);
    expect((await seen(backend, east.client)).map(([kind]) => kind)).toEqual(['supervised', 'assigned']);
    const officerSees = await must(backend.call('notifications.list', {}, officer));
    expect(officerSees.items.map((n) => [n.kind, n.text])).toEqual([
      ['returned', `积案 ${c.caseNo}「督办案件」被承办单位异议退回：不属于本单位职责`],
      ['supervised', `积案 ${c.caseNo}「督办案件」约谈：进展缓慢`],
    ]);
  });

  it('gives 临期 and 超期 once per case and due date, however often and after a restart the day is scanned', async () => {
    const { backend, clock, east, register, step } = await county();
    const c = await register('临期案件');
    await step(c.id, STEPS.classify);
    await step(c.id, { ...STEPS.assign, dueDate: '2026-11-24' });
    const later = await register('未临期案件');
    await step(later.id, STEPS.classify);
    await step(later.id, { ...STEPS.assign, dueDate: '2026-12-10' });

    expect(await seen(backend, east.client, true)).toEqual([
      ['due_soon', c.caseNo, false],
      ['assigned', later.caseNo, false],
      ['assigned', c.caseNo, false],
    ]);
    expect(await count(backend, east.client)).toBe(3);
    const rows = (kind: string) => {
      const db = new Database(backend.dbFile, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM notifications WHERE kind = ?').get(kind) as { n: number }).n;
      } finally {
        db.close();
      }
    };
    expect(rows('due_soon')).toBe(1);

    // Two days on, past its 办理时限: 超期 once, the 临期 kept.
    clock.advance(3 * DAY);
    const again = await signInWith(backend, east);
    expect(await count(backend, again)).toBe(4);
    expect(await count(backend, again)).toBe(4);
    expect([rows('due_soon'), rows('overdue')]).toEqual([1, 1]);

    // A restart scans the same day anew and writes nothing twice.
    backend.close();
    const reopened = await testBackend({ now: clock.now }, backend.dataDir);
    expect(await count(reopened, await signInWith(reopened, east))).toBe(4);
    expect([rows('due_soon'), rows('overdue')]).toEqual([1, 1]);
  });

  it('writes a large first day in slices, answering calls between them, with one audit row and a change at the end', async () => {
    const { backend, officer, east } = await county();
    const db = backend.services.sql.db;
    const user = (db.prepare('SELECT id FROM users LIMIT 1').get() as { id: string }).id;
    // 450 disputes routed to the east's unit and overdue, written as the demo writes its rows.
    const overdue = SCAN_SLICE * 2 + 50;
    const columns = ['id', 'dispute_no', 'channel', 'category', 'summary', 'received_on', 'township_code', 'urgency']
      .concat(['risk_colour', 'level', 'status', 'handling_kind', 'unit_id', 'routed_on', 'due_date', 'created_by'])
      .concat(['created_at', 'updated_at']);
    const writer = new BatchWriter(db, 'disputes', columns);
    for (let i = 0; i < overdue; i++) {
      const no = String(i).padStart(6, '0');
      writer.add(
        [`00000000-0000-7000-8000-${no.padStart(12, '0')}`, `JF2026-${no}`, 'visit', 'neighbour', '邻里纠纷']
          .concat(['2026-10-01', EAST, 'normal', 'yellow', 'county', 'mediating', 'unit', TOWN_UNIT, '2026-10-02'])
          .concat(['2026-10-17', user, '2026-10-01T01:00:00.000Z', '2026-10-01T01:00:00.000Z']),
      );
    }
    writer.finish();
    const notices = () =>
      (db.prepare("SELECT count(*) AS n FROM notifications WHERE kind = 'overdue'").get() as { n: number }).n;
    const audits = () =>
      db.prepare("SELECT detail FROM audit_log WHERE action = 'notifications.scan'").all() as Array<{ detail: string }>;
    const heard: string[] = [];
    backend.services.live.listen(({ change }) => heard.push(change.topic));

    // The first read writes one slice before it answers; a call made then is answered before the rest.
    await must(backend.call('notifications.unreadCount', {}, east.client));
    expect(notices()).toBe(SCAN_SLICE);
    const listed = await must(backend.call('disputes.list', { overdue: true, pageSize: 1 }, officer));
    expect(listed.total).toBe(overdue);
    expect(notices()).toBeLessThan(overdue);
    expect(audits()).toEqual([]);
    await vi.waitFor(() => expect(notices()).toBe(overdue));
    await vi.waitFor(() => expect(heard.filter((topic) => topic === 'notifications')).toHaveLength(2));
    expect(audits()).toEqual([{ detail: `2026-11-22 临期、超期通知 ${overdue} 条` }]);
    expect(await count(backend, east.client)).toBe(overdue);
  });

  it('marks one or all read for the account alone, and refuses a notice it cannot see', async () => {
    const { backend, east, eastColleague, bureau, register, step } = await county();
    for (const summary of ['一号案', '二号案', '三号案']) {
      const c = await register(summary);
      await step(c.id, STEPS.classify);
      await step(c.id, STEPS.assign);
    }
    const [newest] = (await must(backend.call('notifications.list', {}, east.client))).items;
    expect(await must(backend.call('notifications.markRead', { id: newest!.id }, east.client))).toEqual({ marked: 1 });
    expect(await count(backend, east.client)).toBe(2);
    const all = await seen(backend, east.client);
    expect(all.map(([, , read]) => read)).toEqual([false, false, true]);
    expect(await seen(backend, east.client, true)).toHaveLength(2);

    const refused = await backend.call('notifications.markRead', { id: newest!.id }, bureau.client);
    expect(refused.ok ? null : refused.error.code).toBe('NOT_FOUND');

    expect(await must(backend.call('notifications.markRead', {}, east.client))).toEqual({ marked: 2 });
    expect(await count(backend, east.client)).toBe(0);
    expect(await count(backend, eastColleague.client)).toBe(3);
  });

  it("drops a voided case's notices and brings them back when it is restored", async () => {
    const { backend, leader, east, register, step } = await county();
    const c = await register('误录案件');
    await step(c.id, STEPS.classify);
    const assigned = await step(c.id, STEPS.assign);
    expect(await count(backend, east.client)).toBe(1);
    const voided = await must(
      backend.call('petitions.void', { id: c.id, version: assigned.version, reason: '重复录入' }, leader),
    );
    expect(await count(backend, east.client)).toBe(0);
    expect(await seen(backend, east.client)).toEqual([]);
    await must(backend.call('petitions.restore', { id: c.id, version: voided.version, reason: '误作废' }, leader));
    expect(await seen(backend, east.client)).toEqual([['assigned', c.caseNo, false]]);
  });

  it("tells a hazard's and an assessment's 退回 to its 责任人's or proposing unit, in the record's townships", async () => {
    const setup = await assessmentBackend();
    const { backend, admin, officer } = setup;
    const east = await signInAs(backend, admin, ['duty_officer'], EAST, TOWN_UNIT);
    const west = await signInAs(backend, admin, ['duty_officer'], WEST, TOWN_UNIT);
    const hazard = await must(backend.call('hazards.create', hazardDraft({ title: '欠薪隐患' }), officer));
    const steps = [
      { action: 'startResolving', responsibleLeaderId: LEADER, responsiblePersonId: RESPONSIBLE, measures: '走访' },
      { action: 'resolve', outcome: '已结清' },
      { action: 'sendBack', reason: '仍有工人未领到工资' },
    ];
    for (const step of steps)
      await must(backend.call('hazards.transition', { id: hazard.id, ...step } as never, officer));
    const assessment = await submitted(setup);
    await must(
      backend.call(
        'assessments.transition',
        { id: assessment.id, action: 'sendBack', reason: '补充走访意见' },
        officer,
      ),
    );

    const notices = await must(backend.call('notifications.list', {}, east.client));
    expect(notices.items.map((n) => [n.kind, n.ledger, n.text])).toEqual([
      ['returned', 'assessment', `稳评 ${assessment.assessmentNo}「东镇老街棚户区改造征收」退回补充评估：补充走访意见`],
      ['returned', 'hazard', `风险隐患 ${hazard.hazardNo}「欠薪隐患」退回化解中：仍有工人未领到工资`],
    ]);
    expect(await seen(backend, west.client)).toEqual([]);
    expect(await seen(backend, officer)).toEqual([]);
  });
});
