import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hazardDraft, seedBoundary } from '../helpers/hazards';
import { assessmentBackend, assessmentInput } from '../helpers/assessments';
import { EAST, must, petitionBackend, registration, TOWN_UNIT } from '../helpers/petitions';

/** A county with one case and one red hazard registered today, and one more of each to void. */
async function countyWithMistakes() {
  const setup = await petitionBackend();
  seedBoundary(setup.backend);
  const { backend, officer } = setup;
  const today = '2026-11-22';
  const register = async () =>
    (await must(backend.call('petitions.create', registration({ separateCase: true, receivedDate: today }), officer)))
      .petition;
  const hazard = () =>
    must(backend.call('hazards.create', hazardDraft({ level: 'red', foundOn: today, lng: 113.3, lat: 34.6 }), officer));
  const kept = { petition: await register(), hazard: await hazard() };
  const mistaken = { petition: await register(), hazard: await hazard() };
  return { ...setup, kept, mistaken };
}

describe('a voided record leaves lists, figures, 今日 and the board, and is found under 已作废', () => {
  it('counts nowhere once voided, and everywhere again once restored', async () => {
    const { backend, officer, leader, mistaken } = await countyWithMistakes();
    const seen = async () => {
      const board = await must(backend.call('board.snapshot', {}, officer));
      const day = await must(backend.call('today.overview', {}, officer));
      const report = await must(backend.call('reports.draft', { kind: 'daily' }, officer));
      const eastCases = await must(backend.call('petitions.list', { townshipCode: EAST }, officer));
      return {
        cases: (await must(backend.call('petitions.list', {}, officer))).total,
        eastCases: [eastCases.total, eastCases.items.length],
        redHazards: (await must(backend.call('hazards.list', { level: 'red' }, officer))).total,
        voidedCases: (await must(backend.call('petitions.list', { voided: 'only' }, officer))).items.map((r) => r.id),
        hazards: (await must(backend.call('hazards.list', {}, officer))).total,
        voidedHazards: (await must(backend.call('hazards.list', { voided: 'only' }, officer))).total,
        caseFigure: (await must(backend.call('petitions.figures', {}, officer))).overall.resolution_rate.denominator,
        hazardFigure: (await must(backend.call('hazards.figures', {}, officer))).breakdowns.open_hazards_by_level.find(
          (row) => row.key === 'red',
        )?.numerator,
        boardCases: board.totals.openCases,
        boardRed: board.totals.openHazards.red,
        boardPoints: board.hazardPoints.points.length,
        ticker: board.ticker.filter((a) => a.kind === 'hazard_found').length,
        todayCases: day.arrived.petitions.total,
        todayHazards: day.arrived.hazards.total,
        // 今日 and 在办 of cases and hazards in the daily report's table.
        reported: report.figures.rows.slice(0, 2).map((row) => row.slice(1)),
      };
    };
    const before = {
      cases: 2,
      eastCases: [2, 2],
      redHazards: 2,
      voidedCases: [],
      hazards: 2,
      voidedHazards: 0,
      caseFigure: 2,
      hazardFigure: 2,
      boardCases: 2,
      boardRed: 2,
      boardPoints: 2,
      ticker: 2,
      todayCases: 2,
      todayHazards: 2,
      reported: [
        ['2', '2'],
        ['2', '2'],
      ],
    };
    expect(await seen()).toEqual(before);

    const reason = '重复录入';
    await must(backend.call('petitions.void', { id: mistaken.petition.id, version: 1, reason }, leader));
    await must(backend.call('hazards.void', { id: mistaken.hazard.id, version: 1, reason }, leader));
    expect(await seen()).toEqual({
      cases: 1,
      eastCases: [1, 1],
      redHazards: 1,
      voidedCases: [mistaken.petition.id],
      hazards: 1,
      voidedHazards: 1,
      caseFigure: 1,
      hazardFigure: 1,
      boardCases: 1,
      boardRed: 1,
      boardPoints: 1,
      ticker: 1,
      todayCases: 1,
      todayHazards: 1,
      reported: [
        ['1', '1'],
        ['1', '1'],
      ],
    });

    await must(backend.call('petitions.restore', { id: mistaken.petition.id, version: 2, reason: '核实' }, leader));
    await must(backend.call('hazards.restore', { id: mistaken.hazard.id, version: 2, reason: '核实' }, leader));
    expect(await seen()).toEqual(before);
  });
});

describe('the measures of a voided hazard or assessment', () => {
  it('leave the overdue tasks of the board and the daily report, and come back on restoring', async () => {
    const setup = await assessmentBackend();
    const { backend, officer, leader, addMeasure } = setup;
    const hazards = [await must(backend.call('hazards.create', hazardDraft(), officer))];
    hazards.push(await must(backend.call('hazards.create', hazardDraft(), officer)));
    const assessments = [await must(backend.call('assessments.create', assessmentInput(), officer))];
    assessments.push(await must(backend.call('assessments.create', assessmentInput(), officer)));
    for (const hazard of hazards) {
      const measure = { ownerKind: 'hazard', ownerId: hazard.id, kind: 'measure', title: '约谈老板' } as const;
      await must(backend.call('tasks.create', { ...measure, unitId: TOWN_UNIT, dueDate: '2026-11-22' }, officer));
    }
    for (const assessment of assessments) await addMeasure(assessment.id, '2026-11-22');
    // As if set days ago: a new task cannot be due before today.
    const db = new Database(backend.dbFile);
    db.exec("UPDATE risk_tasks SET due_date = '2026-11-20'");
    db.close();
    const overdue = async () => ({
      board: (await must(backend.call('board.snapshot', {}, officer))).totals.overdue.tasks,
      report: (await must(backend.call('reports.draft', { kind: 'daily' }, officer))).figures.rows.at(-1),
    });
    expect(await overdue()).toEqual({ board: 4, report: ['逾期措施和交办事项', '—', '4'] });

    const hazard = { id: hazards[1]!.id, version: hazards[1]!.version };
    const assessment = { id: assessments[1]!.id, version: assessments[1]!.version };
    await must(backend.call('hazards.void', { ...hazard, reason: '重复录入' }, leader));
    await must(backend.call('assessments.void', { ...assessment, reason: '重复录入' }, leader));
    expect(await overdue()).toEqual({ board: 2, report: ['逾期措施和交办事项', '—', '2'] });

    await must(backend.call('hazards.restore', { id: hazard.id, version: hazard.version + 1, reason: '核实' }, leader));
    expect(await overdue()).toEqual({ board: 3, report: ['逾期措施和交办事项', '—', '3'] });
  });
});
