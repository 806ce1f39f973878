import { beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import { searchableText } from '../../electron/backend/db/search-text';
import { DEMO_HAZARD_COUNTS } from '../../electron/backend/demo/hazards';
import { countyExtent } from '../../electron/backend/features/hazards/extent';
import { activeBoundary } from '../../electron/backend/db/county';
import { HAZARD_LEVELS, levelHistoryProblems, type HazardLevel } from '../../shared/domain/risks/hazard-levels';
import { HAZARD_STATUSES } from '../../shared/domain/risks/hazard-statuses';
import { signInAs } from '../helpers/backend';
import { DEMO_TODAY, demoBackend, demoQueries, demoRows, loadedDemoBackend, readOnly } from '../helpers/demo';

const TABLES = [
  'hazards',
  'hazard_people',
  'hazard_events',
  'hazard_level_changes',
  'hazard_notes',
  'hazard_links',
  'risk_tasks',
  'risk_task_events',
] as const;
/** Columns naming the account that loaded the demo: differs between databases. */
const USER_COLUMNS = ['created_by', 'by_user'];

/** Only the hazards' measures among the tasks, and the links in the order of their key. */
const CLAUSES: Partial<Record<(typeof TABLES)[number], string>> = {
  risk_tasks: "WHERE owner_kind = 'hazard' ORDER BY id",
  risk_task_events: "WHERE task_id IN (SELECT id FROM risk_tasks WHERE owner_kind = 'hazard') ORDER BY id",
  hazard_links: 'ORDER BY hazard_id, target_kind, target_id',
};

/** Every hazard table's rows (hazard measures only), without the loading account. */
const ledger = (backend: Backend) =>
  demoRows(backend, TABLES, USER_COLUMNS, (table) => CLAUSES[table as (typeof TABLES)[number]] ?? 'ORDER BY id');

describe('the demo hazard ledger', () => {
  let backend: Backend;
  let admin: CallContext;
  const { all, one } = demoQueries(() => backend);
  const broken = (where: string) =>
    all<{ hazard_no: string }>(`SELECT hazard_no FROM hazards h WHERE ${where}`).map((r) => r.hazard_no);

  // Each test gets its own copy of the demo database, loaded once for the file (seconds on a busy machine).
  beforeEach(async () => {
    ({ backend, admin } = await demoBackend());
  }, 60_000);

  // Two more demo loads afresh: seconds on a busy machine.
  it('is the same, row for row, for the same seed, and different for another', { timeout: 60_000 }, async () => {
    const again = await loadedDemoBackend();
    expect(ledger(again.backend)).toStrictEqual(ledger(backend));
    const other = await loadedDemoBackend({ scale: 'small', seed: 7 });
    expect(ledger(other.backend).hazards).not.toStrictEqual(ledger(backend).hazards);
  });

  it('has the small scale’s counts, spread over statuses, colours and townships, with nothing broken', async () => {
    expect(DEMO_HAZARD_COUNTS).toStrictEqual({ small: 300, large: 30_000 });
    expect(one('SELECT count(*) FROM hazards')).toBe(300);
    const notes = one('SELECT count(*) FROM hazard_notes') as number;
    expect(notes).toBeGreaterThan(2000);
    expect(notes).toBeLessThan(4500);
    expect(one("SELECT count(DISTINCT kind) FROM hazard_notes WHERE kind IN ('trend', 'analysis')")).toBe(2);
    expect(one('SELECT count(*) FROM hazard_level_changes')).toBeGreaterThan(60);
    expect(one("SELECT count(*) FROM risk_tasks WHERE owner_kind = 'hazard'")).toBeGreaterThan(100);
    expect(one("SELECT count(*) FROM hazard_links WHERE target_kind = 'petition'")).toBeGreaterThan(20);
    expect(one('SELECT count(*) FROM hazards WHERE lng IS NOT NULL')).toBeGreaterThan(100);
    for (const status of HAZARD_STATUSES) {
      expect(one('SELECT count(*) FROM hazards WHERE status = ?', status), status).toBeGreaterThan(0);
    }
    for (const level of HAZARD_LEVELS) {
      expect(one('SELECT count(*) FROM hazards WHERE level = ?', level), level).toBeGreaterThan(0);
    }
    expect(one('SELECT count(DISTINCT township_code) FROM hazards')).toBe(
      one("SELECT count(*) FROM regions WHERE level = 'township'"),
    );
    expect(
      one(`SELECT count(*) FROM hazards
        WHERE category NOT IN (SELECT code FROM dict_entries WHERE dict_code = 'hazard_category')`),
    ).toBe(0);
    expect(readOnly(backend, (db) => db.pragma('foreign_key_check'))).toStrictEqual([]);
    // Links and measures point at rows that exist; villages and grids nest.
    expect(
      one(`SELECT count(*) FROM hazard_links k WHERE (k.target_kind = 'petition'
          AND NOT EXISTS (SELECT 1 FROM petitions p WHERE p.id = k.target_id))
        OR (k.target_kind = 'assessment' AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.id = k.target_id))`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) FROM hazard_links k JOIN hazards h ON h.id = k.hazard_id JOIN petitions p ON p.id = k.target_id
        WHERE p.township_code != h.township_code`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) FROM risk_tasks t WHERE t.owner_kind = 'hazard'
        AND NOT EXISTS (SELECT 1 FROM hazards h WHERE h.id = t.owner_id)`),
    ).toBe(0);
    expect(
      broken(`(village_code IS NOT NULL AND (SELECT parent_code FROM regions WHERE code = village_code) != township_code)
        OR (grid_code IS NOT NULL AND (SELECT parent_code FROM regions WHERE code = grid_code) != village_code)`),
    ).toStrictEqual([]);
    // Points lie in the county's extent (the boundary loaded with the demo).
    const extent = countyExtent(activeBoundary(backend.services.sql)!)!;
    expect(
      one(
        'SELECT count(*) FROM hazards WHERE lng IS NOT NULL AND NOT (lng BETWEEN ? AND ? AND lat BETWEEN ? AND ?)',
        extent.minLng,
        extent.maxLng,
        extent.minLat,
        extent.maxLat,
      ),
    ).toBe(0);
  });

  it('keeps every hazard’s fields, history, notes and measures in step with its status', async () => {
    const reference = `'${DEMO_TODAY}'`;
    expect(
      broken(`hazard_no NOT GLOB 'FX[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'
        OR substr(hazard_no, 3, 4) != substr(found_on, 1, 4)`),
    ).toStrictEqual([]);
    expect(
      broken(`found_on > ${reference} OR resolved_on > ${reference} OR closed_on > ${reference}
        OR level_changed_on < found_on OR level_changed_on > ${reference}`),
    ).toStrictEqual([]);
    expect(
      broken(`(status IN ('resolving', 'resolved', 'closed') AND (leader_id IS NULL OR measures = ''))
        OR (status = 'found' AND (responsible_id IS NOT NULL OR measures != ''))
        OR (status IN ('resolved', 'closed')) != (outcome IS NOT NULL AND resolved_on IS NOT NULL)
        OR (status = 'closed') != (closed_on IS NOT NULL)
        OR closed_on < resolved_on OR (level = 'red' AND (leader_id IS NULL OR plan = ''))`),
    ).toStrictEqual([]);
    // The timeline starts with the registration and ends in the hazard's status.
    expect(
      broken(`status != (SELECT e.to_status FROM hazard_events e WHERE e.hazard_id = h.id ORDER BY e.at DESC, e.id DESC LIMIT 1)
        OR 1 != (SELECT count(*) FROM hazard_events e WHERE e.hazard_id = h.id AND e.action = 'register')`),
    ).toStrictEqual([]);
    // Notes between the day found and the resolution (or the reference day); none after close-out.
    expect(
      broken(`EXISTS (SELECT 1 FROM hazard_notes n WHERE n.hazard_id = h.id
        AND (n.noted_on < h.found_on OR n.noted_on > coalesce(h.resolved_on, ${reference})))`),
    ).toStrictEqual([]);
    // Resolved and closed hazards have no open measures; completed ones have a date and outcome.
    expect(
      broken(`status IN ('resolved', 'closed') AND EXISTS (SELECT 1 FROM risk_tasks t
        WHERE t.owner_kind = 'hazard' AND t.owner_id = h.id AND t.status IN ('pending', 'in_progress'))`),
    ).toStrictEqual([]);
    expect(
      one(`SELECT count(*) FROM risk_tasks WHERE owner_kind = 'hazard' AND ((status = 'done')
        != (completed_on IS NOT NULL AND outcome IS NOT NULL) OR due_date <= start_date OR completed_on < start_date)`),
    ).toBe(0);
    // Each colour change starts where the last ended, ends at the hazard's colour, dated as recorded.
    const hazards = all<{ id: string; level: HazardLevel; level_changed_on: string; found_on: string }>(
      'SELECT id, level, level_changed_on, found_on FROM hazards',
    );
    const changes = all<{ hazard_id: string; from_level: HazardLevel; to_level: HazardLevel; changed_on: string }>(
      'SELECT hazard_id, from_level, to_level, changed_on FROM hazard_level_changes ORDER BY changed_on, at',
    );
    for (const hazard of hazards) {
      const history = changes
        .filter((c) => c.hazard_id === hazard.id)
        .map((c) => ({ from: c.from_level, to: c.to_level, changedOn: c.changed_on, reason: '' }));
      if (!history.length) {
        expect(hazard.level_changed_on).toBe(hazard.found_on);
        continue;
      }
      expect(levelHistoryProblems(history[0]!.from, history)).toStrictEqual([]);
      expect(history.at(-1)!.to).toBe(hazard.level);
      expect(history.at(-1)!.changedOn).toBe(hazard.level_changed_on);
    }
  });

  it('fills the keyword index as the write paths would', async () => {
    const indexed = all<Record<string, string>>(
      `SELECT h.id, s.hazard_no, s.title, s.description, s.names FROM hazards h JOIN hazards_search s ON s.rowid = h.rowid`,
    );
    expect(indexed).toHaveLength(300);
    const source = new Map(
      all<Record<string, string | null>>(
        `SELECT h.id, h.hazard_no, h.title, h.description,
          (SELECT group_concat(name, char(31) ORDER BY sort) FROM hazard_people WHERE hazard_id = h.id) AS names
        FROM hazards h`,
      ).map((row) => [row.id, row]),
    );
    for (const row of indexed) {
      const from = source.get(row.id!)!;
      expect(row).toStrictEqual({
        id: row.id,
        hazard_no: searchableText(from.hazard_no!),
        title: searchableText(from.title!),
        description: searchableText(from.description!),
        names: searchableText(...(from.names ?? '').split('\u001f')),
      });
    }
  });

  it('answers hazards.list, search, figures and the links of a petition case', async () => {
    for (const role of ['duty_officer', 'leader'] as const) {
      const { client } = await signInAs(backend, admin, [role]);
      const first = await backend.call('hazards.list', {}, client);
      if (!first.ok) throw new Error(first.error.message);
      expect(first.data.total).toBe(300);
      expect(first.data.items).toHaveLength(first.data.pageSize);
      const township = first.data.items[0]!.townshipCode;
      const filtered = await backend.call('hazards.list', { townshipCode: township, status: 'resolving' }, client);
      if (!filtered.ok) throw new Error(filtered.error.message);
      expect(filtered.data.total).toBe(
        one("SELECT count(*) FROM hazards WHERE township_code = ? AND status = 'resolving'", township),
      );
      for (const keyword of ['欠薪', '拖欠农民', first.data.items[0]!.hazardNo]) {
        const found = await backend.call('hazards.list', { keyword, pageSize: 100 }, client);
        if (!found.ok) throw new Error(found.error.message);
        expect(found.data.total, keyword).toBeGreaterThan(0);
      }
      const byLevel = await backend.call('hazards.list', { sort: 'level' }, client);
      if (!byLevel.ok) throw new Error(byLevel.error.message);
      expect(byLevel.data.items[0]!.level).toBe('red');
      const figures = await backend.call('hazards.figures', {}, client);
      if (!figures.ok) throw new Error(figures.error.message);
      const open = one("SELECT count(*) FROM hazards WHERE status IN ('found', 'resolving')") as number;
      const byColour = figures.data.breakdowns.open_hazards_by_level.reduce((n, r) => n + r.numerator, 0);
      expect(byColour).toBe(open);
      const petitionId = one(
        "SELECT target_id FROM hazard_links WHERE target_kind = 'petition' ORDER BY 1 LIMIT 1",
      ) as string;
      const linked = await backend.call('hazards.linkedToPetition', { petitionId }, client);
      if (!linked.ok) throw new Error(linked.error.message);
      expect(linked.data.length).toBe(
        one("SELECT count(*) FROM hazard_links WHERE target_kind = 'petition' AND target_id = ?", petitionId),
      );
      const detail = await backend.call('hazards.get', { id: linked.data[0]!.id }, client);
      if (!detail.ok) throw new Error(detail.error.message);
      expect(detail.data.linkedPetitions.map((p) => p.id)).toContain(petitionId);
    }
  });
});
