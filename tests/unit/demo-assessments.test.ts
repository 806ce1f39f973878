import { describe, expect, it } from 'vitest';
import { DEMO_ASSESSMENT_COUNTS } from '../../electron/backend/demo/assessments';
import { signInAs } from '../helpers/backend';
import { DEMO_TODAY, demoBackend, loadedDemoBackend } from '../helpers/demo';

/** A copy of the file's demo database, with a duty officer signed in. */
async function demo() {
  const { backend, admin } = await demoBackend();
  const officer = (await signInAs(backend, admin, ['duty_officer'])).client;
  return { backend, officer, db: backend.services.sql.db };
}

const rowsOf = (db: import('better-sqlite3').Database) =>
  db
    .prepare(
      `SELECT assessment_no, matter, status, risk_level_before, risk_level_after, recommended_conclusion, decision,
        decided_on, implemented_on, next_re_review_on FROM assessments ORDER BY assessment_no`,
    )
    .all() as Array<Record<string, string | null>>;

describe('the demo stability assessments', () => {
  // Two demo loads (the file's template and one afresh): seconds on a busy machine.
  it(
    'are the same for the same seed, at every stage of the workflow, each consistent with its status',
    { timeout: 30_000 },
    async () => {
      const { db } = await demo();
      const rows = rowsOf(db);
      expect(rows).toHaveLength(DEMO_ASSESSMENT_COUNTS.small);
      expect(rowsOf((await loadedDemoBackend()).backend.services.sql.db)).toEqual(rows);
      expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(4);
      for (const r of rows) {
        const submitted = !['registered', 'assessing'].includes(r.status!);
        expect(r.risk_level_after !== null, r.assessment_no!).toBe(submitted);
        expect(r.decision !== null).toBe(['decided', 'tracking', 'archived'].includes(r.status!));
        if (r.status === 'tracking') expect(r.decision).toBe('implement');
        expect(r.next_re_review_on !== null).toBe(r.status === 'tracking');
        for (const day of [r.decided_on, r.implemented_on]) if (day) expect(day <= DEMO_TODAY).toBe(true);
      }
      const orphans = db
        .prepare(
          `SELECT count(*) FROM risk_tasks t WHERE t.owner_kind = 'assessment'
          AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.id = t.owner_id)`,
        )
        .pluck()
        .get();
      expect(orphans).toBe(0);
    },
  );

  it('answer the list, search, figures and the re-reviews due', async () => {
    const { backend, officer } = await demo();
    const list = await backend.call('assessments.list', { pageSize: 5 }, officer);
    expect(list.ok && list.data.total).toBe(DEMO_ASSESSMENT_COUNTS.small);
    const search = await backend.call('assessments.list', { keyword: '改' }, officer);
    expect(search.ok && search.data.total).toBeGreaterThan(0);
    const figures = await backend.call('assessments.figures', {}, officer);
    expect(figures.ok && figures.data.breakdowns[0]!.rows.reduce((n, r) => n + r.numerator, 0)).toBeGreaterThan(0);
    const due = await backend.call('assessments.reReviewsDue', {}, officer);
    expect(due.ok).toBe(true);
  });
});
