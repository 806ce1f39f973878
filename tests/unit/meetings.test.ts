import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { seed, signInAs } from '../helpers/backend';
import { hazardDraft } from '../helpers/hazards';
import { BUREAU, EAST, must, petitionBackend, registration, TOWN_UNIT, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

/** A township meeting on the test county's today (2026-11-22) that discusses one hazard. */
const meetingInput = (over: Partial<InputOf<'meetings.create'>> = {}): InputOf<'meetings.create'> => ({
  level: 'township',
  heldOn: '2026-11-22',
  topic: '东镇工地欠薪问题联席研判',
  chairedBy: '李华',
  townshipCode: EAST,
  attendees: [
    { name: '李华', unit: '东镇人民政府' },
    { name: '王强', unit: '东镇派出所' },
  ],
  items: [{ kind: 'hazard', number: 'FX2026-000001' }],
  decisions: [{ content: '责成施工方三日内公布工资发放计划' }],
  ...over,
});

async function setupWithHazard() {
  const setup = await petitionBackend();
  const hazard = await must(setup.backend.call('hazards.create', hazardDraft(), setup.officer));
  return { ...setup, hazard };
}

const auditOf = (setup: Setup) =>
  setup.backend.services.sql.db
    .prepare("SELECT action, entity, fields FROM audit_log WHERE entity IN ('meeting', 'risk_task') ORDER BY seq")
    .all() as Array<{ action: string; entity: string; fields: string }>;

const count = (setup: Setup, table: string) =>
  setup.backend.services.sql.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

// Each test signs accounts in (slow password hashing): room for a loaded machine.
describe('recording a meeting (一评四会)', { timeout: 30_000 }, () => {
  it('numbers it, keeps attendees, items discussed by number and decisions, and audits it', async () => {
    const setup = await setupWithHazard();
    const meeting = await must(setup.backend.call('meetings.create', meetingInput(), setup.officer));
    expect(meeting).toMatchObject({
      meetingNo: 'HY2026-0001',
      level: 'township',
      heldOn: '2026-11-22',
      townshipName: '东镇',
      attendeeCount: 2,
      itemCount: 1,
      decisionCount: 1,
      assignedCount: 0,
    });
    expect(meeting.attendees).toEqual([
      { name: '李华', unit: '东镇人民政府' },
      { name: '王强', unit: '东镇派出所' },
    ]);
    expect(meeting.items).toEqual([
      { kind: 'hazard', id: setup.hazard.id, number: 'FX2026-000001', title: '某建筑工地拖欠农民工工资' },
    ]);
    expect(meeting.decisions).toEqual([
      expect.objectContaining({ sort: 0, content: '责成施工方三日内公布工资发放计划', taskId: null }),
    ]);
    expect(meeting.tasks).toEqual([]);
    expect(auditOf(setup)).toEqual([expect.objectContaining({ action: 'meetings.create', entity: 'meeting' })]);

    const page = await must(setup.backend.call('meetings.list', {}, setup.officer));
    expect(page).toMatchObject({ total: 1, items: [{ id: meeting.id, meetingNo: 'HY2026-0001' }] });
    const byItem = await must(
      setup.backend.call('meetings.list', { itemKind: 'hazard', itemId: setup.hazard.id }, setup.officer),
    );
    expect(byItem.total).toBe(1);
    expect((await must(setup.backend.call('meetings.list', { level: 'county' }, setup.officer))).total).toBe(0);
    expect((await must(setup.backend.call('meetings.list', { keyword: '欠薪' }, setup.officer))).total).toBe(1);
  });

  it('turns a decision into an assignment tracked through its stages like any task', async () => {
    const setup = await setupWithHazard();
    const { backend, officer } = setup;
    const meeting = await must(backend.call('meetings.create', meetingInput(), officer));
    const decisionId = meeting.decisions[0]!.id;

    const assigned = await must(
      backend.call('meetings.assignDecision', { decisionId, unitId: TOWN_UNIT, dueDate: '2026-11-25' }, officer),
    );
    expect(assigned.assignedCount).toBe(1);
    expect(assigned.tasks).toEqual([
      expect.objectContaining({
        ownerKind: 'meeting',
        ownerId: meeting.id,
        kind: 'assignment',
        title: '责成施工方三日内公布工资发放计划',
        unitName: '测试县东镇人民政府',
        startDate: '2026-11-22',
        dueDate: '2026-11-25',
        status: 'pending',
        stage: 'due_soon',
      }),
    ]);
    const taskId = assigned.tasks[0]!.id;
    expect(assigned.decisions[0]!.taskId).toBe(taskId);

    const again = await backend.call(
      'meetings.assignDecision',
      { decisionId, unitId: TOWN_UNIT, dueDate: '2026-11-25' },
      officer,
    );
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该议定事项已交办，请在交办事项中办理' },
    });

    await must(
      backend.call('tasks.transition', { id: taskId, action: 'start', progressNote: '已约谈施工方' }, officer),
    );
    // The deadline moved to yesterday behind the app's back: the clock shows it overdue.
    seed(backend, `UPDATE risk_tasks SET due_date = '2026-11-21' WHERE id = '${taskId}'`);
    const late = await must(backend.call('tasks.list', { ownerKind: 'meeting', ownerId: meeting.id }, officer));
    expect(late[0]).toMatchObject({ status: 'in_progress', stage: 'overdue' });
    const done = await must(
      backend.call(
        'tasks.transition',
        { id: taskId, action: 'complete', completedOn: '2026-11-22', outcome: '已公布发放计划' },
        officer,
      ),
    );
    expect(done).toMatchObject({ status: 'done', stage: 'done', allowedActions: ['reopen'] });
    expect(done.events.map((e) => e.action)).toEqual(['create', 'start', 'complete']);

    expect(auditOf(setup).map((a) => a.action)).toEqual([
      'meetings.create',
      'tasks.create',
      'meetings.assignDecision',
      'tasks.start',
      'tasks.complete',
    ]);
  });

  it('adds a decision later, assigned at once, in one audited transaction', async () => {
    const setup = await setupWithHazard();
    const { backend, officer } = setup;
    const meeting = await must(backend.call('meetings.create', meetingInput({ decisions: [] }), officer));
    const next = await must(
      backend.call(
        'meetings.addDecision',
        { id: meeting.id, content: '县信访局跟踪督办', assign: true, unitId: BUREAU, dueDate: '2026-12-10' },
        officer,
      ),
    );
    expect(next).toMatchObject({ decisionCount: 1, assignedCount: 1 });
    expect(next.tasks).toEqual([expect.objectContaining({ unitName: '测试县信访局', dueDate: '2026-12-10' })]);
    expect(auditOf(setup).map((a) => a.action)).toEqual(['meetings.create', 'tasks.create', 'meetings.addDecision']);

    const refused = await backend.call(
      'meetings.addDecision',
      { id: meeting.id, content: '', assign: true, unitId: null, dueDate: '2026-11-01' },
      officer,
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.details?.map((d) => d.path).sort()).toEqual(['content', 'dueDate', 'unitId']);
    expect(count(setup, 'meeting_decisions')).toBe(1);
  });

  it('assigns decisions given with the meeting and lists cases and assessments by number', async () => {
    const setup = await setupWithHazard();
    const { backend, officer } = setup;
    const { petition } = await must(backend.call('petitions.create', registration(), officer));
    const meeting = await must(
      backend.call(
        'meetings.create',
        meetingInput({
          items: [
            { kind: 'hazard', number: 'FX2026-000001' },
            { kind: 'petition', number: petition.caseNo },
          ],
          decisions: [
            { content: '成立工作专班', assign: true, unitId: TOWN_UNIT, dueDate: '2026-11-30' },
            { content: '下次会议听取进展' },
          ],
        }),
        officer,
      ),
    );
    expect(meeting.items.map((i) => [i.kind, i.number])).toEqual([
      ['hazard', 'FX2026-000001'],
      ['petition', petition.caseNo],
    ]);
    expect(meeting).toMatchObject({ decisionCount: 2, assignedCount: 1 });
    expect(meeting.tasks).toHaveLength(1);
  });

  it('names every wrong field in Chinese and writes nothing', async () => {
    const setup = await setupWithHazard();
    const bad = await setup.backend.call(
      'meetings.create',
      meetingInput({
        level: 'province',
        heldOn: '2026-12-01',
        topic: ' ',
        chairedBy: '',
        items: [
          { kind: 'hazard', number: 'FX2026-999999' },
          { kind: 'assessment', number: 'WP2026-0001' },
        ],
        decisions: [{ content: '交办', assign: true, unitId: null, dueDate: null }],
      }),
      setup.officer,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION');
    expect(bad.error.details?.map((d) => d.path).sort()).toEqual([
      'chairedBy',
      'decisions.0.dueDate',
      'decisions.0.unitId',
      'heldOn',
      'items.0.number',
      'items.1.number',
      'level',
      'topic',
    ]);
    expect(bad.error.message).toContain('请填写“议题”');
    expect(bad.error.message).toContain('未找到编号为 FX2026-999999 的风险隐患');

    const noTownship = await setup.backend.call('meetings.create', meetingInput({ townshipCode: null }), setup.officer);
    expect(noTownship).toMatchObject({
      ok: false,
      error: { details: [{ path: 'townshipCode', message: '乡镇级、村级会议请选择“乡镇/街道”' }] },
    });
    const village = await setup.backend.call(
      'meetings.create',
      meetingInput({ level: 'village', villageCode: '999901002001' }),
      setup.officer,
    );
    expect(village).toMatchObject({ ok: false, error: { details: [{ path: 'villageCode' }] } });
    const county = await setup.backend.call('meetings.create', meetingInput({ level: 'county' }), setup.officer);
    expect(county).toMatchObject({ ok: false, error: { details: [{ path: 'townshipCode' }] } });
    expect(count(setup, 'meetings')).toBe(0);
    expect(count(setup, 'risk_tasks')).toBe(0);
  });
});

