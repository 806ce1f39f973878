/**
 * npm run bench: how fast the backend answers, measured in-process on a large demo county.
 *
 * Each contract method is called through `dispatch` (validation, handler, Kysely-compiled SQL)
 * and compared with its "floor": the same query written by hand as raw SQL on a prepared
 * better-sqlite3 statement, giving the same result. The ratio is what the layers cost.
 * Then the BatchWriter writes a million ledger-like rows into a scratch table.
 * Prints a table and writes bench-results/bench.json.
 */
import { deepStrictEqual } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { memoryJar } from '../electron/backend/api/memory-jar';
import { cellsOf, FIGURE_SQL, rollUp } from '../electron/backend/features/petitions/figures';
import {
  hazardFiguresOf,
  overdueMeasuresOf,
  type HazardGroup,
  type OpenMeasure,
} from '../electron/backend/features/hazards/figures';
import { OPEN_TASK_SQL } from '../electron/backend/db/status-lists';
import { SNAPSHOT_SQL } from '../electron/backend/features/board/snapshot-queries';
import { DAILY_SQL } from '../electron/backend/features/reports/facts';
import { sectionSql, TODAY_SECTIONS } from '../electron/backend/features/today/overview';
import { BOARD_POINT_LIMIT, BOARD_TICKER_LIMIT, BOARD_TREND_DAYS } from '../shared/contract/board';
import { searchPhrase } from '../electron/backend/db/search-text';
import { DEFAULT_CONCLUSION_MAPPING, type RiskLevel } from '../shared/domain/risks/assessment-levels';
import { verifyChain } from '../electron/backend/features/audit/verify';
import { appendAudit } from '../electron/backend/features/audit/writer';
import { openBackend } from '../electron/backend/app';
import type { Backend } from '../electron/backend/backend';
import { applyPragmas, openRaw, userVersion, type Db } from '../electron/backend/db/connection';
import { BatchWriter } from '../electron/backend/demo/batch-writer';
import { generateDemoCounty } from '../electron/backend/demo/generate';
import { Random } from '../electron/backend/demo/random';
import { seededUuidV7 } from '../electron/backend/demo/uuid';
import type { DemoSummary } from '../shared/contract/system';
import { maskName } from '../shared/domain/masking';
import { addDays } from '../shared/domain/ledger/calendar';
import { daysOverdue, DEFAULT_DUE_SOON_DAYS } from '../shared/domain/ledger/deadlines';
import { HAZARD_LEVELS } from '../shared/domain/risks/hazard-levels';
import { countyDate, countyMidnight } from '../shared/domain/time';

const WARM_UP = 20;
const ITERATIONS = 200;
const LEDGER_ROWS = 1_000_000;
const AUDIT_ROWS = 300_000;
const BENCH_ACTOR = { userId: null, username: 'bench', roles: ['sysadmin'] };
const DEMO = { scale: 'large', seed: 20261122 } as const;
const RESULTS_FILE = fileURLToPath(new URL('../bench-results/bench.json', import.meta.url));
/** The bench signs in like any client: calls go through the same session and permission checks. */
const call = { transport: 'ipc', client: 'bench', jar: memoryJar() } as const;
const BENCH_ADMIN = { username: 'bench', displayName: '基准测试管理员', password: 'Qh-2026-Speed!' };
/** The administrator cannot read petitions (separation of duties): a duty officer reads them. */
const BENCH_OFFICER = { username: 'bench-duty', displayName: '基准测试值班员', password: 'Qh-2026-Initial!' };
const officerCall = { transport: 'ipc', client: 'bench-duty', jar: memoryJar() } as const;

interface Case {
  method: string;
  label: string;
  input: Record<string, unknown>;
  floor: () => unknown;
  /** Who calls it; the bench administrator unless given. */
  as?: typeof call | typeof officerCall;
  /**
   * The floor runs the same queries but does not rebuild the method's answer (a composite screen
   * call): its result is not compared, and its ratio is marked * in the table.
   */
  queriesOnly?: true;
}

