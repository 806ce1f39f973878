/**
 * What a duty officer's workstation does during the load, step after step with think time between:
 * the ledgers' lists with filters and pages (opening a row's drawer from them; disputes, the largest
 * daily volume, as often as hazards), keyword searches, registrations, the procedure's first steps
 * and corrections on recently registered cases (which several workstations race for, so a CONFLICT
 * is an expected answer), 今日 and the figures. The board is the wall screen's: one client reading
 * its snapshot every 30 s.
 */
import type { Page } from '../../shared/contract/define';
import type { PetitionDetail } from '../../shared/contract/petitions';
import { DISPUTE_CATEGORY_SEED } from '../../shared/domain/disputes/intake';
import { DISPUTE_STATUSES } from '../../shared/domain/disputes/statuses';
import { ASSESSMENT_STATUSES } from '../../shared/domain/risks/assessment-statuses';
import { HAZARD_LEVELS } from '../../shared/domain/risks/hazard-levels';
import { HAZARD_STATUSES } from '../../shared/domain/risks/hazard-statuses';
import { PETITION_STATUSES } from '../../shared/domain/petitions/statuses';
import { countyDate } from '../../shared/domain/time';
import type { Client } from './transport';
import type { Recorder } from './recorder';

export const BOARD_EVERY_MS = 30_000;
/** Words the demo's summaries hold (and single characters, as officers type a surname). */
const KEYWORDS = ['欠薪', '土地', '纠纷', '退费', '医疗', '宅基地', '王', '张', '物流', '村委会'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
/** How many of the latest registrations the workstations pick from for steps and corrections. */
const FRESH_KEPT = 8;

/** What the workstations share: the county's townships and the cases registered during the run. */
export interface Shared {
  townships: string[];
  fresh: string[];
}

interface Station {
  client: Client;
  recorder: Recorder;
  shared: Shared;
  pause: () => Promise<void>;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const maybe = <T>(share: number, value: T): T | undefined => (Math.random() < share ? value : undefined);
const page = () => 1 + Math.floor(Math.random() * 5);

/** The call, timed and counted under `name`; its data, or null when it was refused or failed. */
async function timed<T>(station: Station, name: string, method: string, input: unknown): Promise<T | null> {
  const start = performance.now();
  try {
    const reply = await station.client.call(method, input);
    const ms = performance.now() - start;
    if (reply.body?.ok) {
      station.recorder.ok(name, ms);
      return reply.body.data as T;
    }
    const error = reply.body?.error;
    if (error?.code === 'CONFLICT') station.recorder.conflict(name, ms);
    else station.recorder.error(name, ms, error ? `${error.code} ${error.message}` : `HTTP ${reply.status}`);
  } catch (error) {
    station.recorder.error(name, performance.now() - start, (error as Error).message);
  }
  return null;
}

/** A list, then (most times) the drawer of one of its rows after a look at the page. */
async function browse(station: Station, ledger: string, input: Record<string, unknown>, name = `${ledger}.list`) {
  const rows = await timed<Page<{ id: string }>>(station, name, `${ledger}.list`, input);
  if (!rows?.items.length || Math.random() < 0.3) return;
  await station.pause();
  await timed(station, `${ledger}.get`, `${ledger}.get`, { id: pick(rows.items).id });
}

const browsePetitions = (s: Station) =>
  browse(s, 'petitions', {
    status: maybe(0.5, pick(PETITION_STATUSES)),
    townshipCode: maybe(0.4, pick(s.shared.townships)),
    sort: pick(['receivedDate', 'dueDate', 'caseNo'] as const),
    page: page(),
  });
const searchPetitions = (s: Station) =>
  browse(s, 'petitions', { keyword: pick(KEYWORDS), page: 1 }, 'petitions.list（关键词）');
const browseHazards = (s: Station) =>
  browse(s, 'hazards', {
    level: maybe(0.4, pick(HAZARD_LEVELS)),
    status: maybe(0.4, pick(HAZARD_STATUSES)),
    townshipCode: maybe(0.3, pick(s.shared.townships)),
    page: page(),
  });
const searchHazards = (s: Station) =>
  browse(s, 'hazards', { keyword: pick(KEYWORDS), page: 1 }, 'hazards.list（关键词）');
const browseDisputes = (s: Station) =>
  browse(s, 'disputes', {
    status: maybe(0.4, pick(DISPUTE_STATUSES)),
    category: maybe(0.3, pick(DISPUTE_CATEGORY_SEED)[0]),
    townshipCode: maybe(0.3, pick(s.shared.townships)),
    overdue: maybe(0.1, true),
    page: page(),
  });
const browseAssessments = (s: Station) =>
  browse(s, 'assessments', { status: maybe(0.5, pick(ASSESSMENT_STATUSES)), page: page() });

async function register(s: Station): Promise<void> {
  const today = countyDate(new Date());
  const surname = pick(SURNAMES);
  const created = await timed<{ petition: { id: string } }>(s, 'petitions.create', 'petitions.create', {
    townshipCode: pick(s.shared.townships),
    summary: `${surname}某反映工地拖欠工资问题（压力测试登记）`,
    firstPetitionDate: today,
    receivedDate: today,
    petitioners: [{ name: `${surname}${pick(['建国', '秀英', '志强', '桂兰'])}` }],
  });
  if (!created) return;
  s.shared.fresh.push(created.petition.id);
  if (s.shared.fresh.length > FRESH_KEPT) s.shared.fresh.shift();
}

/** Opens a recently registered case: the drawer whose version the step or correction then carries. */
async function openFresh(s: Station): Promise<PetitionDetail | null> {
  if (!s.shared.fresh.length) return null;
  const detail = await timed<PetitionDetail>(s, 'petitions.get', 'petitions.get', { id: pick(s.shared.fresh) });
  if (detail) await s.pause();
  return detail;
}

/** The case's next early step (梳理分类, then 受理); a case past them is corrected instead. */
async function step(s: Station): Promise<void> {
  const detail = await openFresh(s);
  if (!detail) return register(s);
  const next =
    detail.status === 'found'
      ? { action: 'classify', itemType: 'appeal', category: 'labour_social_security' }
      : detail.status === 'classified'
        ? { action: 'accept' }
        : null;
  if (!next) return correctCase(s, detail);
  await timed(s, 'petitions.transition', 'petitions.transition', { id: detail.id, version: detail.version, ...next });
}

async function correctCase(s: Station, detail: PetitionDetail): Promise<void> {
  await timed(s, 'petitions.update', 'petitions.update', {
    id: detail.id,
    version: detail.version,
    townshipCode: detail.townshipCode,
    summary: detail.summary,
    firstPetitionDate: detail.firstPetitionDate,
    receivedDate: detail.receivedDate,
    highestLevel: detail.highestLevel,
    itemType: detail.itemType,
    category: detail.category,
    responsibleId: detail.responsibleId,
    resolutionPlan: detail.resolutionPlan,
    stabilityMeasures: `已安排专人稳控（第 ${detail.version} 次更正）`,
  });
}

async function correct(s: Station): Promise<void> {
  const detail = await openFresh(s);
  if (detail) await correctCase(s, detail);
}

const ACTIONS: Array<[weight: number, run: (s: Station) => Promise<unknown>]> = [
  [20, browsePetitions],
  [10, searchPetitions],
  [10, browseHazards],
  [5, searchHazards],
  [10, browseDisputes],
  [5, browseAssessments],
  [3, (s) => timed(s, 'meetings.list', 'meetings.list', { page: 1 })],
  [6, register],
  [6, step],
  [5, correct],
  [5, (s) => timed(s, 'today.overview', 'today.overview', {})],
  [3, (s) => timed(s, 'petitions.figures', 'petitions.figures', {})],
  [2, (s) => timed(s, 'hazards.figures', 'hazards.figures', {})],
];
const TOTAL_WEIGHT = ACTIONS.reduce((sum, [weight]) => sum + weight, 0);

function pickAction(): (s: Station) => Promise<unknown> {
  let at = Math.random() * TOTAL_WEIGHT;
  for (const [weight, run] of ACTIONS) {
    at -= weight;
    if (at < 0) return run;
  }
  return ACTIONS[0]![1];
}

/** Every call name the mix can record, for the report to list even those not reached. */
export const CALL_NAMES = [
  'petitions.list',
  'petitions.list（关键词）',
  'petitions.get',
  'hazards.list',
  'hazards.list（关键词）',
  'hazards.get',
  'disputes.list',
  'disputes.get',
  'assessments.list',
  'assessments.get',
  'meetings.list',
  'petitions.create',
  'petitions.transition',
  'petitions.update',
  'today.overview',
  'petitions.figures',
  'hazards.figures',
  'board.snapshot',
];

/** Think time around `thinkMs` (between half and one and a half of it), cut short at the end. */
const thinker = (thinkMs: number, until: number) => () =>
  new Promise<void>((done) =>
    setTimeout(done, Math.max(0, Math.min(thinkMs * (0.5 + Math.random()), until - Date.now()))),
  );

/**
 * A workstation at work until `until` (ms since the epoch): 今日 first, as the app opens on it, the
 * workstations opening one after another within the first think time rather than all at once.
 */
export async function workstation(client: Client, recorder: Recorder, shared: Shared, thinkMs: number, until: number) {
  const station = { client, recorder, shared, pause: thinker(thinkMs, until) };
  await station.pause();
  await timed(station, 'today.overview', 'today.overview', {});
  while (Date.now() < until) {
    await station.pause();
    if (Date.now() >= until) break;
    await pickAction()(station);
  }
}

/** The wall screen: the board's snapshot at once and every 30 s until `until`. */
export async function wallScreen(client: Client, recorder: Recorder, until: number) {
  const station = { client, recorder, shared: { townships: [], fresh: [] }, pause: async () => {} };
  while (Date.now() < until) {
    const next = Date.now() + BOARD_EVERY_MS;
    await timed(station, 'board.snapshot', 'board.snapshot', {});
    await new Promise((done) => setTimeout(done, Math.max(0, Math.min(next, until) - Date.now())));
  }
}
