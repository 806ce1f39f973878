import { describe, expect, it } from 'vitest';
import { PETITION_ACTIONS, PETITION_STATUSES, transitionError } from '../../shared/domain/petitions/statuses';
import {
  BUREAU,
  EAST,
  LEADER,
  must,
  PETITIONER,
  petitionBackend,
  registration,
  STEPS,
  TALLIES_BY_TRIGGERS,
  TALLIES_RECOUNTED,
  TOWN_UNIT,
} from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

const auditRows = (setup: Setup) =>
  setup.backend.services.sql.db
    .prepare("SELECT action, entity, entity_id, fields, detail FROM audit_log WHERE entity = 'petition' ORDER BY seq")
    .all() as Array<{ action: string; entity_id: string; fields: string; detail: string }>;

const readRows = (setup: Setup, query: string) => setup.backend.services.sql.db.prepare(query).all();

// separateCase: each call registers a new case, the same petitioner notwithstanding.
async function registered(setup: Setup) {
  return (await must(setup.backend.call('petitions.create', registration({ separateCase: true }), setup.officer)))
    .petition;
}

const REPLIED = ['classify', 'assign', 'startResolving', 'reply'] as const;
const REVIEWED = [...REPLIED, 'requestReview', 'decideReview'] as const;

/** The steps that bring a new case to each status. */
const PATH: Record<(typeof PETITION_STATUSES)[number], ReadonlyArray<keyof typeof STEPS>> = {
  found: [],
  classified: ['classify'],
  accepted: ['classify', 'accept'],
  assigned: ['classify', 'assign'],
  resolving: ['classify', 'assign', 'startResolving'],
  replied: REPLIED,
  reviewing: [...REPLIED, 'requestReview'],
  reviewed: REVIEWED,
  re_reviewing: [...REVIEWED, 'requestReReview'],
  final: [...REVIEWED, 'requestReReview', 'decideReReview'],
  resolved: [...REPLIED, 'resolve'],
  closed: [...REPLIED, 'resolve', 'closeOut'],
  not_accepted: ['refuse'],
  not_again: ['refuseAgain'],
};

/** Drives a case to `status` through the backend. */
async function caseAt(setup: Setup, status: (typeof PETITION_STATUSES)[number]) {
  const { backend, officer, leader } = setup;
  const p = await registered(setup);
  for (const step of PATH[status].map((name) => STEPS[name])) {
    await must(
      backend.call('petitions.transition', { id: p.id, ...step }, step.action === 'closeOut' ? leader : officer),
    );
  }
  return p.id;
}

