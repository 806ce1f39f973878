import { describe, expect, it } from 'vitest';
import type { PetitionLevel } from '../../shared/domain/petitions/classification';
import {
  compareUrgency,
  deadlineStage,
  needsSupervision,
  sortByUrgency,
  type SupervisionItem,
} from '../../shared/domain/petitions/stages';
import { daysOverdue, DEADLINE_STAGE_LABELS, type DeadlineStage } from '../../shared/domain/ledger/deadlines';

// A 30-day clock: started 2026-03-01, due 2026-03-31.
const open30 = (today: string, dueSoonDays?: number) =>
  deadlineStage({ status: 'resolving', startDate: '2026-03-01', dueDate: '2026-03-31', today }, dueSoonDays);

describe('deadline stages', () => {
  it('labels the stages in Chinese', () => {
    expect(DEADLINE_STAGE_LABELS).toEqual({
      normal: '正常',
      half_used: '期限过半',
      due_soon: '临期',
      overdue: '超期',
      done: '已办结',
    });
  });

  it.each([
    ['2026-03-01', 'normal'],
    ['2026-03-15', 'normal'],
    ['2026-03-16', 'half_used'],
    ['2026-03-27', 'half_used'],
    ['2026-03-28', 'due_soon'],
    ['2026-03-30', 'due_soon'],
    ['2026-03-31', 'due_soon'],
    ['2026-04-01', 'overdue'],
    ['2026-06-30', 'overdue'],
  ] as const)('on %s a 03-01 → 03-31 case is %s', (today, stage) => {
    expect(open30(today)).toBe(stage);
  });

  it('rounds half of an odd period up: a 15-day clock is half used after 8 days, not 7', () => {
    const stage = (today: string) =>
      deadlineStage({ status: 'assigned', startDate: '2026-03-01', dueDate: '2026-03-16', today });
    expect(stage('2026-03-08')).toBe('normal');
    expect(stage('2026-03-09')).toBe('half_used');
  });

  it('takes the due-soon threshold from the settings', () => {
    expect(open30('2026-03-26', 5)).toBe('due_soon');
    expect(open30('2026-03-25', 5)).toBe('half_used');
    expect(open30('2026-03-30', 0)).toBe('half_used');
    expect(open30('2026-03-31', 0)).toBe('due_soon');
    expect(() => open30('2026-03-20', -1)).toThrow('临期天数应为非负整数：-1');
  });

  it('lets due soon win over half used on a short clock', () => {
    expect(
      deadlineStage({ status: 'assigned', startDate: '2026-03-01', dueDate: '2026-03-03', today: '2026-03-01' }),
    ).toBe('due_soon');
  });

  it('gives resolved and closed cases no running stage, even past their due date', () => {
    for (const status of ['resolved', 'closed'] as const) {
      expect(deadlineStage({ status, startDate: '2026-03-01', dueDate: '2026-03-31', today: '2026-05-01' })).toBe(
        'done',
      );
    }
  });

  it('gives no stage to a case without a due date', () => {
    expect(
      deadlineStage({ status: 'classified', startDate: '2026-03-01', dueDate: null, today: '2026-05-01' }),
    ).toBeNull();
  });

  it('counts the days overdue, none on the due day', () => {
    expect(daysOverdue('2026-03-31', '2026-03-31')).toBe(0);
    expect(daysOverdue('2026-03-31', '2026-04-01')).toBe(1);
    expect(daysOverdue('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysOverdue('2026-03-31', '2026-03-01')).toBe(0);
  });
});

describe('the supervision queue', () => {
  const item = (
    id: string,
    stage: DeadlineStage | null,
    dueDate: string | null,
    level: PetitionLevel,
  ): SupervisionItem => ({
    id,
    stage,
    dueDate,
    highestLevel: level,
  });
  const items = [
    item('A', 'overdue', '2026-03-10', 'county'),
    item('B', 'overdue', '2026-03-05', 'county'),
    item('C', 'overdue', '2026-03-10', 'national'),
    item('D', 'due_soon', '2026-03-22', 'county'),
    item('E', 'due_soon', '2026-03-21', 'city'),
    item('F', 'half_used', '2026-04-30', 'national'),
    item('G', 'normal', '2026-04-10', 'province'),
    item('H', 'normal', '2026-04-20', 'city'),
    item('I', 'normal', '2026-04-05', 'county'),
    item('J', 'done', '2026-03-01', 'national'),
    item('K', null, null, 'county'),
    item('L', 'normal', '2026-04-01', 'province'),
  ];

  it('puts overdue first (most overdue first), then due soon, then escalated by level, then the rest', () => {
    expect(sortByUrgency(items).map((i) => i.id)).toEqual(['B', 'C', 'A', 'E', 'D', 'F', 'L', 'G', 'H', 'I', 'K', 'J']);
  });

  it('gives the same order whatever order the cases come in, and leaves the input alone', () => {
    const reversed = [...items].reverse();
    expect(sortByUrgency(reversed).map((i) => i.id)).toEqual(sortByUrgency(items).map((i) => i.id));
    expect(reversed[0].id).toBe('L');
  });

  it('breaks a full tie by id', () => {
    const x = item('x', 'overdue', '2026-03-10', 'city');
    const y = item('y', 'overdue', '2026-03-10', 'city');
    expect(compareUrgency(x, y)).toBeLessThan(0);
    expect(compareUrgency(y, x)).toBeGreaterThan(0);
    expect(compareUrgency(x, x)).toBe(0);
  });

  it('takes overdue, due-soon and escalated open cases onto the queue, and nothing else', () => {
    expect(items.filter(needsSupervision).map((i) => i.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'L']);
  });
});
