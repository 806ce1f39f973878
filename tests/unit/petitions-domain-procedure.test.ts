import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../shared/domain/ledger/calendar';
import { calendarFromSeed, HOLIDAY_SEED_2026 } from '../../shared/domain/ledger/holidays-2026';
import {
  appliedLimits,
  metLate,
  procedureProblems,
  statutoryDueOf,
  type ProcedureFacts,
} from '../../shared/domain/petitions/procedure';

const cal2026 = calendarFromSeed(HOLIDAY_SEED_2026);

const facts = (over: Partial<ProcedureFacts>): ProcedureFacts => ({
  status: 'found',
  itemType: 'appeal',
  receivedDate: '2026-03-02',
  acceptedDate: null,
  refusedDate: null,
  assignedDate: null,
  objectionDate: null,
  replyDate: null,
  reviewRequestedDate: null,
  reviewDecidedDate: null,
  reReviewRequestedDate: null,
  reReviewHearingDays: null,
  reReviewDecidedDate: null,
  extensionDays: null,
  ...over,
});

const dues = (f: ProcedureFacts, calendar = cal2026) =>
  Object.fromEntries(appliedLimits(f, calendar).map((l) => [l.key, l.due]));

describe('the statutory limits applied to a case', () => {
  it('counts Art. 22, 23 and 34 across month ends and the leap day of 2028', () => {
    expect(dues(facts({ receivedDate: '2026-12-31' }))).toEqual({
      registration: '2027-01-15',
      notification: '2027-01-15',
    });
    const accepted = (date: string) =>
      dues(facts({ status: 'assigned', receivedDate: date, acceptedDate: date, assignedDate: date })).conclusion;
    expect(accepted('2026-12-31')).toBe('2027-03-01');
    expect(accepted('2027-01-01')).toBe('2027-03-02');
    expect(accepted('2028-01-01')).toBe('2028-03-01');
    expect(dues(facts({ receivedDate: '2028-02-14' })).registration).toBe('2028-02-29');
    // One extension of at most 30 days, from the statutory date.
    expect(
      dues(facts({ status: 'assigned', acceptedDate: '2028-01-01', assignedDate: '2028-01-02', extensionDays: 30 }))
        .conclusion,
    ).toBe('2028-03-31');
  });

  it('counts the objection’s 5 working days across the National Day holidays and the make-up Saturday', () => {
    const limit = appliedLimits(
      facts({ status: 'assigned', receivedDate: '2026-09-28', acceptedDate: '2026-09-28', assignedDate: '2026-09-30' }),
      cal2026,
    ).find((l) => l.key === 'objection');
    // 10-01…10-07 off; Thu 10-08, Fri 10-09, Sat 10-10 (调休上班), Mon 10-12, Tue 10-13.
    expect(limit).toMatchObject({ start: '2026-09-30', due: '2026-10-13', unenteredYears: [] });
  });

  it('says when the working days ran into a year whose holidays are not entered', () => {
    const only2026 = holidayCalendar([], [], [2026]);
    const limit = appliedLimits(
      facts({ status: 'assigned', receivedDate: '2026-12-28', acceptedDate: '2026-12-28', assignedDate: '2026-12-29' }),
      only2026,
    ).find((l) => l.key === 'objection');
    // Wed 30, Thu 31, Fri 2027-01-01 (weekends only: counted as working), Mon 4, Tue 5.
    expect(limit).toMatchObject({ due: '2027-01-05', unenteredYears: [2027] });
  });

  it('runs 复查 and 复核 from their triggers, hearing days added, and marks a limit met late', () => {
    const limits = appliedLimits(
      facts({
        status: 'final',
        acceptedDate: '2026-03-02',
        assignedDate: '2026-03-03',
        replyDate: '2026-05-10',
        reviewRequestedDate: '2026-05-31',
        reviewDecidedDate: '2026-07-15',
        reReviewRequestedDate: '2026-07-31',
        reReviewHearingDays: 10,
        reReviewDecidedDate: '2026-09-05',
      }),
      cal2026,
    );
    expect(limits.map((l) => [l.key, l.due, l.doneOn, metLate(l)])).toEqual([
      ['registration', '2026-03-17', '2026-03-03', false],
      ['notification', '2026-03-17', '2026-03-02', false],
      ['conclusion', '2026-05-01', '2026-05-10', true],
      ['reviewRequest', '2026-06-09', '2026-05-31', false],
      ['reviewDecision', '2026-06-30', '2026-07-15', true],
      ['reReviewRequest', '2026-08-14', '2026-07-31', false],
      ['reReviewDecision', '2026-09-09', '2026-09-05', false],
    ]);
  });

  it('gives the list Art. 22 before assignment, Art. 34 after it until the reply, then the 复查 / 复核 opinion’s date', () => {
    expect(statutoryDueOf(facts({ status: 'accepted', acceptedDate: '2026-03-05' }))).toEqual({
      start: '2026-03-02',
      due: '2026-03-17',
    });
    const assigned = facts({ status: 'resolving', acceptedDate: '2026-03-05', assignedDate: '2026-03-06' });
    expect(statutoryDueOf(assigned)).toEqual({ start: '2026-03-05', due: '2026-05-04' });
    expect(statutoryDueOf({ ...assigned, itemType: 'suggestion' })).toBeNull();
    expect(statutoryDueOf({ ...assigned, status: 'replied', replyDate: '2026-04-01' })).toBeNull();
    // 复查 and 复核 pending: the opinion's date, from the request (30 days; hearing days added).
    const replied = { ...assigned, replyDate: '2026-04-01' };
    expect(statutoryDueOf({ ...replied, status: 'reviewing', reviewRequestedDate: '2026-04-30' })).toEqual({
      start: '2026-04-30',
      due: '2026-05-30',
    });
    const reReviewing = { ...replied, status: 're_reviewing' as const, reReviewRequestedDate: '2026-06-30' };
    expect(statutoryDueOf(reReviewing)).toEqual({ start: '2026-06-30', due: '2026-07-30' });
    expect(statutoryDueOf({ ...reReviewing, reReviewHearingDays: 3 })?.due).toBe('2026-08-02');
    expect(statutoryDueOf({ ...reReviewing, status: 'final', reReviewDecidedDate: '2026-07-20' })).toBeNull();
  });

  it('refuses a 复查 or 复核 request after its 30 days, at a month end', () => {
    const on = (action: 'requestReview' | 'requestReReview', happenedOn: string) =>
      procedureProblems(
        action,
        { happenedOn },
        { replyDate: '2026-01-31', reviewDecidedDate: '2026-01-31', reReviewDecidedDate: null },
        '2026-06-01',
      );
    expect(on('requestReview', '2026-03-02')).toEqual([]);
    expect(on('requestReview', '2026-03-03')).toEqual([
      {
        path: 'happenedOn',
        message: '“复查申请日期”已超过请求复查期限（答复后 30 日内，至 2026-03-02，第三十五条），不予受理',
      },
    ]);
    expect(on('requestReReview', '2026-03-03')[0]!.message).toContain('第三十六条');
    expect(
      procedureProblems(
        'decideReReview',
        { hearingDays: '-1' },
        { replyDate: null, reviewDecidedDate: null, reReviewDecidedDate: null },
        '2026-06-01',
      ),
    ).toEqual([{ path: 'hearingDays', message: '“听证天数”应为 0–999 的整数' }]);
  });
});
