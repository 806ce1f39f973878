import { describe, expect, it } from 'vitest';
import { daysBetween, holidayCalendar } from '../../shared/domain/ledger/calendar';
import {
  conclusionDueDate,
  extensionProblems,
  hasConclusionClock,
  notificationDueDate,
  objectionDueDate,
  registrationDueDate,
  reReviewDecisionDueDate,
  reReviewRequestDueDate,
  reviewDecisionDueDate,
  reviewRequestDueDate,
  STATUTORY_LIMITS,
  type ConclusionExtension,
} from '../../shared/domain/petitions/clocks';
import { calendarFromSeed, HOLIDAY_SEED_2026 } from '../../shared/domain/ledger/holidays-2026';

const cal2026 = calendarFromSeed(HOLIDAY_SEED_2026);
const extension = (days: number, approvedBy = '张局长', reason = '涉及多个部门，需补充调查'): ConclusionExtension => ({
  days,
  approvedBy,
  reason,
});

describe('statutory limits', () => {
  it('uses the limits of 信访工作条例 (2022), all in calendar days but the objection', () => {
    const limits = Object.fromEntries(Object.entries(STATUTORY_LIMITS).map(([k, v]) => [k, [v.days, v.workingDays]]));
    expect(limits).toEqual({
      registration: [15, false],
      notification: [15, false],
      objection: [5, true],
      conclusion: [60, false],
      extension: [30, false],
      reviewRequest: [30, false],
      reviewDecision: [30, false],
      reReviewRequest: [30, false],
      reReviewDecision: [30, false],
    });
  });
});

describe('registration and notification (Art. 22, 23): 15 calendar days', () => {
  it('counts the day of receipt as day 0: received 2026-03-02, due 2026-03-17', () => {
    expect(registrationDueDate('2026-03-02')).toBe('2026-03-17');
    expect(daysBetween('2026-03-02', registrationDueDate('2026-03-02'))).toBe(15);
    expect(notificationDueDate('2026-03-02')).toBe('2026-03-17');
  });

  it.each([
    ['2026-01-20', '2026-02-04'],
    ['2026-02-20', '2026-03-07'],
    ['2024-02-20', '2024-03-06'],
    ['2026-12-20', '2027-01-04'],
    ['2026-09-28', '2026-10-13'],
  ])('received %s, registered and passed on by %s (holidays not skipped)', (received, due) => {
    expect(registrationDueDate(received)).toBe(due);
    expect(notificationDueDate(received)).toBe(due);
  });

  it('refuses an invalid date of receipt', () => {
    expect(() => registrationDueDate('2026-02-30')).toThrow('日期“2026-02-30”无效');
  });
});

describe('objection of an organ that is not competent (Art. 23): 5 working days', () => {
  it('skips weekends', () => {
    // Received Friday 2026-03-06: 03-09 … 03-13.
    expect(objectionDueDate('2026-03-06', cal2026).due).toBe('2026-03-13');
    // Received Wednesday 2026-03-11: 03-12, 03-13, 03-16, 03-17, 03-18.
    expect(objectionDueDate('2026-03-11', cal2026).due).toBe('2026-03-18');
  });

  it('skips the National Day holiday and counts the swapped working Saturday', () => {
    expect(objectionDueDate('2026-09-30', cal2026).due).toBe('2026-10-13');
  });

  it('skips Labour Day and counts the swapped Saturday 2026-05-09', () => {
    // Received Thu 04-30: 05-01 … 05-05 off; 05-06, 05-07, 05-08, 05-09 (Sat, swapped), 05-11.
    expect(objectionDueDate('2026-04-30', cal2026).due).toBe('2026-05-11');
  });

  it('follows the calendar it is given, and says when it knew only the weekends', () => {
    expect(objectionDueDate('2026-09-30', holidayCalendar([], []))).toEqual({
      due: '2026-10-07',
      weekendsOnly: true,
      unenteredYears: [2026],
    });
    expect(objectionDueDate('2026-09-30', cal2026).weekendsOnly).toBe(false);
  });

  it('crosses into an unentered year counting weekends only, and says so', () => {
    // Received Monday 2026-12-28: 12-29, 12-30, 12-31, then 2027-01-01 (not entered: a Friday) and 01-04.
    expect(objectionDueDate('2026-12-28', cal2026)).toEqual({
      due: '2027-01-04',
      weekendsOnly: true,
      unenteredYears: [2027],
    });
    // Once 2027 is entered with New Year's Day off, the limit moves and the flag goes.
    const with2027 = holidayCalendar([...cal2026.holidays, '2027-01-01'], cal2026.workdays, [2026, 2027]);
    expect(objectionDueDate('2026-12-28', with2027)).toEqual({
      due: '2027-01-05',
      weekendsOnly: false,
      unenteredYears: [],
    });
    // A limit ending inside the entered year does not look ahead.
    expect(objectionDueDate('2026-12-21', cal2026)).toMatchObject({ due: '2026-12-28', weekendsOnly: false });
  });
});

