/**
 * npm run bench: how fast the backend answers, measured in-process on a large demo county.
 *
 * Each contract method is called through `dispatch` (validation, handler, Kysely-compiled SQL)
 * and compared with its "floor": the same query written by hand as raw SQL on a prepared
 * better-sqlite3 statement, giving the same result. The ratio is what the layers cost; the two run
 * in turns, so a change in the machine's load falls on both alike. A paged list is also timed as
 * users first meet it: pages no call has asked for yet (then the same pages again), and its first
 * call after a restart. Then the BatchWriter writes a million ledger-like rows into a scratch table.
 * Then another duty officer's list is timed alone and while a backup and an export of every case
 * run in worker threads (scripts/bench-heavy.ts).
 * Then a petition workbook of 10,000 rows is imported (preview and commit) and one of 100 previewed.
 * Last, the wall display's first paint and map in headless Chromium (scripts/bench-paint.ts).
 * Prints the tables with the machine's load beside them and writes bench-results/bench.json (the
 * paint case bench-results/paint.json).
 *
 *   npm run bench -- [--scale large|small] [--only import|heavy|paint] [--no-build]
 */
import { deepStrictEqual } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import packageJson from '../package.json' with { type: 'json' };
import { memoryJar } from '../electron/backend/api/memory-jar';
import { cellsOf, FIGURE_SQL, figureParams, monthsFrom, rollUp } from '../electron/backend/features/petitions/figures';
import { presetPeriod, recentMonths, type FigurePeriod } from '../shared/domain/ledger/figure-period';
import {
  byCategoryOf,
  HAZARD_FIGURE_SQL,
  hazardFiguresOf,
  monthlyOf,
  overdueMeasuresOf,
  type HazardGroup,
  type OpenMeasure,
} from '../electron/backend/features/hazards/figures';
import { OPEN_TASK_SQL } from '../electron/backend/db/status-lists';
import { SNAPSHOT_SQL } from '../electron/backend/features/board/snapshot-queries';
import { DAILY_SQL, PERIOD_SQL } from '../electron/backend/features/reports/facts';
import { DISPUTE_DAY_SQL, DISPUTE_PERIOD_SQL } from '../electron/backend/features/reports/dispute-facts';
import { periodOf } from '../shared/domain/reports/period';
import { sectionSql, TODAY_SECTIONS } from '../electron/backend/features/today/overview';
import { BOARD_POINT_LIMIT, BOARD_TICKER_LIMIT, BOARD_TREND_DAYS } from '../shared/contract/board';
import { searchPhrase } from '../electron/backend/db/search-text';
import { toRow as disputeRow, type JoinedRow as DisputeJoinedRow } from '../electron/backend/features/disputes/repo';
import { DISPUTE_FIGURE_SQL, tallyParams } from '../electron/backend/features/disputes/figure-tallies';
import { DEFAULT_CONCLUSION_MAPPING, type RiskLevel } from '../shared/domain/risks/assessment-levels';
import { verifyChain } from '../electron/backend/audit/verify';
import { benchPetitionImport, IMPORT_LIMITS, type ImportTiming } from './bench-import';
import { printTable } from './table';
import { benchListUnderLoad, printHeavy, type HeavyTiming } from './bench-heavy';
import { benchPaint, printPaint } from './bench-paint';
import type { CallContext } from '../electron/backend/api/types';
import { appendAudit } from '../electron/backend/audit/writer';
import { openBackend } from '../electron/backend/app';
import type { Backend } from '../electron/backend/backend';
import { applyPragmas, openRaw, userVersion, type Db } from '../electron/backend/db/connection';
import { cipherOf, installCipher } from '../electron/backend/db/personal-cipher';
import { Sql } from '../electron/backend/db/sql';
import { BatchWriter } from '../electron/backend/demo/batch-writer';
import { generateDemoCounty } from '../electron/backend/demo/generate';
import { Random } from '../electron/backend/demo/random';
import { seededUuidV7 } from '../electron/backend/demo/uuid';
import type { DemoSummary } from '../shared/contract/system';
import { centreNameOf } from '../shared/domain/centre';
import { maskName, maskPhone } from '../shared/domain/masking';
import { addDays } from '../shared/domain/ledger/calendar';
import { daysOverdue, DEFAULT_DUE_SOON_DAYS } from '../shared/domain/ledger/deadlines';
import { HAZARD_LEVELS } from '../shared/domain/risks/hazard-levels';
import { countyDate, countyMidnight } from '../shared/domain/time';

const WARM_UP = 20;
const ITERATIONS = 200;
/** Pages never visited before timed per list (fewer where the list has fewer). */
const COLD_PAGES = 50;
/** Restarts timed per list: its first call on a new connection. */
const COLD_STARTS = 20;
const LEDGER_ROWS = 1_000_000;
const AUDIT_ROWS = 300_000;
const BENCH_ACTOR = { userId: null, username: 'bench', roles: ['sysadmin'] };
/** `--scale small` (300 cases) checks the bench itself in seconds; the figures mean something at large. */
/** `--only import`, `--only heavy` (the export and the lists under heavy work) or `--only paint` runs that section alone. */
/** `--no-build` lets the paint case use the renderer already built in out/renderer. */
const {
  scale,
  only,
  'no-build': noBuild,
} = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
}).values;
if (scale !== 'large' && scale !== 'small') throw new Error(`--scale 只能是 small 或 large：${scale}`);
if (only !== undefined && only !== 'import' && only !== 'heavy' && only !== 'paint')
  throw new Error(`--only 只能是 import、heavy 或 paint：${only}`);
const DEMO = { scale, seed: 20261122 } as const;
const RESULTS_FILE = fileURLToPath(new URL('../bench-results/bench.json', import.meta.url));
const PAINT_RESULTS_FILE = fileURLToPath(new URL('../bench-results/paint.json', import.meta.url));
/** The bench signs in like any client: calls go through the same session and permission checks. */
const call = { transport: 'ipc', client: 'bench', jar: memoryJar() } as const;
const BENCH_ADMIN = {
  username: 'bench',
  displayName: '基准测试管理员',
  password: 'Qh-2026-Speed!',
  auditor: { username: 'bench-audit', displayName: '基准测试审计员', password: 'Qh-2026-Audit!' },
};
/** The administrator cannot read petitions (separation of duties): a duty officer reads them. */
const BENCH_OFFICER = { username: 'bench-duty', displayName: '基准测试值班员', password: 'Qh-2026-Initial!' };
const officerCall = { transport: 'ipc', client: 'bench-duty', jar: memoryJar() } as const;
/** Another duty officer, whose lists are timed while the first one exports (scripts/bench-heavy.ts). */
const BENCH_READER = { username: 'bench-reader', displayName: '基准测试值班员二', password: 'Qh-2026-Initial!' };
const readerCall = { transport: 'ipc', client: 'bench-reader', jar: memoryJar() } as const;

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
  /** A paged list: the same call and floor at page `n`, to time pages never visited before. */
  atPage?: (n: number) => { input: Record<string, unknown>; floor: () => unknown };
}

