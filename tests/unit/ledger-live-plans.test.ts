import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { SNAPSHOT_SQL } from '../../electron/backend/features/board/snapshot-queries';
import { DAILY_SQL } from '../../electron/backend/features/reports/facts';
import { EAST, LEADER, must, petitionBackend, TOWN_UNIT } from '../helpers/petitions';

/**
 * Leaving voided records out reads no more of a ledger than the same query did before voiding
 * existed: the query plans (the same at any size, as SQLite keeps no statistics here) answer it
 * from the indexes alone where they did then.
 */

/** The plan of `text`, one line per step, every parameter bound to NULL. */
function planOf(db: Database, text: string): string[] {
  const named = Object.fromEntries([...text.matchAll(/@(\w+)/g)].map((m) => [m[1]!, null]));
  const positional = (text.replace(/'[^']*'/g, '').match(/\?/g) ?? []).map(() => null);
  const args = Object.keys(named).length ? [...positional, named] : positional;
  return (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail);
}

/** The SQL texts a call prepares on the backend's connection (each list shape is prepared once). */
async function statementsOf(backend: Backend, call: () => Promise<unknown>): Promise<string[]> {
  const db = backend.services.sql.db;
  const prepare = db.prepare;
  const texts: string[] = [];
  db.prepare = ((text: string) => {
    texts.push(text);
    return prepare.call(db, text);
  }) as typeof db.prepare;
  try {
    await call();
  } finally {
    db.prepare = prepare;
  }
  return texts;
}

/** A step that reads the ledger's rows: through an index that does not hold every column asked, or the table. */
const readsRows = (alias: string) => new RegExp(`^(SCAN|SEARCH) ${alias}( USING INDEX |$)`);

const LISTS = {
  petitions: {
    alias: 'p',
    filters: [
      { category: 'wage_arrears' },
      { townshipCode: EAST },
      { townshipCode: EAST, status: 'resolving' },
      { status: 'assigned' },
      { handlingUnitId: TOWN_UNIT },
      { leaderId: LEADER },
      { receivedFrom: '2026-01-01' },
    ],
    sorts: [
      { sort: 'receivedDate', direction: 'desc' },
      { sort: 'dueDate', direction: 'asc' },
      { sort: 'dueDate', direction: 'desc' },
      { sort: 'petitionCount', direction: 'asc' },
    ],
  },
  hazards: {
    alias: 'h',
    filters: [
      { townshipCode: EAST, status: 'resolving' },
      { category: 'wage_arrears' },
      { level: 'red' },
      { status: 'found' },
      { leaderId: LEADER },
      { foundFrom: '2026-01-01' },
    ],
    sorts: [
      { sort: 'foundOn', direction: 'desc' },
      { sort: 'level', direction: 'desc' },
    ],
  },
  assessments: {
    alias: 'a',
    filters: [
      { status: 'tracking' },
      { riskLevel: 'high' },
      { decision: 'implement' },
      { matterType: 'project' },
      { registeredFrom: '2026-01-01' },
    ],
    sorts: [
      { sort: 'registeredOn', direction: 'desc' },
      { sort: 'peopleAffected', direction: 'asc' },
      { sort: 'decidedOn', direction: 'desc' },
    ],
  },
} as const;

describe('voided records left out from the indexes alone', () => {
  it('counts a filtered list and picks a sorted page without reading a ledger row', async () => {
    const { backend, officer } = await petitionBackend();
    const db = backend.services.sql.db;
    /** The steps reading the ledger's rows in the plan of the statement `pick` finds among a call's. */
    const rowsRead = async (ledger: keyof typeof LISTS, input: object, pick: (text: string) => boolean) => {
      const texts = await statementsOf(backend, () => must(backend.call(`${ledger}.list`, input as never, officer)));
      const steps = planOf(db, texts.find(pick)!).filter((step) => readsRows(LISTS[ledger].alias).test(step));
      return { ledger, input, steps };
    };
    for (const ledger of Object.keys(LISTS) as Array<keyof typeof LISTS>) {
      for (const filter of LISTS[ledger].filters) {
        const read = await rowsRead(ledger, filter, (text) => text.includes('count(*)'));
        expect(read).toEqual({ ledger, input: filter, steps: [] });
      }
      // The page's rows are then fetched by rowid: only those 20 are read.
      for (const sort of LISTS[ledger].sorts) {
        const read = await rowsRead(ledger, sort, (text) => text.includes(' limit '));
        expect(read).toEqual({ ledger, input: sort, steps: [] });
      }
    }
  });

  it('picks a page of one status in the list’s order from an index, without sorting the status’s records', async () => {
    const { backend, officer } = await petitionBackend();
    const db = backend.services.sql.db;
    const pageSteps = async (ledger: 'petitions' | 'hazards', input: object) => {
      const texts = await statementsOf(backend, () => must(backend.call(`${ledger}.list`, input as never, officer)));
      return {
        ledger,
        input,
        steps: planOf(
          db,
          texts.find((text) => text.includes(' limit '))!,
        ),
      };
    };
    const sorts = [
      { sort: 'receivedDate', direction: 'desc' },
      { sort: 'caseNo', direction: 'asc' },
      { sort: 'dueDate', direction: 'asc' },
      { sort: 'dueDate', direction: 'desc' },
    ];
    const pages = [
      ...sorts.map((sort) => ({ ledger: 'petitions' as const, input: { status: 'resolving', ...sort } })),
      { ledger: 'hazards' as const, input: { status: 'closed', sort: 'foundOn', direction: 'desc' } },
    ];
    for (const { ledger, input } of pages) {
      const read = await pageSteps(ledger, input);
      // The page's rowids come from the status's index in order; the one sort left is of the 20
      // rows picked, joined to their columns (without the index, the status's records were sorted too).
      expect(
        read.steps.filter((step) => / USING COVERING INDEX \w+_status_\w+ \(status=\?\)$/.test(step)),
      ).toHaveLength(1);
      expect(
        read.steps.filter((step) => step === 'USE TEMP B-TREE FOR ORDER BY'),
        JSON.stringify(read),
      ).toHaveLength(1);
    }
  });

  it('reads the board’s trends, the daily report’s day and the overdue tasks from indexes', async () => {
    const { backend } = await petitionBackend();
    const db = backend.services.sql.db;
    for (const trend of [SNAPSHOT_SQL.newCases, SNAPSHOT_SQL.newHazards]) {
      expect(planOf(db, trend)).toEqual([expect.stringMatching(/^SEARCH (petitions|hazards) USING COVERING INDEX /)]);
    }
    const [petitions, , , tasks, assessments] = DAILY_SQL;
    expect(planOf(db, petitions!)).toContain(
      'SEARCH petitions USING COVERING INDEX petitions_received (received_date=?)',
    );
    expect(planOf(db, assessments!)).toEqual(['SCAN assessments USING COVERING INDEX assessments_status']);
    // The overdue tasks of voided owners are subtracted, found from the voided records, rather than
    // each task's owner looked up: only the day's few completed tasks are (hazard, assessment).
    const lookups = (text: string) => planOf(db, text).filter((step) => step.startsWith('CORRELATED'));
    expect(lookups(SNAPSHOT_SQL.overdueTasksTotal)).toEqual([]);
    expect(lookups(tasks!)).toHaveLength(2);
  });

  it('reads the board’s disputes from ranges of their indexes, never the whole ledger', async () => {
    const { backend } = await petitionBackend();
    const db = backend.services.sql.db;
    expect(planOf(db, SNAPSHOT_SQL.disputeWindow)).toContain(
      'SEARCH disputes USING INDEX disputes_received (received_on>? AND received_on<?)',
    );
    expect(planOf(db, SNAPSHOT_SQL.openDisputes)[0]).toMatch(
      /^SEARCH disputes USING (COVERING )?INDEX \w+ \(status=\?\)$/,
    );
  });
});