interface Timing {
  median: number;
  p95: number;
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function time(run: () => unknown): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/**
 * today.overview's floor: the screen's own statements (features/today/overview.ts), each section's
 * count and, when it has rows, its first 20, run raw for a county-wide user, without building the
 * answer from them (the tasks' deadline stages, the sections' shape).
 */
function todayFloor(db: Db): () => unknown {
  const today = countyDate(new Date());
  const statements = Object.values(TODAY_SECTIONS).map((def) => {
    const text = sectionSql(def, false);
    return { count: db.prepare(text.count).pluck(), items: db.prepare(text.items) };
  });
  const params = {
    today,
    yesterday: addDays(today, -1),
    dayStart: countyMidnight(today),
    dayEnd: countyMidnight(addDays(today, 1)),
    prefix: '',
    limit: 20,
  };
  return () =>
    statements.map((s) => {
      const total = s.count.get(params) as number;
      return { total, items: total ? s.items.all(params) : [] };
    });
}

/**
 * board.snapshot's floor: each of its statements once, raw, with the parameters the method binds
 * (the map's points level by level up to the cap): what the board costs before the JS around it.
 */
function boardFloor(db: Db): () => unknown {
  const today = countyDate(new Date());
  const params = { today, from: addDays(today, -(BOARD_TREND_DAYS - 1)), limit: BOARD_TICKER_LIMIT };
  const statements = Object.entries(SNAPSHOT_SQL)
    .filter(([name]) => name !== 'points')
    .map(([, text]) => db.prepare(text));
  const points = db.prepare(SNAPSHOT_SQL.points);
  return () => {
    const rows = statements.map((statement) => statement.all(params));
    let left = BOARD_POINT_LIMIT;
    for (const level of HAZARD_LEVELS) {
      if (left > 0) left -= points.all({ level, limit: left }).length;
    }
    return rows;
  };
}

/**
 * reports.draft's floor (the daily report): the daily facts' statements run raw, without building
 * the document from them.
 */
function dailyReportFloor(db: Db): () => unknown {
  const date = countyDate(new Date());
  const statements = DAILY_SQL.map((text) => db.prepare(text));
  const params = {
    date,
    soon: addDays(date, DEFAULT_DUE_SOON_DAYS),
    dayStart: countyMidnight(date),
    dayEnd: countyMidnight(addDays(date, 1)),
  };
  return () => statements.map((statement) => statement.all(params));
}

/**
 * A page query's statement per LIMIT/OFFSET: the app writes them into the SQL as numbers
 * (db/paging.ts pageBounds), so the floors do too, each page prepared once.
 */
function pageStatements(db: Db, text: (limit: number, offset: number) => string) {
  const prepared = new Map<string, ReturnType<Db['prepare']>>();
  return (limit: number, offset: number) => {
    const key = `${limit}/${offset}`;
    let statement = prepared.get(key);
    if (!statement) prepared.set(key, (statement = db.prepare(text(limit, offset))));
    return statement;
  };
}

/** The hand-written floors: what each method's repo query is, as plain SQL. */
function floors(db: Db) {
  const regionColumns = `r.code, r.name, r.level, r.parent_code AS parentCode,
    (SELECT count(*) FROM regions AS c WHERE c.parent_code = r.code) AS childCount`;
  const regionsPage = (where: string) => {
    const total = db.prepare(`SELECT count(*) AS n FROM regions AS r WHERE ${where}`).pluck();
    const items = db.prepare(
      `SELECT ${regionColumns} FROM regions AS r WHERE ${where} ORDER BY r.sort, r.code LIMIT ? OFFSET ?`,
    );
    return (value: string, page = 1, pageSize = 20) => ({
      items: items.all(value, pageSize, (page - 1) * pageSize),
      total: total.get(value),
      page,
      pageSize,
    });
  };
  const unitsTotal = db.prepare('SELECT count(*) FROM units').pluck();
  const unitsItems = db.prepare(
    'SELECT id, code, name, kind, region_code AS regionCode FROM units ORDER BY sort, code LIMIT ? OFFSET ?',
  );
  const peopleTotal = db.prepare('SELECT count(*) FROM people AS p JOIN units AS u ON u.id = p.unit_id').pluck();
  const peopleItems = db.prepare(`SELECT p.id, p.name, p.title, p.role, p.unit_id AS unitId, u.name AS unitName
    FROM people AS p JOIN units AS u ON u.id = p.unit_id ORDER BY p.sort, p.id LIMIT ? OFFSET ?`);
  const dictName = db.prepare('SELECT name FROM dictionaries WHERE code = ?').pluck();
  const dictEntries = db.prepare(
    'SELECT code, label, sort, enabled FROM dict_entries WHERE dict_code = ? ORDER BY sort, code',
  );
  const boundary = db.prepare(
    'SELECT source_unit, approval_no, crs, data_date, geojson FROM boundaries WHERE active = 1',
  );
  const county = db.prepare("SELECT code, name FROM regions WHERE level = 'county' ORDER BY code LIMIT 1");
  const levels = db.prepare('SELECT level, count(*) AS n FROM regions GROUP BY level');
  const peopleCount = db.prepare('SELECT count(*) FROM people').pluck();
  return {
    regionsByLevel: regionsPage('r.level = ?'),
    regionsByParent: regionsPage('r.parent_code = ?'),
    regionsByKeyword: regionsPage("r.name LIKE ? ESCAPE '\\'"),
    units: () => ({ items: unitsItems.all(20, 0), total: unitsTotal.get(), page: 1, pageSize: 20 }),
    people: () => ({ items: peopleItems.all(20, 0), total: peopleTotal.get(), page: 1, pageSize: 20 }),
    dict: (code: string) => {
      const entries = dictEntries.all(code) as Array<{ enabled: number }>;
      return { code, name: dictName.get(code), entries: entries.map((e) => ({ ...e, enabled: e.enabled === 1 })) };
    },
    boundary: () => {
      const row = boundary.get() as Record<string, string>;
      return {
        source: { sourceUnit: row.source_unit, approvalNo: row.approval_no, crs: row.crs, dataDate: row.data_date },
        geojson: JSON.parse(row.geojson!),
      };
    },
    info: () => {
      const byLevel = new Map((levels.all() as Array<{ level: string; n: number }>).map((r) => [r.level, r.n]));
      return {
        appName: packageJson.productName,
        version: packageJson.version,
        schemaVersion: userVersion(db),
        county: county.get() ?? null,
        counts: {
          townships: byLevel.get('township') ?? 0,
          villages: byLevel.get('village') ?? 0,
          grids: byLevel.get('grid') ?? 0,
          units: unitsTotal.get(),
          people: peopleCount.get(),
        },
      };
    },
  };
}

/**
 * The petitions feature's queries as plain SQL (repo.ts, figures.ts), with the same masking and
 * the domain's ordering of the supervision queue applied in JS, as the handlers do.
 */
function petitionFloors(db: Db, today: string) {
  const stage = `CASE
    WHEN p.status IN ('resolved', 'closed') THEN 'done'
    WHEN p.due_date IS NULL THEN NULL
    WHEN p.due_date < @today THEN 'overdue'
    WHEN julianday(p.due_date) - julianday(@today) <= ${DEFAULT_DUE_SOON_DAYS} THEN 'due_soon'
    WHEN 2 * (julianday(@today) - julianday(coalesce(p.assigned_date, p.received_date)))
      >= julianday(p.due_date) - julianday(coalesce(p.assigned_date, p.received_date)) THEN 'half_used'
    ELSE 'normal' END`;
  const columns = `p.id, p.case_no, p.item_type, p.category, p.township_code, g.name AS township_name, p.summary,
    p.received_date, p.petition_count, p.highest_level, p.status, p.handling_unit_id, u.name AS unit_name,
    p.leader_id, l.name AS leader_name, p.due_date, ${stage} AS stage,
    (SELECT group_concat(n.name, char(31) ORDER BY n.is_primary DESC, n.sort) FROM petitioners n WHERE n.petition_id = p.id) AS names`;
  const joins = `FROM petitions p JOIN regions g ON g.code = p.township_code
    LEFT JOIN units u ON u.id = p.handling_unit_id LEFT JOIN people l ON l.id = p.leader_id`;
  type Raw = Record<string, string | number | null>;
  const toRow = (r: Raw) => {
    const names = r.names ? String(r.names).split('\u001f') : [];
    return {
      id: r.id,
      caseNo: r.case_no,
      itemType: r.item_type,
      category: r.category,
      townshipCode: r.township_code,
      townshipName: r.township_name,
      summary: r.summary,
      receivedDate: r.received_date,
      petitionCount: r.petition_count,
      highestLevel: r.highest_level,
      status: r.status,
      handlingUnitId: r.handling_unit_id,
      handlingUnitName: r.unit_name,
      leaderId: r.leader_id,
      leaderName: r.leader_name,
      dueDate: r.due_date,
      stage: r.stage,
      petitionerNames: names.map(maskName),
      petitionerCount: names.length,
    };
  };
  const keyword = 'p.rowid IN (SELECT rowid FROM petitions_search WHERE petitions_search MATCH @phrase)';
  /** One filtered, ordered selection: its count, and its rows from an offset. */
  const selection = (where: string, order = 'p.received_date DESC, p.id DESC') => {
    const filter = where ? `WHERE ${where}` : '';
    const total = db.prepare(`SELECT count(*) FROM petitions p ${filter}`).pluck();
    // The page is picked on the bare table, then joined (repo.ts pageRows).
    const items = pageStatements(
      db,
      (limit, offset) => `SELECT ${columns} ${joins} WHERE p.rowid IN
        (SELECT p.rowid FROM petitions p ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) ORDER BY ${order}`,
    );
    // better-sqlite3 refuses named parameters a statement does not use: the count may not use @today.
    const countParams = (params: Record<string, unknown>) => (where.includes('@today') ? { today, ...params } : params);
    return {
      count: (params: Record<string, unknown> = {}) => total.get(countParams(params)) as number,
      rows: (params: Record<string, unknown>, offset: number, limit: number) =>
        (items(limit, offset).all({ today, ...params }) as Raw[]).map(toRow),
    };
  };
  const page = (where: string, order?: string) => {
    const query = selection(where, order);
    return (params: Record<string, unknown> = {}, pageNo = 1, pageSize = 20) => ({
      items: query.rows(params, (pageNo - 1) * pageSize, pageSize),
      total: query.count(params),
      page: pageNo,
      pageSize,
    });
  };
  // The supervision queue's two runs (queue.ts): due by the end of the due-soon window, then escalated.
  const open = "p.status NOT IN ('resolved', 'closed')";
  const rank =
    "CASE p.highest_level WHEN 'county' THEN 0 WHEN 'city' THEN 1 WHEN 'province' THEN 2 WHEN 'national' THEN 3 END";
  const queueRuns = [
    selection(`${open} AND p.due_date IS NOT NULL AND p.due_date <= @soon`, `p.due_date, ${rank} DESC, p.id`),
    selection(
      `${open} AND p.highest_level != 'county' AND (p.due_date IS NULL OR p.due_date > @soon)`,
      `${rank} DESC, p.due_date IS NULL, p.due_date, p.id`,
    ),
  ];
  const queueParams = { soon: addDays(today, DEFAULT_DUE_SOON_DAYS) };
  const queueItem = (row: ReturnType<typeof toRow>) => ({
    ...row,
    daysOverdue: row.dueDate ? daysOverdue(String(row.dueDate), today) : 0,
    reason: row.stage === 'overdue' ? 'overdue' : row.stage === 'due_soon' ? 'due_soon' : 'escalated',
  });
  // The figures' own SQL, run raw: the floor measures what dispatch and the JS around it add.
  const tallies = db.prepare(FIGURE_SQL.tallies);
  const overdue = db.prepare(FIGURE_SQL.overdue);
  return {
    all: page(''),
    byTownshipStatus: page('p.township_code = @township AND p.status = @status'),
    byDueDate: page('', 'p.due_date IS NULL, p.due_date ASC, p.id ASC'),
    byDueDateDesc: page('', 'p.due_date IS NOT NULL DESC, p.due_date DESC, p.id DESC'),
    keyword: (text: string) => page(keyword)({ phrase: searchPhrase(text) }),
    queue: (pageNo = 1, pageSize = 20) => {
      const [due, escalated] = queueRuns.map((run) => run.count(queueParams)) as [number, number];
      const offset = (pageNo - 1) * pageSize;
      const head = offset < due ? queueRuns[0]!.rows(queueParams, offset, pageSize) : [];
      const wanted = pageSize - head.length;
      const rest = wanted > 0 ? queueRuns[1]!.rows(queueParams, Math.max(0, offset - due), wanted) : [];
      return { items: [...head, ...rest].map(queueItem), total: due + escalated, page: pageNo, pageSize };
    },
    figures: () => {
      const scope = { scope: null };
      return rollUp(cellsOf(tallies.all(scope) as never[], overdue.all({ today, ...scope }) as never[]), today);
    },
  };
}

/** The hazard ledger's queries as plain SQL (hazards/repo.ts, figures.ts). */
function hazardFloors(db: Db, today: string) {
  const columns = `h.*, g.name AS township_name, v.name AS village_name, l.name AS leader_name,
    r.name AS responsible_name`;
  const joins = `FROM hazards h JOIN regions g ON g.code = h.township_code
    LEFT JOIN regions v ON v.code = h.village_code LEFT JOIN people l ON l.id = h.leader_id
    LEFT JOIN people r ON r.id = h.responsible_id`;
  type Raw = Record<string, string | number | null>;
  const toRow = (r: Raw) => ({
    id: r.id,
    hazardNo: r.hazard_no,
    title: r.title,
    category: r.category,
    source: r.source,
    level: r.level,
    status: r.status,
    foundOn: r.found_on,
    townshipCode: r.township_code,
    townshipName: r.township_name,
    villageName: r.village_name,
    peopleInvolved: r.people_involved,
    leaderId: r.leader_id,
    leaderName: r.leader_name,
    responsibleName: r.responsible_name,
    updatedAt: r.updated_at,
  });
  const rank = "CASE h.level WHEN 'red' THEN 3 WHEN 'orange' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END";
  const page = (where: string, order = 'h.found_on DESC, h.id DESC') => {
    const filter = where ? `WHERE ${where}` : '';
    const total = db.prepare(`SELECT count(*) FROM hazards h ${filter}`).pluck();
    // The page is picked on the bare table, then joined (repo.ts listHazards).
    const items = pageStatements(
      db,
      (limit, offset) => `SELECT ${columns} ${joins} WHERE h.rowid IN
        (SELECT h.rowid FROM hazards h ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) ORDER BY ${order}`,
    );
    return (params: Record<string, unknown> = {}, pageNo = 1, pageSize = 20) => ({
      items: (items(pageSize, (pageNo - 1) * pageSize).all(params) as Raw[]).map(toRow),
      total: total.get(params) as number,
      page: pageNo,
      pageSize,
    });
  };
  const keyword = 'h.rowid IN (SELECT rowid FROM hazards_search WHERE hazards_search MATCH @phrase)';
  const groups = db.prepare(`SELECT status, level, township_code AS townshipCode, count(*) AS count
    FROM hazards GROUP BY status, level, township_code`);
  const townships = db.prepare("SELECT code, name FROM regions WHERE level = 'township' ORDER BY sort, code");
  const measures = db.prepare(`SELECT t.id, t.owner_id AS ownerId, t.status, t.due_date AS dueDate
    FROM risk_tasks t JOIN hazards h ON h.id = t.owner_id
    WHERE t.owner_kind = 'hazard' AND t.kind = 'measure' AND t.status IN ${OPEN_TASK_SQL}`);
  return {
    all: page(''),
    byTownshipStatus: page('h.township_code = @township AND h.status = @status'),
    byLevel: page('', `${rank} DESC, h.found_on DESC, h.id DESC`),
    keyword: (text: string) => page(keyword)({ phrase: searchPhrase(text) }),
    figures: () => ({
      ...hazardFiguresOf(
        groups.all() as HazardGroup[],
        townships.all() as Array<{ code: string; name: string }>,
        today,
      ),
      overdueMeasures: overdueMeasuresOf(measures.all() as OpenMeasure[], today),
    }),
  };
}

/** The stability assessments' list as plain SQL (assessments/repo.ts): the page on the bare table, then joined. */
function assessmentFloors(db: Db, today: string) {
  const SEP = '\u001f';
  const PAIR = '\u001e';
  const stage = `CASE WHEN a.status = 'tracking' THEN CASE
      WHEN a.next_re_review_on IS NULL THEN NULL
      WHEN a.next_re_review_on < @today THEN 'overdue'
      WHEN julianday(a.next_re_review_on) - julianday(@today) <= @soon THEN 'due_soon'
      WHEN 2 * (julianday(@today) - julianday(coalesce(a.last_reviewed_on, a.implemented_on)))
        >= julianday(a.next_re_review_on) - julianday(coalesce(a.last_reviewed_on, a.implemented_on)) THEN 'half_used'
      ELSE 'normal' END END`;
  const columns = `a.*, u.name AS unit_name, ${stage} AS stage,
    (SELECT group_concat(t.township_code || '${PAIR}' || g.name, '${SEP}' ORDER BY t.sort)
      FROM assessment_townships t JOIN regions g ON g.code = t.township_code WHERE t.assessment_id = a.id) AS townships`;
  type Raw = Record<string, string | number | null>;
  const toRow = (r: Raw) => ({
    id: r.id,
    assessmentNo: r.assessment_no,
    matter: r.matter,
    matterType: r.matter_type,
    proposingUnitId: r.proposing_unit_id,
    proposingUnitName: r.unit_name,
    townships: String(r.townships ?? '')
      .split(SEP)
      .filter(Boolean)
      .map((pair) => ({ code: pair.split(PAIR)[0], name: pair.split(PAIR)[1] })),
    peopleAffected: r.people_affected,
    registeredOn: r.registered_on,
    status: r.status,
    riskLevelBefore: r.risk_level_before,
    riskLevelAfter: r.risk_level_after,
    suggestedConclusion: r.risk_level_after ? DEFAULT_CONCLUSION_MAPPING[r.risk_level_after as RiskLevel] : null,
    recommendedConclusion: r.recommended_conclusion,
    decision: r.decision,
    decidedOn: r.decided_on,
    nextReReviewOn: r.next_re_review_on,
    reReviewStage: r.stage,
  });
  const order = 'a.registered_on DESC, a.id DESC';
  const page = (where: string) => {
    const filter = where ? `WHERE ${where}` : '';
    const total = db.prepare(`SELECT count(*) FROM assessments a ${filter}`).pluck();
    const items = db.prepare(`SELECT ${columns} FROM assessments a JOIN units u ON u.id = a.proposing_unit_id
      WHERE a.rowid IN (SELECT a.rowid FROM assessments a ${filter} ORDER BY ${order} LIMIT 20) ORDER BY ${order}`);
    return (params: Record<string, unknown> = {}) => ({
      items: (items.all({ ...params, today, soon: DEFAULT_DUE_SOON_DAYS }) as Raw[]).map(toRow),
      total: total.get(params) as number,
      page: 1,
      pageSize: 20,
    });
  };
  return {
    all: page(''),
    byTownshipStatus: page(
      `a.id IN (SELECT assessment_id FROM assessment_townships WHERE township_code = @township) AND a.status = @status`,
    ),
    keyword: (text: string) =>
      page('a.rowid IN (SELECT rowid FROM assessments_search WHERE assessments_search MATCH @phrase)')({
        phrase: searchPhrase(text),
      }),
  };
}

async function dataOf(
  backend: Backend,
  method: string,
  input: unknown,
  as: typeof call | typeof officerCall = call,
): Promise<unknown> {
  const result = await backend.dispatch(method, input, as);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data;
}

function casesFor(db: Db, townshipCode: string): Case[] {
  const floor = floors(db);
  const petitions = petitionFloors(db, countyDate(new Date()));
  const hazards = hazardFloors(db, countyDate(new Date()));
  const assessments = assessmentFloors(db, countyDate(new Date()));
  const officer = { as: officerCall };
  return [
    {
      method: 'regions.list',
      label: '乡镇层级',
      input: { level: 'township' },
      floor: () => floor.regionsByLevel('township'),
    },
    {
      method: 'regions.list',
      label: '一个镇的村',
      input: { parentCode: townshipCode },
      floor: () => floor.regionsByParent(townshipCode),
    },
    {
      method: 'regions.list',
      label: '名称搜索：社区',
      input: { keyword: '社区' },
      floor: () => floor.regionsByKeyword('%社区%'),
    },
    {
      method: 'regions.list',
      label: '网格第 50 页',
      input: { level: 'grid', page: 50 },
      floor: () => floor.regionsByLevel('grid', 50),
    },
    { method: 'units.list', label: '第 1 页', input: {}, floor: floor.units },
    { method: 'people.list', label: '第 1 页', input: {}, floor: floor.people },
    {
      method: 'dicts.get',
      label: '信访问题分类',
      input: { code: 'petition_category' },
      floor: () => floor.dict('petition_category'),
    },
    { method: 'board.boundary', label: '乡镇边界', input: {}, floor: floor.boundary },
    { method: 'system.info', label: '概况', input: {}, floor: floor.info },
    { method: 'petitions.list', label: '无筛选第 1 页', input: {}, floor: () => petitions.all(), ...officer },
    {
      method: 'petitions.list',
      label: '一个镇 + 化解中',
      input: { townshipCode, status: 'resolving' },
      floor: () => petitions.byTownshipStatus({ township: townshipCode, status: 'resolving' }),
      ...officer,
    },
    {
      method: 'petitions.list',
      label: '第 500 页',
      input: { page: 500 },
      floor: () => petitions.all({}, 500),
      ...officer,
    },
    {
      method: 'petitions.list',
      label: '按期限排序',
      input: { sort: 'dueDate', direction: 'asc' },
      floor: () => petitions.byDueDate(),
      ...officer,
    },
    {
      method: 'petitions.list',
      label: '按期限倒序',
      input: { sort: 'dueDate', direction: 'desc' },
      floor: () => petitions.byDueDateDesc(),
      ...officer,
    },
    {
      method: 'petitions.list',
      label: '关键词“征地补偿”（FTS）',
      input: { keyword: '征地补偿' },
      floor: () => petitions.keyword('征地补偿'),
      ...officer,
    },
    {
      method: 'petitions.list',
      label: '两字关键词“拆迁”',
      input: { keyword: '拆迁' },
      floor: () => petitions.keyword('拆迁'),
      ...officer,
    },
    {
      method: 'petitions.list',
      label: '一字关键词“王”',
      input: { keyword: '王' },
      floor: () => petitions.keyword('王'),
      ...officer,
    },
    {
      method: 'petitions.supervisionQueue',
      label: '督办队列第 1 页',
      input: {},
      floor: () => petitions.queue(),
      ...officer,
    },
    {
      method: 'petitions.supervisionQueue',
      label: '督办队列第 100 页',
      input: { page: 100 },
      floor: () => petitions.queue(100),
      ...officer,
    },
    {
      method: 'petitions.figures',
      label: '指标',
      input: {},
      floor: petitions.figures,
      ...officer,
    },
    { method: 'hazards.list', label: '无筛选第 1 页', input: {}, floor: () => hazards.all(), ...officer },
    {
      method: 'hazards.list',
      label: '一个镇 + 化解中',
      input: { townshipCode, status: 'resolving' },
      floor: () => hazards.byTownshipStatus({ township: townshipCode, status: 'resolving' }),
      ...officer,
    },
    {
      method: 'hazards.list',
      label: '两字关键词“欠薪”',
      input: { keyword: '欠薪' },
      floor: () => hazards.keyword('欠薪'),
      ...officer,
    },
    {
      method: 'hazards.list',
      label: '关键词“拖欠农民”（FTS）',
      input: { keyword: '拖欠农民' },
      floor: () => hazards.keyword('拖欠农民'),
      ...officer,
    },
    {
      method: 'hazards.list',
      label: '按等级排序',
      input: { sort: 'level' },
      floor: () => hazards.byLevel(),
      ...officer,
    },
    { method: 'hazards.figures', label: '指标', input: {}, floor: hazards.figures, ...officer },
    { method: 'assessments.list', label: '无筛选第 1 页', input: {}, floor: () => assessments.all(), ...officer },
    {
      method: 'assessments.list',
      label: '一个镇 + 跟踪中',
      input: { townshipCode, status: 'tracking' },
      floor: () => assessments.byTownshipStatus({ township: townshipCode, status: 'tracking' }),
      ...officer,
    },
    {
      method: 'assessments.list',
      label: '两字关键词“改造”',
      input: { keyword: '改造' },
      floor: () => assessments.keyword('改造'),
      ...officer,
    },
    {
      method: 'today.overview',
      label: '今日（20 条/栏）',
      input: {},
      floor: todayFloor(db),
      queriesOnly: true,
      ...officer,
    },
    {
      method: 'reports.draft',
      label: '日报数据（今日）',
      input: { kind: 'daily' },
      floor: dailyReportFloor(db),
      queriesOnly: true,
      ...officer,
    },
    {
      method: 'board.snapshot',
      label: '态势大屏（全部数据）',
      input: {},
      floor: boardFloor(db),
      queriesOnly: true,
    },
  ];
}

async function benchMethods(backend: Backend) {
  const db = openRaw(backend.dbFile);
  // The floors run with the app's own pragmas (page cache included), or the ratios would flatter.
  applyPragmas(db);
  try {
    const townships = (await dataOf(backend, 'regions.list', { level: 'township', pageSize: 100 })) as {
      items: Array<{ code: string; name: string }>;
    };
    const town = townships.items.find((t) => t.name.endsWith('镇'))!;
    const rows = [];
    for (const c of casesFor(db, town.code)) {
      // The floor must answer exactly what the method answers, or the comparison means nothing.
      const answer = await dataOf(backend, c.method, c.input, c.as);
      if (!c.queriesOnly) deepStrictEqual(c.floor(), answer, `${c.method} ${c.label}: 下限查询结果不一致`);
      const measured = await time(() => backend.dispatch(c.method, c.input, c.as ?? call));
      const floor = await time(c.floor);
      rows.push({
        method: c.method,
        label: c.label,
        input: c.input,
        measured,
        floor,
        ratio: measured.median / floor.median,
        queriesOnly: c.queriesOnly ?? false,
      });
    }
    return rows;
  } finally {
    db.close();
  }
}

/** Creates the duty officer through the administrator, signs in and sets its own password. */
async function signInOfficer(backend: Backend): Promise<void> {
  const { username, displayName, password } = BENCH_OFFICER;
  await dataOf(backend, 'users.create', { username, displayName, roles: ['duty_officer'], regionCode: null, password });
  await dataOf(backend, 'auth.login', { username, password }, officerCall);
  await dataOf(
    backend,
    'auth.changePassword',
    { currentPassword: password, newPassword: 'Qh-2026-Officer!' },
    officerCall,
  );
}

function benchBatchWriter(dir: string) {
  const db = openRaw(join(dir, 'scratch.db'));
  try {
    applyPragmas(db);
    db.exec(`CREATE TABLE ledger (
      id TEXT PRIMARY KEY, region_code TEXT NOT NULL, event_date TEXT NOT NULL, summary TEXT NOT NULL, amount INTEGER NOT NULL
    ) STRICT`);
    const newId = seededUuidV7(new Random(1));
    const regions = generateDemoCounty(DEMO).grids.map((grid) => grid.code);
    const dates = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const summaries = ['欠薪讨要', '邻里纠纷', '土地权属争议', '噪声扰民', '物业服务纠纷', '道路积水'];
    const start = performance.now();
    const writer = new BatchWriter(db, 'ledger', ['id', 'region_code', 'event_date', 'summary', 'amount']);
    for (let i = 0; i < LEDGER_ROWS; i++) {
      writer.add([
        newId(),
        regions[i % regions.length]!,
        dates[i % dates.length]!,
        summaries[i % summaries.length]!,
        i % 10_000,
      ]);
    }
    const counts = writer.finish();
    const seconds = (performance.now() - start) / 1000;
    const stored = db.prepare('SELECT count(*) FROM ledger').pluck().get();
    if (stored !== LEDGER_ROWS) throw new Error(`批量写入后应有 ${LEDGER_ROWS} 行，实际 ${String(stored)} 行`);
    return { rows: counts.rows, batches: counts.batches, seconds, rowsPerSecond: counts.rows / seconds };
  } finally {
    db.close();
  }
}

/**
 * The audit chain is verified in full at every start: how long that takes for a few years of
 * audit rows, appended the way the app appends them (one HMAC-chained row at a time).
 */
function benchAuditChain(backend: Backend) {
  const ctx = { ...backend.services, call, principal: null };
  const appendStart = performance.now();
  backend.services.sql.transaction(() => {
    for (let i = 0; i < AUDIT_ROWS; i++) {
      appendAudit(ctx, { action: 'regions.list', entity: 'region', detail: `基准 ${i}` }, BENCH_ACTOR);
    }
  });
  const appendSeconds = (performance.now() - appendStart) / 1000;
  const verifyStart = performance.now();
  const verification = verifyChain(backend.services.sql, backend.services.auditKey, new Date());
  const verifySeconds = (performance.now() - verifyStart) / 1000;
  if (!verification.ok) throw new Error(verification.message);
  return { rows: verification.checkedRows, appendSeconds, verifySeconds };
}

/** Terminal columns: a CJK character takes two. */
const widthOf = (text: string) => [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - widthOf(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - widthOf(text))) + text;

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(widthOf(h), ...rows.map((r) => widthOf(r[i]!))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zz-bench-'));
  try {
    const backend = await openBackend(join(dir, 'data'), { dailyBackups: false });
    let loadMs: number;
    let summary: DemoSummary;
    let methods: Awaited<ReturnType<typeof benchMethods>>;
    let chain: ReturnType<typeof benchAuditChain>;
    try {
      await dataOf(backend, 'auth.setup', BENCH_ADMIN);
      const start = performance.now();
      summary = (await dataOf(backend, 'system.loadDemo', DEMO)) as DemoSummary;
      loadMs = performance.now() - start;
      await signInOfficer(backend);
      console.log(
        `演示县（大规模）已载入：${summary.townships} 个乡镇/街道、${summary.villages} 个村/社区、${summary.grids} 个网格，` +
          `用时 ${loadMs.toFixed(0)} ms\n每项预热 ${WARM_UP} 次、计时 ${ITERATIONS} 次；“下限”为同一查询的手写 SQL（预编译语句）\n`,
      );
      methods = await benchMethods(backend);
      chain = benchAuditChain(backend);
    } finally {
      backend.close();
    }
    const ms = (n: number) => n.toFixed(3);
    printTable(
      ['方法', '中位数 ms', 'p95 ms', '下限中位数 ms', '下限 p95 ms', '倍数'],
      methods.map((m) => [
        `${m.method}（${m.label}）`,
        ms(m.measured.median),
        ms(m.measured.p95),
        ms(m.floor.median),
        ms(m.floor.p95),
        `${m.ratio.toFixed(2)}×${m.queriesOnly ? '*' : ''}`,
      ]),
    );
    console.log('* 下限只执行相同的查询，不组装方法的返回结果（组合接口），结果不作比对。');

    const batch = benchBatchWriter(dir);
    console.log(
      `\nBatchWriter：${batch.rows.toLocaleString('zh-CN')} 行写入 STRICT 表（${batch.batches} 个事务），` +
        `用时 ${batch.seconds.toFixed(2)} s，${Math.round(batch.rowsPerSecond).toLocaleString('zh-CN')} 行/秒`,
    );

    console.log(
      `审计哈希链：追加 ${chain.rows.toLocaleString('zh-CN')} 条用时 ${chain.appendSeconds.toFixed(2)} s；` +
        `启动时全链校验用时 ${chain.verifySeconds.toFixed(2)} s（${Math.round(chain.rows / chain.verifySeconds).toLocaleString('zh-CN')} 条/秒）`,
    );

    mkdirSync(join(RESULTS_FILE, '..'), { recursive: true });
    const report = {
      generatedAt: new Date().toISOString(),
      machine: { node: process.version, platform: process.platform, arch: process.arch, cpus: cpus().length },
      demo: { ...DEMO, loadMs, summary },
      warmUp: WARM_UP,
      iterations: ITERATIONS,
      methods: methods.map((m) => ({
        method: m.method,
        case: m.label,
        input: m.input,
        medianMs: m.measured.median,
        p95Ms: m.measured.p95,
        floorMedianMs: m.floor.median,
        floorP95Ms: m.floor.p95,
        ratio: m.ratio,
      })),
      batchWriter: batch,
      auditChain: chain,
    };
    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\n结果已写入 ${RESULTS_FILE}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