describe('petitions: the closed loop through dispatch', () => {
  it('registers, classifies, assigns, records progress, resolves and is closed out by a leader', async () => {
    const setup = await petitionBackend();
    const { backend, officer, leader } = setup;
    const p = await registered(setup);
    expect(p).toMatchObject({ caseNo: 'XF2026-000001', status: 'found', petitionCount: 1, stage: null });
    const id = p.id;
    await must(
      backend.call(
        'petitions.transition',
        { id, action: 'classify', itemType: 'appeal', category: 'labour_social_security' },
        officer,
      ),
    );
    const assigned = await must(
      backend.call(
        'petitions.transition',
        { id, action: 'assign', handlingUnitId: TOWN_UNIT, responsibleLeaderId: LEADER, dueDate: '2026-12-20' },
        officer,
      ),
    );
    expect(assigned).toMatchObject({
      status: 'assigned',
      handlingUnitName: '测试县东镇人民政府',
      leaderName: '张明',
      dueDate: '2026-12-20',
      assignedDate: '2026-11-22',
      stage: 'normal',
    });
    const progressing = await must(
      backend.call('petitions.addProgress', { id, content: '约见信访人，核实欠薪金额' }, officer),
    );
    expect(progressing.status).toBe('resolving');
    expect(progressing.progress).toMatchObject([{ date: '2026-11-22', content: '约见信访人，核实欠薪金额' }]);
    const replied = await must(
      backend.call('petitions.transition', { id, action: 'reply', replyKind: 'explain' }, officer),
    );
    expect(replied).toMatchObject({ status: 'replied', replyDate: '2026-11-22', replyKind: 'explain', stage: 'done' });
    await must(backend.call('petitions.transition', { id, action: 'resolve', outcome: '工资已全部结清' }, officer));

    const refused = await backend.call(
      'petitions.transition',
      { id, action: 'closeOut', evidence: '息诉罢访承诺书' },
      officer,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await must(backend.call('petitions.get', { id }, officer))).status).toBe('resolved');

    const closed = await must(
      backend.call('petitions.transition', { id, action: 'closeOut', evidence: '息诉罢访承诺书' }, leader),
    );
    expect(closed).toMatchObject({
      status: 'closed',
      closedDate: '2026-11-22',
      resolvedDate: '2026-11-22',
      stage: 'done',
    });
    expect(closed.closeOuts).toMatchObject([
      { evidence: '息诉罢访承诺书', approvedByName: expect.stringMatching(/^测试用户/) },
    ]);
    expect(closed.events.map((e) => e.action ?? e.kind)).toEqual([
      'register',
      'classify',
      'assign',
      'startResolving',
      'reply',
      'resolve',
      'closeOut',
    ]);
    expect(closed.events.at(-1)).toMatchObject({ fromStatus: 'resolved', toStatus: 'closed' });

    expect(auditRows(setup).map((r) => r.action)).toEqual([
      'petitions.create',
      'petitions.classify',
      'petitions.assign',
      'petitions.addProgress',
      'petitions.reply',
      'petitions.resolve',
      'petitions.closeOut',
    ]);
    expect(JSON.parse(auditRows(setup)[2]!.fields)).toEqual([
      'status',
      'handlingUnitId',
      'responsibleLeaderId',
      'dueDate',
    ]);
  });

  it('refuses a leader’s non-close-out step and an officer’s close-out, both FORBIDDEN', async () => {
    const setup = await petitionBackend();
    const id = await caseAt(setup, 'found');
    const r = await setup.backend.call(
      'petitions.transition',
      { id, action: 'classify', itemType: 'appeal', category: 'other' },
      setup.leader,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses every illegal transition with the domain’s message and changes nothing', async () => {
    const setup = await petitionBackend();
    const full = {
      itemType: 'appeal',
      category: 'other',
      handlingUnitId: BUREAU,
      responsibleLeaderId: LEADER,
      dueDate: '2026-12-31',
      reason: '原因说明',
      progressNote: '进展',
      outcome: '结果',
      evidence: '依据',
      replyKind: 'support',
    } as const;
    for (const status of PETITION_STATUSES) {
      const id = await caseAt(setup, status);
      for (const action of PETITION_ACTIONS) {
        const message = transitionError(status, action);
        if (!message) continue;
        const client = action === 'closeOut' ? setup.leader : setup.officer;
        const before = setup.backend.services.sql.db.prepare('SELECT * FROM petitions WHERE id = ?').get(id);
        const events = setup.backend.services.sql.db.prepare('SELECT count(*) FROM petition_events').pluck().get();
        const r = await setup.backend.call('petitions.transition', { id, action, ...full }, client);
        expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message, details: [{ path: 'status', message }] } });
        expect(setup.backend.services.sql.db.prepare('SELECT * FROM petitions WHERE id = ?').get(id)).toEqual(before);
        expect(setup.backend.services.sql.db.prepare('SELECT count(*) FROM petition_events').pluck().get()).toBe(
          events,
        );
      }
    }
  });

  it('names the missing required fields and refuses a deadline before today', async () => {
    const setup = await petitionBackend();
    const id = await caseAt(setup, 'classified');
    const r = await setup.backend.call(
      'petitions.transition',
      { id, action: 'assign', handlingUnitId: TOWN_UNIT },
      setup.officer,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!r.ok && r.error.details!.map((d) => d.path)).toEqual(['responsibleLeaderId', 'dueDate']);
    const past = await setup.backend.call(
      'petitions.transition',
      { id, action: 'assign', handlingUnitId: TOWN_UNIT, responsibleLeaderId: LEADER, dueDate: '2026-11-21' },
      setup.officer,
    );
    expect(past).toMatchObject({
      ok: false,
      error: { details: [{ path: 'dueDate', message: '“办理时限”不能早于今天（2026-11-22）' }] },
    });
    const unknownUnit = await setup.backend.call(
      'petitions.transition',
      {
        id,
        action: 'assign',
        handlingUnitId: '01900000-0000-7000-8000-0000000000ff',
        responsibleLeaderId: LEADER,
        dueDate: '2026-12-01',
      },
      setup.officer,
    );
    expect(unknownUnit).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'handlingUnitId' }] },
    });
    expect((await must(setup.backend.call('petitions.get', { id }, setup.officer))).status).toBe('classified');
  });

  it('records a transfer with its reason and unit in the timeline; the same unit is refused', async () => {
    const setup = await petitionBackend();
    const id = await caseAt(setup, 'resolving');
    const same = await setup.backend.call(
      'petitions.transition',
      { id, action: 'transfer', handlingUnitId: TOWN_UNIT, reason: '职权' },
      setup.officer,
    );
    expect(same).toMatchObject({
      ok: false,
      error: { details: [{ path: 'handlingUnitId', message: '转办须改为另一个承办单位' }] },
    });
    const moved = await must(
      setup.backend.call(
        'petitions.transition',
        { id, action: 'transfer', handlingUnitId: BUREAU, reason: '涉及多部门，需信访局统筹' },
        setup.officer,
      ),
    );
    expect(moved).toMatchObject({ status: 'assigned', handlingUnitId: BUREAU });
    expect(moved.events.at(-1)).toMatchObject({
      action: 'transfer',
      fromStatus: 'resolving',
      toStatus: 'assigned',
      unitName: '测试县信访局',
      reason: '涉及多部门，需信访局统筹',
    });
  });

  it('extends an appeal case once by at most 30 days with approval and reason', async () => {
    const setup = await petitionBackend();
    const id = await caseAt(setup, 'assigned');
    const tooLong = await setup.backend.call(
      'petitions.extend',
      { id, days: 31, approvedBy: '王局长', reason: '需鉴定' },
      setup.officer,
    );
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'days', message: '延长期限不得超过 30 日' }] },
    });
    const extended = await must(
      setup.backend.call(
        'petitions.extend',
        { id, days: 30, approvedBy: '王局长', reason: '需司法鉴定' },
        setup.officer,
      ),
    );
    expect(extended).toMatchObject({
      // From the statutory date (accepted 2026-11-22 + 60 days = 2027-01-21), not from the earlier 办理时限.
      dueDate: '2027-02-20',
      conclusionDueDate: '2027-02-20',
      extension: { days: 30, approvedBy: '王局长', reason: '需司法鉴定' },
    });
    expect(extended.events.at(-1)).toMatchObject({ kind: 'extension' });
    const again = await setup.backend.call(
      'petitions.extend',
      { id, days: 5, approvedBy: '王局长', reason: '再延' },
      setup.officer,
    );
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '办理期限只能延长一次，本事项已延长过' },
    });
  });

  it('records supervision by kind; progress on a found case is refused', async () => {
    const setup = await petitionBackend();
    const id = await caseAt(setup, 'assigned');
    const supervised = await must(
      setup.backend.call('petitions.supervise', { id, kind: 'listed', reason: '临期未见进展' }, setup.leader),
    );
    expect(supervised.supervisions).toMatchObject([{ kind: 'listed', reason: '临期未见进展' }]);
    const fresh = await caseAt(setup, 'found');
    const r = await setup.backend.call('petitions.addProgress', { id: fresh, content: '走访' }, setup.officer);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('audits every write with field names and never the petitioner’s personal values', async () => {
    const setup = await petitionBackend();
    const id = await caseAt(setup, 'closed');
    const reopened = await must(
      setup.backend.call(
        'petitions.transition',
        { id, action: 'reopen', reason: '信访人再次来访', dueDate: '2027-01-10' },
        setup.officer,
      ),
    );
    await must(
      setup.backend.call(
        'petitions.update',
        {
          id,
          version: reopened.version,
          townshipCode: EAST,
          summary: '反映工地拖欠工资及社保问题',
          firstPetitionDate: '2026-10-01',
          receivedDate: '2026-11-20',
          itemType: 'appeal',
          category: 'labour_social_security',
        },
        setup.officer,
      ),
    );
    // The edit re-indexed the summary, and every step kept the figure tallies equal to a recount.
    const found = await must(setup.backend.call('petitions.list', { keyword: '社保' }, setup.officer));
    expect(found.items.map((r) => r.id)).toEqual([id]);
    expect(readRows(setup, TALLIES_BY_TRIGGERS)).toStrictEqual(readRows(setup, TALLIES_RECOUNTED));
    await must(setup.backend.call('petitions.create', registration({ highestLevel: 'city' }), setup.officer));
    const rows = auditRows(setup);
    expect(rows.map((r) => r.action)).toEqual([
      'petitions.create',
      'petitions.classify',
      'petitions.assign',
      'petitions.startResolving',
      'petitions.reply',
      'petitions.resolve',
      'petitions.closeOut',
      'petitions.reopen',
      'petitions.update',
      'petitions.repeat',
    ]);
    expect(rows.every((r) => r.entity_id === id)).toBe(true);
    expect(JSON.parse(rows[8]!.fields)).toEqual(['summary']);
    expect(JSON.parse(rows[9]!.fields)).toEqual(['petitionCount', 'highestLevel']);
    const all = JSON.stringify(setup.backend.services.sql.db.prepare('SELECT * FROM audit_log').all());
    for (const value of [PETITIONER.idNumber, PETITIONER.phone, PETITIONER.name, PETITIONER.address]) {
      expect(all).not.toContain(value);
    }
  });
});
