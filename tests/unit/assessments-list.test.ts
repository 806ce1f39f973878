import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_BREAKDOWNS,
  ASSESSMENT_FIGURES,
  type AssessmentFigureRecord,
} from '../../shared/domain/risks/figures';
import { dueReReviews } from '../../shared/domain/risks/re-reviews';
import { signInAs } from '../helpers/backend';
import {
  assessmentBackend,
  assessmentInput,
  EAST,
  must,
  submitted,
  WEST,
  type AssessmentSetup,
} from '../helpers/assessments';

/** The hand-built set: [status, residual, recommended, decision], each an assessment affecting East (i even) or West. */
const SET: Array<[string, string | null, string | null, string | null]> = [
  ['registered', null, null, null],
  ['assessing', 'low', 'implement', null],
  ['pending_decision', 'medium', 'postpone', null],
  ['decided', 'low', 'implement', 'implement'],
  ['decided', 'medium', 'postpone', 'implement'],
  ['tracking', 'low', 'implement', 'implement'],
  ['archived', 'high', 'reject', 'reject'],
  ['archived', 'medium', 'postpone', 'postpone'],
  ['decided', 'high', 'reject', 'postpone'],
];

/** Writes the set straight into the tables (the workflow is proved elsewhere). */
function handBuilt(setup: AssessmentSetup) {
  const db = setup.backend.services.sql.db;
  const creator = db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as string;
  const insert = db.prepare(`INSERT INTO assessments (id, assessment_no, matter, matter_type, proposing_unit_id,
    people_affected, registered_on, status, risk_level_after, recommended_conclusion, decision, next_re_review_on,
    implemented_on, created_by, created_at, updated_at)
    VALUES (@id, @no, @matter, @type, '01900000-0000-7000-8000-000000000001', @people, @registered, @status, @after,
    @recommended, @decision, @next, @implemented, @creator, 't', 't')`);
  const link = db.prepare('INSERT INTO assessment_townships (assessment_id, township_code, sort) VALUES (?, ?, 0)');
  const records: AssessmentFigureRecord[] = [];
  SET.forEach(([status, after, recommended, decision], i) => {
    const id = `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`;
    insert.run({
      id,
      no: `WP2025-${String(i + 1).padStart(4, '0')}`,
      matter: i === 4 ? '西街道学校撤并' : `批量事项第${i}号`,
      type: i % 2 ? 'decision' : 'project',
      people: 100 * (i + 1),
      registered: `2026-0${1 + (i % 9)}-15`,
      status,
      after,
      recommended,
      decision,
      next: status === 'tracking' ? '2026-11-24' : null,
      implemented: status === 'tracking' ? '2026-05-24' : null,
      creator,
    });
    link.run(id, i % 2 ? WEST : EAST);
    records.push({ id, status, riskLevelAfter: after, recommendedConclusion: recommended, decision } as never);
  });
  db.exec(
    "INSERT INTO assessments_search (rowid, assessment_no, matter, description) SELECT rowid, '', '', '' FROM assessments",
  );
  return records;
}

