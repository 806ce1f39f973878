import type { DemoSummary } from '../../../shared/contract/system';
import { countyDate } from '../../../shared/domain/time';
import type { Sql } from '../db/sql';
import type { SearchIndex } from '../ledger/search-index';
import { writeRows } from './batch-writer';
import { demoDutyRows } from './duty';
import { generateDemoCounty, type DemoOptions } from './generate';
import { writeDemoAssessments } from './assessments';
import { writeDemoDisputes } from './disputes';
import { writeDemoHazards } from './hazards';
import { writeDemoPetitions } from './petitions';
import { streamOf } from './random';

/** Shown with the map wherever the demo boundary appears. */
const DEMO_BOUNDARY_SOURCE = '演示数据（虚构县，非真实边界）';
const DEMO_BOUNDARY_DATE = '2026-01-01';

/**
 * Writes the made-up county (regions, units, people, township boundary) and its ledgers
 * (petitions, assessments, hazards, disputes) in one transaction: all of it, or on any failure
 * nothing. The caller checks that the database is empty. The ledgers' rows name the account that
 * recorded them, so they are written only when
 * an account exists (the app's 载入演示数据 always has one; `npm run demo` on a data folder
 * before first-run setup loads the county without it). Everything dated is laid out around `today`
 * (the county's date): the duty roster, so the board shows who is on duty from the start, and the
 * ledgers, so the demo has today's new items and deadlines whenever it is loaded. The ledgers'
 * keyword indexes (`searchIndexes`, the registry's) are built once the ledgers are written.
 */
export function loadDemoCounty(
  sql: Sql,
  options: DemoOptions,
  searchIndexes: readonly SearchIndex[],
  today = countyDate(new Date()),
): DemoSummary {
  const demo = generateDemoCounty(options);
  const { db } = sql;
  sql.transaction(() => {
    const regions = [demo.county, ...demo.townships, ...demo.villages, ...demo.grids];
    writeRows(
      db,
      'regions',
      ['code', 'name', 'level', 'parent_code', 'sort'],
      regions.map((r) => [r.code, r.name, r.level, r.parentCode, r.sort]),
    );
    writeRows(
      db,
      'units',
      ['id', 'code', 'name', 'kind', 'region_code', 'sort'],
      demo.units.map((u) => [u.id, u.code, u.name, u.kind, u.regionCode, u.sort]),
    );
    writeRows(
      db,
      'people',
      ['id', 'name', 'title', 'role', 'unit_id', 'sort'],
      demo.people.map((p) => [p.id, p.name, p.title, p.role, p.unitId, p.sort]),
    );
    writeRows(
      db,
      'boundaries',
      ['id', 'source_unit', 'approval_no', 'crs', 'data_date', 'geojson', 'imported_at', 'active'],
      [
        [
          demo.boundaryId,
          DEMO_BOUNDARY_SOURCE,
          '',
          'WGS84',
          DEMO_BOUNDARY_DATE,
          JSON.stringify(demo.boundary.collection),
          new Date().toISOString(),
          1,
        ],
      ],
    );
    writeRows(
      db,
      'duty_roster',
      ['date', 'role', 'name', 'phone', 'sort'],
      demoDutyRows(streamOf(options.seed, 'duty'), today),
    );
    const userId = db.prepare('SELECT id FROM users ORDER BY created_at, id LIMIT 1').pluck().get() as
      string | undefined;
    if (userId !== undefined) {
      writeDemoPetitions(db, {
        ...options,
        townships: demo.townships,
        villages: demo.villages,
        units: demo.units,
        people: demo.people,
        userId,
        today,
      });
      writeDemoAssessments(db, { ...options, townships: demo.townships, units: demo.units, userId, today });
      writeDemoHazards(db, {
        ...options,
        townships: demo.townships,
        villages: demo.villages,
        grids: demo.grids,
        units: demo.units,
        people: demo.people,
        boundary: demo.boundary.collection,
        userId,
        today,
      });
      writeDemoDisputes(db, {
        ...options,
        townships: demo.townships,
        villages: demo.villages,
        grids: demo.grids,
        units: demo.units,
        userId,
        today,
      });
      for (const index of searchIndexes) index.rebuild(db);
    }
  });
  return {
    county: demo.county.name,
    townships: demo.townships.length,
    villages: demo.villages.length,
    grids: demo.grids.length,
    units: demo.units.length,
    people: demo.people.length,
  };
}