describe('the scope of meetings', { timeout: 30_000 }, () => {
  it(
    'keeps a township user to their township and county meetings to county-wide users',
    { timeout: 30_000 },
    async () => {
      const setup = await setupWithHazard();
      const { backend, admin, officer } = setup;
      const east = await must(backend.call('meetings.create', meetingInput(), officer));
      const countyMeeting = await must(
        backend.call(
          'meetings.create',
          meetingInput({ level: 'county', townshipCode: null, topic: '县区评议会商', decisions: [] }),
          officer,
        ),
      );
      expect(countyMeeting).toMatchObject({ meetingNo: 'HY2026-0002', townshipName: null });

      const west = (await signInAs(backend, admin, ['duty_officer'], WEST)).client;
      expect((await must(backend.call('meetings.list', {}, west))).total).toBe(0);
      for (const id of [east.id, countyMeeting.id]) {
        expect(await backend.call('meetings.get', { id }, west)).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });
      }
      expect(
        await backend.call(
          'meetings.assignDecision',
          { decisionId: east.decisions[0]!.id, unitId: TOWN_UNIT, dueDate: '2026-11-30' },
          west,
        ),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await backend.call('tasks.list', { ownerKind: 'meeting', ownerId: east.id }, west)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await backend.call('meetings.create', meetingInput({ items: [] }), west)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: '您只能登记和办理本辖区的会议。' },
      });
      expect(
        await backend.call('meetings.create', meetingInput({ level: 'city', townshipCode: null, items: [] }), west),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // A hazard of another township cannot be listed as discussed: it is not found in the scope.
      const westMeeting = await backend.call('meetings.create', meetingInput({ townshipCode: WEST }), west);
      expect(westMeeting).toMatchObject({ ok: false, error: { details: [{ path: 'items.0.number' }] } });

      const eastUser = (await signInAs(backend, admin, ['leader'], EAST)).client;
      const seen = await must(backend.call('meetings.list', {}, eastUser));
      expect(seen.items.map((m) => m.id)).toEqual([east.id]);
    },
  );
});