describe('assessments: list, search, figures, scope', () => {
  it('searches matters by 1, 2 and 4 characters through the trigram index', async () => {
    const setup = await assessmentBackend();
    const { backend, officer } = setup;
    await must(backend.call('assessments.create', assessmentInput(), officer));
    await must(
      backend.call('assessments.create', assessmentInput({ matter: '西街道学校撤并', townshipCodes: [WEST] }), officer),
    );
    const found = async (keyword: string) =>
      (await must(backend.call('assessments.list', { keyword }, officer))).items.map((r) => r.matter);
    expect(await found('棚')).toEqual(['东镇老街棚户区改造征收']);
    expect(await found('撤并')).toEqual(['西街道学校撤并']);
    expect(await found('老街棚户')).toEqual(['东镇老街棚户区改造征收']);
    expect(await found('WP2026-0002')).toEqual(['西街道学校撤并']);
    expect(await found('街')).toHaveLength(2);
    expect(await found('机场')).toEqual([]);
  });

  it('filters, sorts and pages in SQL', async () => {
    const setup = await assessmentBackend();
    handBuilt(setup);
    const list = (input: object) => must(setup.backend.call('assessments.list', input as never, setup.officer));
    expect((await list({ status: 'decided' })).total).toBe(3);
    expect((await list({ riskLevel: 'medium' })).total).toBe(3);
    expect((await list({ decision: 'implement' })).total).toBe(3);
    expect((await list({ townshipCode: WEST })).items.every((r) => r.townships[0]!.code === WEST)).toBe(true);
    expect((await list({ matterType: 'decision' })).total).toBe(4);
    expect((await list({ registeredFrom: '2026-03-01', registeredTo: '2026-05-31' })).total).toBe(3);
    const byPeople = await list({ sort: 'peopleAffected', direction: 'asc', pageSize: 4, page: 2 });
    expect(byPeople.items.map((r) => r.peopleAffected)).toEqual([500, 600, 700, 800]);
    expect(byPeople.total).toBe(9);
    const byNo = await list({ sort: 'assessmentNo', direction: 'desc', pageSize: 2 });
    expect(byNo.items.map((r) => r.assessmentNo)).toEqual(['WP2025-0009', 'WP2025-0008']);
  });

  it('counts the figures exactly as the domain defines them, and a click lists exactly the assessments behind each', async () => {
    const setup = await assessmentBackend();
    const records = handBuilt(setup);
    const figures = await must(setup.backend.call('assessments.figures', {}, setup.officer));
    const context = { today: '2026-11-22' };
    const follows = figures.figures.find((f) => f.code === 'decision_follows_recommendation')!;
    expect(follows.result).toEqual(ASSESSMENT_FIGURES[0]!.compute(records, context));
    expect(follows.result).toMatchObject({ numerator: 4, denominator: 6 });
    const byLevel = figures.breakdowns.find((b) => b.code === 'assessments_by_level')!;
    expect(byLevel.rows.map((r) => [r.key, r.numerator, r.denominator])).toEqual([
      ['high', 2, 7],
      ['medium', 3, 7],
      ['low', 2, 7],
    ]);
    expect(figures.breakdowns.map((b) => b.rows)).toEqual(
      ASSESSMENT_BREAKDOWNS.map((b) => b.compute(records, context)),
    );
    const total = async (input: object) =>
      (await must(setup.backend.call('assessments.list', input as never, setup.officer))).total;
    for (const figure of figures.figures) {
      expect(await total({ figure: figure.code })).toBe(figure.result.numerator);
      expect(await total({ figure: figure.code, figurePart: 'denominator' })).toBe(figure.result.denominator);
    }
    for (const breakdown of figures.breakdowns) {
      for (const row of breakdown.rows) {
        expect(await total({ figure: breakdown.code, figureKey: row.key })).toBe(row.numerator);
        expect(await total({ figure: breakdown.code, figurePart: 'denominator' })).toBe(row.denominator);
      }
    }
  });

  it('lists the re-reviews due soon or overdue, earliest first, as the domain picks them', async () => {
    const setup = await assessmentBackend();
    const { backend, officer } = setup;
    const ids: string[] = [];
    const nexts = ['2027-05-21', '2026-11-25', '2026-11-15'];
    for (const next of nexts) {
      const { id } = await submitted(setup);
      await must(
        backend.call(
          'assessments.transition',
          { id, action: 'decide', decision: 'implement', decidedBy: '县委常委会', decidedOn: '2026-11-05' },
          officer,
        ),
      );
      await must(
        backend.call(
          'assessments.transition',
          { id, action: 'startTracking', implementedOn: '2026-11-10', nextReReviewOn: next },
          officer,
        ),
      );
      ids.push(id);
    }
    const due = await must(backend.call('assessments.reReviewsDue', {}, officer));
    const domain = dueReReviews(
      ids.map((id, i) => ({
        id,
        status: 'tracking' as const,
        lastReviewedOn: '2026-11-10',
        nextReReviewOn: nexts[i]!,
      })),
      '2026-11-22',
      3,
    );
    expect(due.items.map((r) => r.id)).toEqual(domain.map((d) => d.id));
    expect(due.items.map((r) => [r.nextReReviewOn, r.reReviewStage])).toEqual([
      ['2026-11-15', 'overdue'],
      ['2026-11-25', 'due_soon'],
    ]);
    const reviewed = await must(
      backend.call(
        'assessments.recordReReview',
        {
          id: ids[2]!,
          reviewedOn: '2026-11-22',
          finding: '群众反映平稳',
          riskLevel: 'low',
          nextReReviewOn: '2027-05-22',
        },
        officer,
      ),
    );
    expect(reviewed).toMatchObject({
      lastReviewedOn: '2026-11-22',
      nextReReviewOn: '2027-05-22',
      reReviewStage: 'normal',
    });
    expect(reviewed.reReviews).toHaveLength(1);
    expect((await must(backend.call('assessments.reReviewsDue', {}, officer))).total).toBe(1);
    const early = await backend.call(
      'assessments.recordReReview',
      { id: ids[0]!, reviewedOn: '2026-11-01', finding: '平稳', riskLevel: 'low' },
      officer,
    );
    expect(early.ok || early.error).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'reviewedOn', message: '“复评日期”不能早于实施日期（2026-11-10）' }],
    });
  });

  it('gives measures the petitions’ deadline stages and keeps a tracked assessment open while one is open', async () => {
    const setup = await assessmentBackend();
    const { backend, officer } = setup;
    const { id } = await submitted(setup);
    await setup.addMeasure(id, '2026-11-24', '落实安置房源');
    const measures = await must(backend.call('tasks.list', { ownerKind: 'assessment', ownerId: id }, officer));
    expect(measures.map((m) => m.stage)).toEqual(['normal', 'due_soon']);
    await must(
      backend.call(
        'assessments.transition',
        { id, action: 'decide', decision: 'implement', decidedBy: '县委常委会', decidedOn: '2026-11-20' },
        officer,
      ),
    );
    await must(
      backend.call(
        'assessments.transition',
        { id, action: 'startTracking', implementedOn: '2026-11-21', nextReReviewOn: '2027-05-21' },
        officer,
      ),
    );
    const archive = await backend.call(
      'assessments.transition',
      { id, action: 'archive', archiveNote: '结束' },
      officer,
    );
    expect(archive.ok || archive.error).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'measures', message: '还有 2 项化解措施未完成，请完成或撤销后再归档' }],
    });
  });

  it('scopes by affected township: a township user sees, opens and registers only what touches their township', async () => {
    const setup = await assessmentBackend();
    const { backend, admin, officer } = setup;
    const east = await must(backend.call('assessments.create', assessmentInput(), officer));
    const both = await must(
      backend.call('assessments.create', assessmentInput({ townshipCodes: [WEST, EAST] }), officer),
    );
    const west = await must(backend.call('assessments.create', assessmentInput({ townshipCodes: [WEST] }), officer));
    const westUser = (await signInAs(backend, admin, ['duty_officer'], WEST)).client;
    const seen = await must(backend.call('assessments.list', {}, westUser));
    expect(seen.items.map((r) => r.id).sort()).toEqual([both.id, west.id].sort());
    const hidden = await backend.call('assessments.get', { id: east.id }, westUser);
    expect(hidden.ok || hidden.error).toMatchObject({ code: 'NOT_FOUND' });
    const measure = await backend.call('tasks.list', { ownerKind: 'assessment', ownerId: east.id }, westUser);
    expect(measure.ok || measure.error).toMatchObject({ code: 'NOT_FOUND' });
    const foreign = await backend.call('assessments.create', assessmentInput({ townshipCodes: [EAST] }), westUser);
    expect(foreign.ok || foreign.error).toMatchObject({ code: 'FORBIDDEN' });
    const leader = await backend.call('assessments.create', assessmentInput(), setup.leader);
    expect(leader.ok || leader.error).toMatchObject({ code: 'FORBIDDEN' });
  });
});