interface Timing {
  median: number;
  p95: number;
}

/** The app's timings and its floor's, over the same runs. */
interface Paired {
  app: Timing;
  floor: Timing;
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function elapsed(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * The app's call and its floor in turns (A B A B …): a change in the machine's load while the case
 * runs falls on both alike instead of on whichever ran second.
 */
async function timePair(app: () => unknown, floor: () => unknown): Promise<Paired> {
  for (let i = 0; i < WARM_UP; i++) {
    await app();
    await floor();
  }
  const samples = { app: [] as number[], floor: [] as number[] };
  for (let i = 0; i < ITERATIONS; i++) {
    samples.app.push(await elapsed(app));
    samples.floor.push(await elapsed(floor));
  }
  return { app: summarise(samples.app), floor: summarise(samples.floor) };
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
    // The case rows' deadline stages (CASE_CLOCK).
    dueSoonDays: DEFAULT_DUE_SOON_DAYS,
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
  const statements = [...DAILY_SQL, ...DISPUTE_DAY_SQL].map((text) => db.prepare(text));
  const params = {
    date,
    soon: addDays(date, DEFAULT_DUE_SOON_DAYS),
    dayStart: countyMidnight(date),
    dayEnd: countyMidnight(addDays(date, 1)),
  };
  return () => statements.map((statement) => statement.all(params));
}

/**
 * reports.draft's floor for a 周点评 or 月通报: the period facts' statements run raw over the period
 * the method reads, without ranking the townships or building the document.
 */
function periodReportFloor(db: Db, kind: 'weekly' | 'monthly'): () => unknown {
  const statements = [...PERIOD_SQL, ...DISPUTE_PERIOD_SQL].map((text) => db.prepare(text));
  const params = periodOf(kind, countyDate(new Date()));
  // The disputes' section reads the period's figures from their tallies, county-wide.
  const disputeFigures = db.prepare(DISPUTE_FIGURE_SQL.period);
  const figureParams = tallyParams(null, params);
  return () => [...statements.map((statement) => statement.all(params)), disputeFigures.all(figureParams)];
}

/**
 * A page query's statement per LIMIT: the app writes the limit into the SQL as a number and binds
 * the offset as `@offset` (db/paging.ts pageBounds), so the floors do too.
 */
function pageStatements(db: Db, text: (limit: number) => string) {
  const prepared = new Map<number, ReturnType<Db['prepare']>>();
  return (limit: number) => {
    let statement = prepared.get(limit);
    if (!statement) prepared.set(limit, (statement = db.prepare(text(limit))));
    return statement;
  };
}

/**
 * A list's total as the app counts it (db/list-filters.ts listTotal): filtered, the rows its filter
 * (`filter`, voided records left out) keeps; unfiltered, the table's count less its voided rows'.
 */
const listTotalSql = (table: string, where: string, filter: string) =>
  where
    ? `SELECT count(*) FROM ${table} ${filter}`
    : `SELECT (SELECT count(*) FROM ${table}) - (SELECT count(*) FROM ${table} WHERE voided_at IS NOT NULL)`;

/** The hand-written floors: what each method's repo query is, as plain SQL. */
function floors(db: Db) {
  // Disabled reference rows are left out of the lists, whose rows say whether they are in use.
  const enabled = (rows: unknown[]) =>
    (rows as Array<Record<string, unknown>>).map((row): Record<string, unknown> => ({
      ...row,
      enabled: row.enabled === 1,
    }));
  const regionColumns = `r.code, r.name, r.level, r.parent_code AS parentCode,
    (SELECT count(*) FROM regions AS c WHERE c.parent_code = r.code) AS childCount, r.disabled_at IS NULL AS enabled`;
  const regionsPage = (where: string) => {
    const live = `r.disabled_at IS NULL AND ${where}`;
    const total = db.prepare(`SELECT count(*) AS n FROM regions AS r WHERE ${live}`).pluck();
    const items = db.prepare(
      `SELECT ${regionColumns} FROM regions AS r WHERE ${live} ORDER BY r.sort, r.code LIMIT ? OFFSET ?`,
    );
    return (value: string, page = 1, pageSize = 20) => ({
      items: enabled(items.all(value, pageSize, (page - 1) * pageSize)),
      total: total.get(value),
      page,
      pageSize,
    });
  };
  const unitsTotal = db.prepare('SELECT count(*) FROM units WHERE disabled_at IS NULL').pluck();
  const unitsItems = db.prepare(`SELECT id, code, name, kind, region_code AS regionCode, disabled_at IS NULL AS enabled
    FROM units WHERE disabled_at IS NULL ORDER BY sort, code LIMIT ? OFFSET ?`);
  const peopleTotal = db
    .prepare('SELECT count(*) FROM people AS p JOIN units AS u ON u.id = p.unit_id WHERE p.disabled_at IS NULL')
    .pluck();
  // The phone is sealed at rest: opened with the connection's zz_open, as the app does.
  const peopleItems = db.prepare(`SELECT p.id, p.name, p.title, p.role, p.unit_id AS unitId, u.name AS unitName,
      zz_open(p.phone) AS phone, p.disabled_at IS NULL AS enabled
    FROM people AS p JOIN units AS u ON u.id = p.unit_id WHERE p.disabled_at IS NULL ORDER BY p.sort, p.id LIMIT ? OFFSET ?`);
  const dictName = db.prepare('SELECT name FROM dictionaries WHERE code = ?').pluck();
  const dictEntries = db.prepare(
    'SELECT code, label, sort, enabled FROM dict_entries WHERE dict_code = ? ORDER BY sort, code',
  );
  const boundary = db.prepare(
    'SELECT source_unit, approval_no, crs, data_date, geojson FROM boundaries WHERE active = 1',
  );
  const county = db.prepare("SELECT code, name FROM regions WHERE level = 'county' ORDER BY code LIMIT 1");
  const levels = db.prepare('SELECT level, count(*) AS n FROM regions WHERE disabled_at IS NULL GROUP BY level');
  const peopleCount = db.prepare('SELECT count(*) FROM people WHERE disabled_at IS NULL').pluck();
  return {
    regionsByLevel: regionsPage('r.level = ?'),
    regionsByParent: regionsPage('r.parent_code = ?'),
    regionsByKeyword: regionsPage("r.name LIKE ? ESCAPE '\\'"),
    units: (page = 1) => ({
      items: enabled(unitsItems.all(20, (page - 1) * 20)),
      total: unitsTotal.get(),
      page,
      pageSize: 20,
    }),
    people: (page = 1) => ({
      items: enabled(peopleItems.all(20, (page - 1) * 20)).map(({ phone, ...person }) => ({
        ...person,
        phoneMasked: phone ? maskPhone(String(phone)) : '',
      })),
      total: peopleTotal.get(),
      page,
      pageSize: 20,
    }),
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
        // The bench's settings leave the centre's name to its default, from the county's name.
        centreName: centreNameOf((county.get() as { name: string } | undefined)?.name, ''),
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
/** The kernel's deadline stage (db/clock-sql.ts) written out: a due date, the clock's start, while running. */
const clockStageFloor = (due: string, start: string, running: string) => `CASE
    WHEN NOT (${running}) THEN 'done'
    WHEN ${due} IS NULL THEN NULL
    WHEN ${due} < @today THEN 'overdue'
    WHEN julianday(${due}) - julianday(@today) <= ${DEFAULT_DUE_SOON_DAYS} THEN 'due_soon'
    WHEN 2 * (julianday(@today) - julianday(${start})) >= julianday(${due}) - julianday(${start}) THEN 'half_used'
    ELSE 'normal' END`;

function petitionFloors(db: Db, today: string) {
  const open = "p.status IN ('found', 'classified', 'accepted', 'assigned', 'resolving')";
  const reviewing = "p.status IN ('reviewing', 're_reviewing')";
  const owed = `(${open} OR ${reviewing})`;
  const stageOf = (due: string, start: string, running = open) => clockStageFloor(due, start, running);
  // Art. 22 before assignment, Art. 34 after it until the reply, the 复查 / 复核 opinion's date while
  // one is pending (repo.ts statutoryDueSql).
  const awaiting = "p.status IN ('found', 'classified', 'accepted')";
  const statutory = `(CASE WHEN ${awaiting} THEN date(p.received_date, '+15 days')
    WHEN p.status IN ('assigned', 'resolving') AND p.reply_date IS NULL THEN p.conclusion_due_date
    WHEN p.status = 'reviewing' THEN date(p.review_requested_date, '+30 days')
    WHEN p.status = 're_reviewing' THEN date(p.re_review_requested_date,
      '+' || (30 + coalesce(p.re_review_hearing_days, 0)) || ' days') END)`;
  const accepted = 'coalesce(p.accepted_date, p.received_date)';
  const stage = stageOf('p.due_date', accepted);
  const statutoryStart = `(CASE WHEN ${awaiting} THEN p.received_date
    WHEN p.status = 'reviewing' THEN p.review_requested_date
    WHEN p.status = 're_reviewing' THEN p.re_review_requested_date ELSE ${accepted} END)`;
  const statutoryStage = stageOf(statutory, statutoryStart, owed);
  const columns = `p.id, p.case_no, p.item_type, p.category, p.township_code, g.name AS township_name, p.summary,
    p.received_date, p.petition_count, p.highest_level, p.status, p.handling_unit_id, u.name AS unit_name,
    p.leader_id, l.name AS leader_name, p.due_date, ${stage} AS stage,
    ${statutory} AS statutory_due_date, ${statutoryStage} AS statutory_stage,
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
      statutoryDueDate: r.statutory_due_date,
      statutoryStage: r.statutory_stage,
      petitionerNames: names.map(maskName),
      petitionerCount: names.length,
    };
  };
  const keyword = 'p.rowid IN (SELECT rowid FROM petitions_search WHERE petitions_search MATCH @phrase)';
  /** One filtered, ordered selection: its count, and its rows from an offset. */
  const selection = (where: string, order = 'p.received_date DESC, p.id DESC') => {
    // Voided records are left out, as the app's lists do (ledger/live.ts).
    const filter = `WHERE p.voided_at IS NULL${where ? ` AND ${where}` : ''}`;
    const total = db.prepare(listTotalSql('petitions p', where, filter)).pluck();
    // The page is picked on the bare table, then joined (repo.ts pageRows).
    const items = pageStatements(
      db,
      (limit) => `SELECT ${columns} ${joins} WHERE p.rowid IN
        (SELECT p.rowid FROM petitions p ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET @offset) ORDER BY ${order}`,
    );
    // better-sqlite3 refuses named parameters a statement does not use: the count may not use @today.
    const countParams = (params: Record<string, unknown>) => (where.includes('@today') ? { today, ...params } : params);
    return {
      count: (params: Record<string, unknown> = {}) => total.get(countParams(params)) as number,
      rows: (params: Record<string, unknown>, offset: number, limit: number) =>
        (items(limit).all({ today, ...params, offset }) as Raw[]).map(toRow),
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
  // The supervision queue's two runs (queue.ts): due by the end of the due-soon window on the clock
  // that falls due first (under review, the opinion's), then escalated.
  const earliest = `(CASE WHEN ${reviewing} OR p.due_date IS NULL THEN ${statutory}
    WHEN ${statutory} IS NULL THEN p.due_date ELSE min(p.due_date, ${statutory}) END)`;
  const rank =
    "CASE p.highest_level WHEN 'county' THEN 0 WHEN 'city' THEN 1 WHEN 'province' THEN 2 WHEN 'national' THEN 3 END";
  const queueRuns = [
    selection(`${owed} AND ${earliest} <= @soon`, `${earliest}, ${rank} DESC, p.id`),
    selection(
      `${open} AND p.highest_level != 'county' AND coalesce(${earliest} > @soon, 1)`,
      `${rank} DESC, p.due_date IS NULL, p.due_date, p.id`,
    ),
  ];
  const queueParams = { soon: addDays(today, DEFAULT_DUE_SOON_DAYS) };
  const queueItem = (row: ReturnType<typeof toRow>) => {
    const statutoryFirst =
      row.stage === 'done' ||
      (row.statutoryDueDate !== null && (row.dueDate === null || row.statutoryDueDate < row.dueDate));
    const [due, clockStage] = statutoryFirst ? [row.statutoryDueDate, row.statutoryStage] : [row.dueDate, row.stage];
    return {
      ...row,
      daysOverdue: due ? daysOverdue(String(due), today) : 0,
      reason: clockStage === 'overdue' ? 'overdue' : clockStage === 'due_soon' ? 'due_soon' : 'escalated',
    };
  };
  // The figures' own SQL, run raw: the floor measures what dispatch and the JS around it add.
  const figureStatements = Object.fromEntries(
    Object.entries(FIGURE_SQL).map(([name, text]) => [name, db.prepare(text)]),
  ) as Record<keyof typeof FIGURE_SQL, ReturnType<Db['prepare']>>;
  const byKeyword = page(keyword);
  return {
    all: page(''),
    byTownshipStatus: page('p.township_code = @township AND p.status = @status'),
    byDueDate: page('', 'p.due_date IS NULL, p.due_date ASC, p.id ASC'),
    byDueDateDesc: page('', 'p.due_date IS NOT NULL DESC, p.due_date DESC, p.id DESC'),
    keyword: (text: string, pageNo = 1) => byKeyword({ phrase: searchPhrase(text) }, pageNo),
    queue: (pageNo = 1, pageSize = 20) => {
      const [due, escalated] = queueRuns.map((run) => run.count(queueParams)) as [number, number];
      const offset = (pageNo - 1) * pageSize;
      const head = offset < due ? queueRuns[0]!.rows(queueParams, offset, pageSize) : [];
      const wanted = pageSize - head.length;
      const rest = wanted > 0 ? queueRuns[1]!.rows(queueParams, Math.max(0, offset - due), wanted) : [];
      return { items: [...head, ...rest].map(queueItem), total: due + escalated, page: pageNo, pageSize };
    },
    figures: (period: FigurePeriod | null = null) => {
      const params = figureParams(today, null, period);
      const run = (name: keyof typeof FIGURE_SQL) => figureStatements[name].all(params) as never[];
      const months = period ?? recentMonths(today, 12);
      const monthParams = figureParams(today, null, months);
      const runMonth = (name: keyof typeof FIGURE_SQL) => figureStatements[name].all(monthParams) as never[];
      const cells = cellsOf(run(period ? 'periodTallies' : 'tallies'), run('notYetDue'));
      return rollUp(
        cells,
        today,
        period,
        monthsFrom(months, runMonth('monthly'), runMonth('monthlyNotYetDue'), runMonth('monthlyFlow')),
      );
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
    // Voided records are left out, as the app's lists do (ledger/live.ts).
    const filter = `WHERE h.voided_at IS NULL${where ? ` AND ${where}` : ''}`;
    const total = db.prepare(listTotalSql('hazards h', where, filter)).pluck();
    // The page is picked on the bare table, then joined (repo.ts listHazards).
    const items = pageStatements(
      db,
      (limit) => `SELECT ${columns} ${joins} WHERE h.rowid IN
        (SELECT h.rowid FROM hazards h ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET @offset) ORDER BY ${order}`,
    );
    return (params: Record<string, unknown> = {}, pageNo = 1, pageSize = 20) => ({
      items: (items(pageSize).all({ ...params, offset: (pageNo - 1) * pageSize }) as Raw[]).map(toRow),
      total: total.get(params) as number,
      page: pageNo,
      pageSize,
    });
  };
  const keyword = 'h.rowid IN (SELECT rowid FROM hazards_search WHERE hazards_search MATCH @phrase)';
  const figureStatements = Object.fromEntries(
    Object.entries(HAZARD_FIGURE_SQL).map(([name, text]) => [name, db.prepare(text)]),
  ) as Record<keyof typeof HAZARD_FIGURE_SQL, ReturnType<Db['prepare']>>;
  const townships = db.prepare("SELECT code, name FROM regions WHERE level = 'township' ORDER BY sort, code");
  const measures = db.prepare(`SELECT t.id, t.owner_id AS ownerId, t.status, t.due_date AS dueDate
    FROM risk_tasks t JOIN hazards h ON h.id = t.owner_id
    WHERE t.owner_kind = 'hazard' AND h.voided_at IS NULL AND t.kind = 'measure' AND t.status IN ${OPEN_TASK_SQL}`);
  const byKeyword = page(keyword);
  return {
    all: page(''),
    byTownshipStatus: page('h.township_code = @township AND h.status = @status'),
    byLevel: page('', `${rank} DESC, h.found_on DESC, h.id DESC`),
    keyword: (text: string, pageNo = 1) => byKeyword({ phrase: searchPhrase(text) }, pageNo),
    figures: () => {
      const params = { scope: null, from: '0000-01-01', to: '9999-12-31' };
      const months = recentMonths(today, 12);
      const monthParams = { scope: null, ...months };
      const run = (name: keyof typeof HAZARD_FIGURE_SQL, values: object) =>
        figureStatements[name].all(values) as never[];
      return {
        ...hazardFiguresOf(
          run('groups', params) as HazardGroup[],
          townships.all() as Array<{ code: string; name: string }>,
          today,
        ),
        period: null,
        byCategory: byCategoryOf(run('categories', params), today),
        monthly: monthlyOf(months, run('monthly', monthParams), run('flow', monthParams)),
        overdueMeasures: overdueMeasuresOf(measures.all() as OpenMeasure[], today),
      };
    },
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
    // Voided records are left out, as the app's lists do (ledger/live.ts).
    const filter = `WHERE a.voided_at IS NULL${where ? ` AND ${where}` : ''}`;
    const total = db.prepare(listTotalSql('assessments a', where, filter)).pluck();
    const items = pageStatements(
      db,
      (limit) => `SELECT ${columns} FROM assessments a JOIN units u ON u.id = a.proposing_unit_id
      WHERE a.rowid IN (SELECT a.rowid FROM assessments a ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET @offset)
      ORDER BY ${order}`,
    );
    return (params: Record<string, unknown> = {}, pageNo = 1, pageSize = 20) => ({
      items: (
        items(pageSize).all({ ...params, today, soon: DEFAULT_DUE_SOON_DAYS, offset: (pageNo - 1) * pageSize }) as Raw[]
      ).map(toRow),
      total: total.get(params) as number,
      page: pageNo,
      pageSize,
    });
  };
  const byKeyword = page('a.rowid IN (SELECT rowid FROM assessments_search WHERE assessments_search MATCH @phrase)');
  return {
    all: page(''),
    byTownshipStatus: page(
      `a.id IN (SELECT assessment_id FROM assessment_townships WHERE township_code = @township) AND a.status = @status`,
    ),
    keyword: (text: string, pageNo = 1) => byKeyword({ phrase: searchPhrase(text) }, pageNo),
  };
}

/**
 * The disputes' list and figures as plain SQL (disputes/repo.ts, figures.ts): the page on the bare
 * table, then joined; the rows shaped by the feature's own `toRow`.
 */
function disputeFloors(db: Db, today: string) {
  const stage = clockStageFloor(
    'd.due_date',
    'coalesce(d.routed_on, d.received_on)',
    "d.status IN ('received', 'routed', 'mediating')",
  );
  const columns = `d.*, g.name AS township_name, v.name AS village_name, u.name AS unit_name,
    c.label AS category_label, ${stage} AS stage`;
  const joins = `FROM disputes d JOIN regions g ON g.code = d.township_code
    LEFT JOIN regions v ON v.code = d.village_code LEFT JOIN units u ON u.id = d.unit_id
    LEFT JOIN dict_entries c ON c.code = d.category AND c.dict_code = 'dispute_category'`;
  const order = 'd.received_on DESC, d.id DESC';
  const page = (where: string) => {
    const filter = `WHERE d.voided_at IS NULL${where ? ` AND ${where}` : ''}`;
    const total = db.prepare(listTotalSql('disputes d', where, filter)).pluck();
    const items = pageStatements(
      db,
      (limit) => `SELECT ${columns} ${joins} WHERE d.rowid IN
        (SELECT d.rowid FROM disputes d ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET @offset) ORDER BY ${order}`,
    );
    return (params: Record<string, unknown> = {}, pageNo = 1, pageSize = 20) => ({
      items: (items(pageSize).all({ today, ...params, offset: (pageNo - 1) * pageSize }) as DisputeJoinedRow[]).map(
        disputeRow,
      ),
      total: total.get(params) as number,
      page: pageNo,
      pageSize,
    });
  };
  const byKeyword = page('d.rowid IN (SELECT rowid FROM disputes_search WHERE disputes_search MATCH @phrase)');
  const overdue = page("d.status IN ('routed', 'mediating') AND d.due_date < @today");
  // The figures' own statements over migration 0028's tallies, run raw.
  const allFigures = db.prepare(DISPUTE_FIGURE_SQL.all);
  const periodFigures = db.prepare(DISPUTE_FIGURE_SQL.period);
  return {
    all: page(''),
    byTownshipStatus: page('d.township_code = @township AND d.status = @status'),
    byCategoryPeriod: page('d.category = @category AND d.received_on >= @from AND d.received_on <= @to'),
    overdue: (pageNo = 1) => overdue({ today }, pageNo),
    keyword: (text: string, pageNo = 1) => byKeyword({ phrase: searchPhrase(text) }, pageNo),
    figures: (period?: FigurePeriod) =>
      period ? periodFigures.all(tallyParams(null, period)) : allFigures.all({ scope: null }),
  };
}

/**
 * search.all's floor: each ledger's count and first five rows as hand-written SQL, county-wide
 * (the officer's), a number prefix through the number's unique index and any other keyword through
 * the keyword index, as ledger/search-all.ts does; the masking and excerpts are not rebuilt.
 */
function searchFloor(db: Db) {
  const ledgers = [
    {
      table: 'petitions',
      index: 'petitions_search',
      number: 'case_no',
      prefix: 'XF',
      texts: 'r.summary',
      people: `(SELECT group_concat(name, char(31) ORDER BY is_primary DESC, sort) FROM petitioners WHERE petition_id = r.id)`,
    },
    {
      table: 'hazards',
      index: 'hazards_search',
      number: 'hazard_no',
      prefix: 'FX',
      texts: 'r.title, r.description',
      people: `(SELECT group_concat(name, char(31) ORDER BY sort) FROM hazard_people WHERE hazard_id = r.id)`,
    },
    {
      table: 'assessments',
      index: 'assessments_search',
      number: 'assessment_no',
      prefix: 'WP',
      texts: 'r.matter, r.description',
      people: 'NULL',
    },
    {
      table: 'disputes',
      index: 'disputes_search',
      number: 'dispute_no',
      prefix: 'JF',
      texts: 'r.summary',
      people: `(SELECT group_concat(name, char(31) ORDER BY sort) FROM dispute_parties WHERE dispute_id = r.id)`,
    },
  ].map((ledger) => {
    const statements = (match: string, order: string) => ({
      count: db.prepare(`SELECT count(*) AS n FROM ${ledger.table} r WHERE ${match} AND r.voided_at IS NULL`),
      rows: db.prepare(`SELECT r.id, r.${ledger.number}, ${ledger.texts}, ${ledger.people} AS people
        FROM ${ledger.table} r WHERE ${match} AND r.voided_at IS NULL ORDER BY ${order} LIMIT 5`),
    });
    return {
      prefix: ledger.prefix,
      byNumber: statements(`r.${ledger.number} >= @low AND r.${ledger.number} < @high`, `r.${ledger.number} DESC`),
      byText: statements(
        `r.rowid IN (SELECT rowid FROM ${ledger.index} WHERE ${ledger.index} MATCH @phrase)`,
        'r.rowid DESC',
      ),
    };
  });
  return (keyword: string) =>
    ledgers.map((ledger) => {
      const numbered = keyword.toUpperCase().startsWith(ledger.prefix);
      const { count, rows } = numbered ? ledger.byNumber : ledger.byText;
      const values = numbered
        ? { low: keyword.toUpperCase(), high: `${keyword.toUpperCase()}\uffff` }
        : { phrase: searchPhrase(keyword) };
      const total = (count.get(values) as { n: number }).n;
      return { total, rows: total === 0 ? [] : rows.all(values) };
    });
}

async function dataOf(backend: Backend, method: string, input: unknown, as: CallContext = call): Promise<unknown> {
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
  const quarter = presetPeriod('quarter', countyDate(new Date()))!;
  const search = searchFloor(db);
  // A case number's start (the newest case's less its last two digits): a few dozen cases.
  const newest = db.prepare('SELECT case_no AS n FROM petitions ORDER BY rowid DESC LIMIT 1').get() as { n: string };
  const caseNoPrefix = newest.n.slice(0, -2);
  const disputes = disputeFloors(db, countyDate(new Date()));
  const newestDispute = db
    .prepare('SELECT dispute_no FROM disputes ORDER BY rowid DESC LIMIT 1')
    .pluck()
    .get() as string;
  const disputeNoPrefix = newestDispute.slice(0, -2);
  const deepDisputePage = scale === 'large' ? 2_000 : 100;
  /** A paged list's case at `page`, and the same list at any other page (its cold pages). */
  const paged = (input: Record<string, unknown>, floorAt: (page: number) => unknown, page = 1) => ({
    input: page === 1 ? input : { ...input, page },
    floor: () => floorAt(page),
    atPage: (n: number) => ({ input: { ...input, page: n }, floor: () => floorAt(n) }),
  });
  return [
    {
      method: 'regions.list',
      label: '乡镇层级',
      ...paged({ level: 'township' }, (n) => floor.regionsByLevel('township', n)),
    },
    {
      method: 'regions.list',
      label: '一个镇的村',
      ...paged({ parentCode: townshipCode }, (n) => floor.regionsByParent(townshipCode, n)),
    },
    {
      method: 'regions.list',
      label: '名称搜索：社区',
      ...paged({ keyword: '社区' }, (n) => floor.regionsByKeyword('%社区%', n)),
    },
    {
      method: 'regions.list',
      label: '网格第 50 页',
      ...paged({ level: 'grid' }, (n) => floor.regionsByLevel('grid', n), 50),
    },
    { method: 'units.list', label: '第 1 页', ...paged({}, floor.units) },
    { method: 'people.list', label: '第 1 页', ...paged({}, floor.people) },
    {
      method: 'dicts.get',
      label: '信访问题分类',
      input: { code: 'petition_category' },
      floor: () => floor.dict('petition_category'),
    },
    { method: 'board.boundary', label: '乡镇边界', input: {}, floor: floor.boundary },
    { method: 'system.info', label: '概况', input: {}, floor: floor.info },
    { method: 'petitions.list', label: '无筛选第 1 页', ...paged({}, (n) => petitions.all({}, n)), ...officer },
    {
      method: 'petitions.list',
      label: '一个镇 + 化解中',
      ...paged({ townshipCode, status: 'resolving' }, (n) =>
        petitions.byTownshipStatus({ township: townshipCode, status: 'resolving' }, n),
      ),
      ...officer,
    },
    { method: 'petitions.list', label: '第 500 页', ...paged({}, (n) => petitions.all({}, n), 500), ...officer },
    {
      method: 'petitions.list',
      label: '按期限排序',
      ...paged({ sort: 'dueDate', direction: 'asc' }, (n) => petitions.byDueDate({}, n)),
      ...officer,
    },
    {
      method: 'petitions.list',
      label: '按期限倒序',
      ...paged({ sort: 'dueDate', direction: 'desc' }, (n) => petitions.byDueDateDesc({}, n)),
      ...officer,
    },
    {
      method: 'petitions.list',
      label: '关键词“征地补偿”（FTS）',
      ...paged({ keyword: '征地补偿' }, (n) => petitions.keyword('征地补偿', n)),
      ...officer,
    },
    {
      method: 'petitions.list',
      label: '两字关键词“拆迁”',
      ...paged({ keyword: '拆迁' }, (n) => petitions.keyword('拆迁', n)),
      ...officer,
    },
    {
      method: 'petitions.list',
      label: '一字关键词“王”',
      ...paged({ keyword: '王' }, (n) => petitions.keyword('王', n)),
      ...officer,
    },
    {
      method: 'petitions.supervisionQueue',
      label: '督办队列第 1 页',
      ...paged({}, (n) => petitions.queue(n)),
      ...officer,
    },
    {
      method: 'petitions.supervisionQueue',
      label: '督办队列第 100 页',
      ...paged({}, (n) => petitions.queue(n), 100),
      ...officer,
    },
    {
      method: 'petitions.figures',
      label: '指标',
      input: {},
      floor: () => petitions.figures(),
      ...officer,
    },
    {
      method: 'petitions.figures',
      label: '指标（本季）',
      input: { period: quarter },
      floor: () => petitions.figures(quarter),
      ...officer,
    },
    { method: 'hazards.list', label: '无筛选第 1 页', ...paged({}, (n) => hazards.all({}, n)), ...officer },
    {
      method: 'hazards.list',
      label: '一个镇 + 化解中',
      ...paged({ townshipCode, status: 'resolving' }, (n) =>
        hazards.byTownshipStatus({ township: townshipCode, status: 'resolving' }, n),
      ),
      ...officer,
    },
    {
      method: 'hazards.list',
      label: '两字关键词“欠薪”',
      ...paged({ keyword: '欠薪' }, (n) => hazards.keyword('欠薪', n)),
      ...officer,
    },
    {
      method: 'hazards.list',
      label: '关键词“拖欠农民”（FTS）',
      ...paged({ keyword: '拖欠农民' }, (n) => hazards.keyword('拖欠农民', n)),
      ...officer,
    },
    {
      method: 'hazards.list',
      label: '按等级排序',
      ...paged({ sort: 'level' }, (n) => hazards.byLevel({}, n)),
      ...officer,
    },
    { method: 'hazards.figures', label: '指标', input: {}, floor: hazards.figures, ...officer },
    { method: 'assessments.list', label: '无筛选第 1 页', ...paged({}, (n) => assessments.all({}, n)), ...officer },
    {
      method: 'assessments.list',
      label: '一个镇 + 跟踪中',
      ...paged({ townshipCode, status: 'tracking' }, (n) =>
        assessments.byTownshipStatus({ township: townshipCode, status: 'tracking' }, n),
      ),
      ...officer,
    },
    {
      method: 'assessments.list',
      label: '两字关键词“改造”',
      ...paged({ keyword: '改造' }, (n) => assessments.keyword('改造', n)),
      ...officer,
    },
    {
      method: 'disputes.list',
      label: '无筛选第 1 页',
      ...paged({}, (n) => disputes.all({}, n)),
      ...officer,
    },
    {
      method: 'disputes.list',
      label: `第 ${deepDisputePage} 页`,
      ...paged({}, (n) => disputes.all({}, n), deepDisputePage),
      ...officer,
    },
    {
      method: 'disputes.list',
      label: '一个镇 + 调处中',
      ...paged({ townshipCode, status: 'mediating' }, (n) =>
        disputes.byTownshipStatus({ township: townshipCode, status: 'mediating' }, n),
      ),
      ...officer,
    },
    {
      method: 'disputes.list',
      label: '邻里 + 本季受理',
      ...paged({ category: 'neighbour', receivedFrom: quarter.from, receivedTo: quarter.to }, (n) =>
        disputes.byCategoryPeriod({ category: 'neighbour', from: quarter.from, to: quarter.to }, n),
      ),
      ...officer,
    },
    { method: 'disputes.list', label: '只看超期', ...paged({ overdue: true }, (n) => disputes.overdue(n)), ...officer },
    {
      method: 'disputes.list',
      label: '关键词“宅基地”（FTS）',
      ...paged({ keyword: '宅基地' }, (n) => disputes.keyword('宅基地', n)),
      ...officer,
    },
    {
      method: 'disputes.figures',
      label: '指标',
      input: {},
      floor: () => disputes.figures(),
      queriesOnly: true,
      ...officer,
    },
    {
      method: 'disputes.figures',
      label: '指标（本季受理）',
      input: { period: quarter },
      floor: () => disputes.figures(quarter),
      queriesOnly: true,
      ...officer,
    },
    ...['王', '征地补偿', '宅基地', caseNoPrefix, disputeNoPrefix].map((keyword): Case => ({
      method: 'search.all',
      label: `全局搜索“${keyword}”`,
      input: { keyword },
      floor: () => search(keyword),
      queriesOnly: true,
      ...officer,
    })),
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
      method: 'reports.draft',
      label: '周点评数据（本周）',
      input: { kind: 'weekly' },
      floor: periodReportFloor(db, 'weekly'),
      queriesOnly: true,
      ...officer,
    },
    {
      method: 'reports.draft',
      label: '月通报数据（上月）',
      input: { kind: 'monthly' },
      floor: periodReportFloor(db, 'monthly'),
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

interface MethodRow {
  method: string;
  label: string;
  input: Record<string, unknown>;
  measured: Timing;
  floor: Timing;
  ratio: number;
  queriesOnly: boolean;
  /** A paged list's pages never visited before, then the same pages again; null where it has none. */
  unseen: (Paired & { pages: number }) | null;
  revisited: Paired | null;
  /** A paged list's first call after a restart. */
  firstCall: Timing | null;
}

interface PageOf {
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Pages of `c`'s list that no call in this process has asked for yet, those after its own page
 * first (as a user pages on), then those before it; from now on they count as visited.
 */
function unseenPages(c: Case, answer: PageOf, visited: Map<string, Set<number>>): number[] {
  const list = `${c.method} ${JSON.stringify({ ...c.input, page: undefined })}`;
  const seen = visited.get(list) ?? new Set<number>();
  visited.set(list, seen.add(answer.page));
  const last = Math.ceil(answer.total / answer.pageSize);
  const after = Array.from({ length: Math.max(0, last - answer.page) }, (_, i) => answer.page + 1 + i);
  const below = Math.min(answer.page - 1, last);
  const before = Array.from({ length: below }, (_, i) => below - i);
  const pages = [...after, ...before].filter((n) => !seen.has(n)).slice(0, COLD_PAGES);
  for (const n of pages) seen.add(n);
  return pages;
}

/** Each page once, the app's call and its floor in turns. */
async function timePages(backend: Backend, c: Case, pages: number[]): Promise<Paired> {
  const samples = { app: [] as number[], floor: [] as number[] };
  for (const n of pages) {
    const at = c.atPage!(n);
    samples.app.push(await elapsed(() => dataOf(backend, c.method, at.input, c.as)));
    samples.floor.push(await elapsed(at.floor));
  }
  return { app: summarise(samples.app), floor: summarise(samples.floor) };
}

/** A new connection for the backend, as after a restart: empty statement caches and page cache. */
function reconnect(backend: Backend): void {
  const cipher = cipherOf(backend.services.sql.db);
  backend.services.sql.db.close();
  const db = openRaw(backend.dbFile);
  applyPragmas(db);
  installCipher(db, cipher);
  // Start-up has read the schema before any list is opened.
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  backend.services.sql = new Sql(db);
}

/** Each list's first call after a restart, round after round over all of them. */
async function timeFirstCalls(backend: Backend, cases: Case[]): Promise<Timing[]> {
  const samples = cases.map(() => [] as number[]);
  for (let round = 0; round < COLD_STARTS; round++) {
    for (const [index, c] of cases.entries()) {
      reconnect(backend);
      samples[index]!.push(await elapsed(() => dataOf(backend, c.method, c.input, c.as)));
    }
  }
  return samples.map(summarise);
}

async function benchMethods(backend: Backend) {
  const db = openRaw(backend.dbFile);
  // The floors run with the app's own pragmas (page cache included), or the ratios would flatter.
  applyPragmas(db);
  installCipher(db, cipherOf(backend.services.sql.db));
  try {
    const townships = (await dataOf(backend, 'regions.list', { level: 'township', pageSize: 100 })) as {
      items: Array<{ code: string; name: string }>;
    };
    const town = townships.items.find((t) => t.name.endsWith('镇'))!;
    const cases = casesFor(db, town.code);
    const visited = new Map<string, Set<number>>();
    const rows: MethodRow[] = [];
    for (const c of cases) {
      // The floor must answer exactly what the method answers, or the comparison means nothing.
      const answer = await dataOf(backend, c.method, c.input, c.as);
      if (!c.queriesOnly) deepStrictEqual(c.floor(), answer, `${c.method} ${c.label}: 下限查询结果不一致`);
      const warm = await timePair(() => backend.dispatch(c.method, c.input, c.as ?? call), c.floor);
      const pages = c.atPage ? unseenPages(c, answer as PageOf, visited) : [];
      // The same pages twice: first never seen, then revisited, so only the caches differ.
      const unseen = pages.length ? await timePages(backend, c, pages) : null;
      const revisited = pages.length ? await timePages(backend, c, pages) : null;
      for (const n of pages) {
        const at = c.atPage!(n);
        deepStrictEqual(at.floor(), await dataOf(backend, c.method, at.input, c.as), `${c.method} 第 ${n} 页不一致`);
      }
      rows.push({
        method: c.method,
        label: c.label,
        input: c.input,
        measured: warm.app,
        floor: warm.floor,
        ratio: warm.app.median / warm.floor.median,
        queriesOnly: c.queriesOnly ?? false,
        unseen: unseen && { pages: pages.length, ...unseen },
        revisited,
        firstCall: null,
      });
    }
    // Last, as each restart empties the caches the cases above time warm.
    const lists = cases.filter((c) => c.atPage);
    const firstCalls = await timeFirstCalls(backend, lists);
    lists.forEach((c, i) => (rows[cases.indexOf(c)]!.firstCall = firstCalls[i]!));
    return rows;
  } finally {
    db.close();
  }
}

/** Creates a duty officer through the administrator, signs in and sets its own password. */
async function signInOfficer(backend: Backend, account = BENCH_OFFICER, as: CallContext = officerCall): Promise<void> {
  const { username, displayName, password } = account;
  await dataOf(backend, 'users.create', { username, displayName, roles: ['duty_officer'], regionCode: null, password });
  await dataOf(backend, 'auth.login', { username, password }, as);
  await dataOf(backend, 'auth.changePassword', { currentPassword: password, newPassword: 'Qh-2026-Officer!' }, as);
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

interface Load {
  at: string;
  /** os.loadavg(): runnable processes averaged over 1, 5 and 15 minutes. */
  loadavg: number[];
}

const loadNow = (): Load => ({ at: new Date().toISOString(), loadavg: loadavg() });

/** The load beside the figures: on a busy machine they are slower, and the ratios noisier. */
const loadLine = (when: string, load: Load) =>
  `${when}时机器负载（1/5/15 分钟平均）：${load.loadavg.map((n) => n.toFixed(2)).join(' / ')}，${cpus().length} 核`;

const msOf = (pair: Paired) => ({
  medianMs: pair.app.median,
  p95Ms: pair.app.p95,
  floorMedianMs: pair.floor.median,
  floorP95Ms: pair.floor.p95,
});

/** The import section's table: each workbook's rows, preview and commit times against the limit. */
function printImports(imports: ImportTiming[]): void {
  const seconds = (ms: number | null) => (ms === null ? '—' : (ms / 1000).toFixed(2));
  printTable(
    ['信访积案导入', '行数', '新增', '预览 s', '提交 s', '合计 s', '上限 s', '结论'],
    imports.map((t) => {
      const total = t.previewMs + (t.commitMs ?? 0);
      return [
        t.commitMs === null ? '仅预览' : '预览并提交',
        t.rows.toLocaleString('zh-CN'),
        t.creates.toLocaleString('zh-CN'),
        seconds(t.previewMs),
        seconds(t.commitMs),
        seconds(total),
        String(t.limitSeconds),
        total <= t.limitSeconds * 1000 ? '达标' : '超时',
      ];
    }),
  );
  console.log(
    '工作簿按中心自有台账的样式生成（标题行、合并单元格、同义列名、多种日期写法、少量新承办单位），由值班员经 dispatch 导入。',
  );
}

/** The contract methods, the batched writer and the audit chain, as printed before the import section. */
function printMethods(methods: MethodRow[], load: { start: Load; end: Load }): void {
  const ms = (n: number) => n.toFixed(3);
  console.log(loadLine('计时开始', load.start));
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
  console.log('* 下限只执行相同的查询，不组装方法的返回结果（组合接口），结果不作比对。\n');
  const cold = methods.filter((m) => m.firstCall);
  const orDash = (t: Timing | null | undefined, pick: (t: Timing) => string) => (t ? pick(t) : '—');
  printTable(
    [
      '列表',
      '新页数',
      '新页中位数 ms',
      '新页 p95 ms',
      '再访中位数 ms',
      '再访 p95 ms',
      '新页/再访',
      '新页下限中位数 ms',
      '首次中位数 ms',
      '首次 p95 ms',
    ],
    cold.map((m) => [
      `${m.method}（${m.label}）`,
      String(m.unseen?.pages ?? 0),
      orDash(m.unseen?.app, (t) => ms(t.median)),
      orDash(m.unseen?.app, (t) => ms(t.p95)),
      orDash(m.revisited?.app, (t) => ms(t.median)),
      orDash(m.revisited?.app, (t) => ms(t.p95)),
      m.unseen && m.revisited ? `${(m.unseen.app.median / m.revisited.app.median).toFixed(2)}×` : '—',
      orDash(m.unseen?.floor, (t) => ms(t.median)),
      orDash(m.firstCall, (t) => ms(t.median)),
      orDash(m.firstCall, (t) => ms(t.p95)),
    ]),
  );
  console.log(
    `新页：本进程从未请求过的页（每列表至多 ${COLD_PAGES} 页，各一次，与下限交替）；再访：同一批页再请求一次；` +
      `首次：重启后（新连接，缓存皆空）该列表的第一次调用，${COLD_STARTS} 次。`,
  );
  console.log(loadLine('计时结束', load.end));
}

/** What the full run measures besides the import (left out under `--only import`). */
interface Measured {
  heavy: HeavyTiming;
  methods: MethodRow[];
  load: { start: Load; end: Load };
  chain: ReturnType<typeof benchAuditChain>;
}

/** The export alone, then another officer's list while heavy work runs (scripts/bench-heavy.ts). */
async function heavyWork(backend: Backend): Promise<HeavyTiming> {
  await signInOfficer(backend, BENCH_READER, readerCall);
  return benchListUnderLoad(
    backend,
    { admin: call, exporter: officerCall, reader: readerCall },
    scale === 'large' ? IMPORT_LIMITS.large.rows : 1_000,
  );
}

/**
 * The start-up integrity check runs at once, on the still empty file. Left at its 30 s, its timer
 * would fire right after the demo's load (which holds the thread for over a minute), and the check
 * would read the whole 1.9 GB in a worker while the first cases are timed: measured, it kept a core
 * busy for 8 s and more than doubled an export's time.
 */
const BENCH_BACKEND = { dailyBackups: false, integrityCheckDelayMs: 0 };

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zz-bench-'));
  try {
    const backend = await openBackend(join(dir, 'data'), BENCH_BACKEND);
    let loadMs: number;
    let summary: DemoSummary;
    let measured: Measured | null = null;
    let imports: ImportTiming[];
    try {
      await dataOf(backend, 'auth.setup', BENCH_ADMIN);
      const loading = performance.now();
      summary = (await dataOf(backend, 'system.loadDemo', DEMO)) as DemoSummary;
      loadMs = performance.now() - loading;
      await signInOfficer(backend);
      console.log(
        `演示县（${scale === 'large' ? '大规模' : '小规模'}）已载入：${summary.townships} 个乡镇/街道、${summary.villages} 个村/社区、${summary.grids} 个网格，` +
          `用时 ${loadMs.toFixed(0)} ms\n每项预热 ${WARM_UP} 次、计时 ${ITERATIONS} 次；“下限”为同一查询的手写 SQL（预编译语句）\n`,
      );
      if (only === 'heavy') {
        printHeavy(await heavyWork(backend));
        console.log(loadLine('计时结束', loadNow()));
        return;
      }
      if (only !== 'import') {
        const start = loadNow();
        const methods = await benchMethods(backend);
        const heavy = await heavyWork(backend);
        measured = { heavy, methods, load: { start, end: loadNow() }, chain: benchAuditChain(backend) };
      }
      // Last: the imported cases would change what the methods above read.
      imports = await benchPetitionImport(backend, officerCall);
    } finally {
      backend.close();
    }
    const batch = measured ? benchBatchWriter(dir) : null;
    if (measured) {
      printMethods(measured.methods, measured.load);
      printHeavy(measured.heavy);
      const { chain } = measured;
      console.log(
        `\nBatchWriter：${batch!.rows.toLocaleString('zh-CN')} 行写入 STRICT 表（${batch!.batches} 个事务），` +
          `用时 ${batch!.seconds.toFixed(2)} s，${Math.round(batch!.rowsPerSecond).toLocaleString('zh-CN')} 行/秒`,
      );
      console.log(
        `审计哈希链：追加 ${chain.rows.toLocaleString('zh-CN')} 条用时 ${chain.appendSeconds.toFixed(2)} s；` +
          `启动时全链校验用时 ${chain.verifySeconds.toFixed(2)} s（${Math.round(chain.rows / chain.verifySeconds).toLocaleString('zh-CN')} 条/秒）\n`,
      );
    }
    printImports(imports);
    if (!measured) return;

    mkdirSync(join(RESULTS_FILE, '..'), { recursive: true });
    const { methods, load, chain, heavy } = measured;
    const report = {
      generatedAt: new Date().toISOString(),
      machine: { node: process.version, platform: process.platform, arch: process.arch, cpus: cpus().length, load },
      demo: { ...DEMO, loadMs, summary },
      warmUp: WARM_UP,
      iterations: ITERATIONS,
      coldPages: COLD_PAGES,
      coldStarts: COLD_STARTS,
      methods: methods.map((m) => ({
        method: m.method,
        case: m.label,
        input: m.input,
        medianMs: m.measured.median,
        p95Ms: m.measured.p95,
        floorMedianMs: m.floor.median,
        floorP95Ms: m.floor.p95,
        ratio: m.ratio,
        unseenPages: m.unseen && { pages: m.unseen.pages, ...msOf(m.unseen) },
        revisitedPages: m.revisited && msOf(m.revisited),
        firstCall: m.firstCall && { medianMs: m.firstCall.median, p95Ms: m.firstCall.p95 },
      })),
      listUnderHeavyWork: heavy,
      batchWriter: batch,
      auditChain: chain,
      petitionImport: imports,
    };
    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\n结果已写入 ${RESULTS_FILE}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The wall's first paint, run last (its own demo county, its own build). */
async function paint(): Promise<void> {
  const result = await benchPaint({ scale: scale as 'small' | 'large', build: !noBuild });
  printPaint(result);
  mkdirSync(join(PAINT_RESULTS_FILE, '..'), { recursive: true });
  writeFileSync(
    PAINT_RESULTS_FILE,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
  console.log(`\n结果已写入 ${PAINT_RESULTS_FILE}`);
}

if (only !== 'paint') await main();
if (only === undefined || only === 'paint') await paint();