describe('conclusion of an appeal item (Art. 34): 60 days, one extension of at most 30', () => {
  it('runs only for appeal items', () => {
    expect(hasConclusionClock('appeal')).toBe(true);
    expect(hasConclusionClock('suggestion')).toBe(false);
    expect(hasConclusionClock('accusation')).toBe(false);
  });

  it('is due 60 days after acceptance', () => {
    expect(conclusionDueDate('2026-03-02')).toBe('2026-05-01');
    expect(conclusionDueDate('2026-01-01')).toBe('2026-03-02');
    expect(conclusionDueDate('2024-01-01')).toBe('2024-03-01');
    expect(conclusionDueDate('2026-11-15')).toBe('2027-01-14');
  });

  it('adds an approved extension: 30 days moves 2026-05-01 to 2026-05-31, 10 days to 2026-05-11', () => {
    expect(conclusionDueDate('2026-03-02', extension(30))).toBe('2026-05-31');
    expect(conclusionDueDate('2026-03-02', extension(10))).toBe('2026-05-11');
  });

  it('accepts a first extension of 1 to 30 days with an approver and a reason', () => {
    expect(extensionProblems(null, extension(30))).toEqual([]);
    expect(extensionProblems(null, extension(1))).toEqual([]);
  });

  it('refuses a second extension', () => {
    expect(extensionProblems(extension(10), extension(10))).toEqual(['办理期限只能延长一次，本事项已延长过']);
  });

  it('refuses more than 30 days, or a count that is not a positive whole number', () => {
    expect(extensionProblems(null, extension(31))).toEqual(['延长期限不得超过 30 日']);
    expect(extensionProblems(null, extension(0))).toEqual(['延长天数应为正整数']);
    expect(extensionProblems(null, extension(2.5))).toEqual(['延长天数应为正整数']);
  });

  it('refuses an extension without an approver or a reason', () => {
    expect(extensionProblems(null, extension(15, ' ', ''))).toEqual([
      '延长办理期限须经本机关负责人批准，请填写批准人',
      '请填写延期理由（须告知信访人）',
    ]);
  });

  it('will not compute a due date from an extension that breaks the rules', () => {
    expect(() => conclusionDueDate('2026-03-02', extension(31))).toThrow('延长期限不得超过 30 日');
    expect(() => conclusionDueDate('2026-03-02', extension(20, ''))).toThrow(RangeError);
  });
});

describe('review and re-review (Art. 35, 36): 30 + 30 days', () => {
  it('gives 30 days to request a review and 30 days to decide it', () => {
    expect(reviewRequestDueDate('2026-06-10')).toBe('2026-07-10');
    expect(reviewDecisionDueDate('2026-07-08')).toBe('2026-08-07');
    expect(reviewRequestDueDate('2026-01-31')).toBe('2026-03-02');
    expect(reviewRequestDueDate('2024-01-31')).toBe('2024-03-01');
  });

  it('gives the same to a re-review, not counting the days of a hearing', () => {
    expect(reReviewRequestDueDate('2026-08-07')).toBe('2026-09-06');
    expect(reReviewDecisionDueDate('2026-09-01')).toBe('2026-10-01');
    expect(reReviewDecisionDueDate('2026-09-01', 10)).toBe('2026-10-11');
    expect(reReviewDecisionDueDate('2026-12-15', 3)).toBe('2027-01-17');
  });

  it('refuses negative or fractional hearing days', () => {
    expect(() => reReviewDecisionDueDate('2026-09-01', -1)).toThrow('听证天数应为非负整数：-1');
    expect(() => reReviewDecisionDueDate('2026-09-01', 1.5)).toThrow(RangeError);
  });
});
