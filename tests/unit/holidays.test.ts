import { describe, expect, it } from 'vitest';
import { must, petitionBackend } from '../helpers/petitions';

const DAY_MINUTES = 24 * 60;

describe('holidays', () => {
  it('lists the seeded 2026 calendar and lets the administrator change it, audited; others may not', async () => {
    const setup = await petitionBackend();
    const list = await must(setup.backend.call('holidays.list', { year: 2026 }, setup.officer));
    expect(list.filter((d) => d.kind === 'workday')).toHaveLength(6);
    const changed = await must(
      setup.backend.call('holidays.set', { date: '2026-12-31', kind: 'holiday', name: '县庆' }, setup.admin),
    );
    expect(changed.at(-1)).toEqual({ date: '2026-12-31', kind: 'holiday', name: '县庆' });
    const weekday = await setup.backend.call(
      'holidays.set',
      { date: '2026-12-30', kind: 'workday', name: '调休' },
      setup.admin,
    );
    expect(weekday).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '调休上班日 2026-12-30 本来就是工作日' },
    });
    await must(setup.backend.call('holidays.set', { date: '2026-10-01', kind: null }, setup.admin));
    expect(
      (await must(setup.backend.call('holidays.list', { year: 2026 }, setup.officer))).some(
        (d) => d.date === '2026-10-01',
      ),
    ).toBe(false);
    const audit = setup.backend.services.sql.db
      .prepare("SELECT entity_id FROM audit_log WHERE action = 'holidays.set'")
      .pluck()
      .all();
    expect(audit).toEqual(['2026-12-31', '2026-10-01']);
    expect(await setup.backend.call('holidays.set', { date: '2026-12-31', kind: null }, setup.officer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('the holiday calendar in use', () => {
  it('warns from 1 November that next year is not entered, and stops once a day of it is', async () => {
    const setup = await petitionBackend();
    // Today is 2026-11-22 in the county; 2027 has no entry.
    expect(await must(setup.backend.call('holidays.status', {}, setup.officer))).toEqual({
      today: '2026-11-22',
      missingYears: [2027],
    });
    setup.clock.advance(-22 * DAY_MINUTES);
    expect(await must(setup.backend.call('holidays.status', {}, setup.officer))).toEqual({
      today: '2026-10-31',
      missingYears: [],
    });
    setup.clock.advance(DAY_MINUTES);
    expect((await must(setup.backend.call('holidays.status', {}, setup.admin))).missingYears).toEqual([2027]);
    await must(setup.backend.call('holidays.set', { date: '2027-01-01', kind: 'holiday', name: '元旦' }, setup.admin));
    expect((await must(setup.backend.call('holidays.status', {}, setup.admin))).missingYears).toEqual([]);
  });

  it('counts working-day limits on the table, across holidays and swapped days, and reads an edit at once', async () => {
    const setup = await petitionBackend();
    const limit = (from: string, days = 5) =>
      must(setup.backend.call('holidays.workingDayLimit', { from, days }, setup.officer));
    // National Day 10-01 … 10-07 off, Saturday 10-10 worked: 10-08, 10-09, 10-10, 10-12, 10-13 after 09-30.
    expect(await limit('2026-09-30')).toEqual({ due: '2026-10-13', weekendsOnly: false, unenteredYears: [] });
    // Into 2027, not entered: New Year's Day counted as a working Friday, and the limit says so.
    expect(await limit('2026-12-28')).toEqual({ due: '2027-01-04', weekendsOnly: true, unenteredYears: [2027] });
    await must(setup.backend.call('holidays.set', { date: '2027-01-01', kind: 'holiday', name: '元旦' }, setup.admin));
    expect(await limit('2026-12-28')).toEqual({ due: '2027-01-05', weekendsOnly: false, unenteredYears: [] });
    // A past holiday corrected (10-07 made an ordinary Wednesday): the limit that used it moves a day earlier.
    await must(setup.backend.call('holidays.set', { date: '2026-10-07', kind: null }, setup.admin));
    expect((await limit('2026-09-30')).due).toBe('2026-10-12');
    const audit = setup.backend.services.sql.db
      .prepare("SELECT entity_id, detail FROM audit_log WHERE action = 'holidays.set' ORDER BY seq")
      .all();
    expect(audit).toEqual([
      { entity_id: '2027-01-01', detail: '' },
      { entity_id: '2026-10-07', detail: '更正已过去的日期' },
    ]);
    expect(
      await setup.backend.call('holidays.workingDayLimit', { from: '2026-09-30', days: 0 }, setup.officer),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('工作日天数至少为 1') },
    });
  });
});
