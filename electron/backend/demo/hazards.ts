import type { DemoScale } from '../../../shared/contract/system';
import { toDayNumber } from '../../../shared/domain/ledger/calendar';
import { HAZARD_LEVELS, type HazardLevel } from '../../../shared/domain/risks/hazard-levels';
import type { HazardSource } from '../../../shared/domain/risks/hazard-record';
import type { HazardStatus, HazardTrend } from '../../../shared/domain/risks/hazard-statuses';
import type { TaskStatus } from '../../../shared/domain/risks/tasks';
import type { Db } from '../db/connection';
import { cipherOf } from '../db/personal-cipher';
import { BatchWriter, deferIndexes, type SqlValue } from './batch-writer';
import { demoDays } from './days';
import type { BoundaryCollection, Position } from './boundary';
import { yearlyNumbers } from './numbers';
import type { DemoPerson } from './people';
import { streamOf, weightedPicker, type Random, type Weighted } from './random';
import type { DemoRegion, DemoTownship } from './regions';
import type { DemoUnit } from './units';
import { RISK_TASK_COLUMNS, RISK_TASK_EVENT_COLUMNS } from './task-columns';
import { seededUuidV7 } from './uuid';

/**
 * The made-up hazard ledger (风险隐患): hazards found over three years before the reference day,
 * each at the stage its dates allow on that day, with their dated notes (动向, 研判记录), colour
 * changes, events, measures (risk tasks) for some, and links to petition cases (and assessments,
 * when the demo has them). Deterministic from the seed, like the petition backlog.
 */
export const DEMO_HAZARD_COUNTS: Record<DemoScale, number> = { small: 300, large: 30_000 };
const HISTORY_DAYS = 1_095;
/** Ids look as if made from 2024-01-01 on. */
const ID_BASE_TIME = Date.UTC(2024, 0, 1);
/** Hazards between flushes: their rows are buffered, then written parents first. */
const FLUSH_EVERY = 1_000;

export interface DemoHazardInput {
  scale: DemoScale;
  seed: number;
  townships: readonly DemoTownship[];
  villages: readonly DemoRegion[];
  grids: readonly DemoRegion[];
  units: readonly DemoUnit[];
  people: readonly DemoPerson[];
  /** The township polygons: some hazards get a point inside their township. */
  boundary: BoundaryCollection;
  userId: string;
  /** The county's date the demo is laid out around. */
  today: string;
}

export type DemoHazardCounts = Record<
  'hazards' | 'people' | 'events' | 'levelChanges' | 'notes' | 'links' | 'tasks' | 'taskEvents',
  number
>;

/** Codes of the `hazard_category` dictionary (migration 0001). */
const CATEGORIES: Weighted<string> = [
  ['wage_arrears', 16],
  ['land_dispute', 18],
  ['stalled_housing', 10],
  ['illegal_fundraising', 5],
  ['pollution', 9],
  ['school_hospital', 7],
  ['veterans', 6],
  ['online_opinion', 7],
  ['safety', 12],
  ['other', 10],
];
const SOURCES: Weighted<HazardSource> = [
  ['grid', 45],
  ['sweep', 25],
  ['hotline', 12],
  ['petition', 12],
  ['other', 6],
];
const LEVELS: Weighted<HazardLevel> = [
  ['red', 4],
  ['orange', 14],
  ['yellow', 40],
  ['blue', 42],
];
/** {v}: a village or community. */
const TITLES: Record<string, string[]> = {
  wage_arrears: ['{v}建筑工地拖欠农民工工资', '{v}某服装厂停产拖欠职工工资', '{v}物流园区项目欠薪纠纷'],
  land_dispute: ['{v}村民与村委会土地承包纠纷', '{v}宅基地界址争议', '{v}征地补偿分配矛盾', '{v}林地权属纠纷'],
  stalled_housing: ['{v}商住小区逾期交房', '{v}安置小区停工烂尾', '{v}小区办证难问题'],
  illegal_fundraising: ['{v}某投资公司涉嫌非法集资', '{v}养老机构预收费用风险', '{v}农民专业合作社违规吸储'],
  pollution: ['{v}养殖场污水直排', '{v}砂石厂粉尘噪声扰民', '{v}垃圾中转站选址争议'],
  school_hospital: ['{v}学校周边交通安全隐患', '{v}卫生院医疗纠纷', '{v}幼儿园退费纠纷'],
  veterans: ['{v}退役军人安置待遇诉求', '{v}退役士兵社保接续诉求'],
  online_opinion: ['{v}网络传言引发群众聚集苗头', '{v}短视频炒作征收补偿问题'],
  safety: ['{v}自建房结构安全隐患', '{v}液化气供应点消防隐患', '{v}危桥通行安全隐患', '{v}山体滑坡隐患点'],
  other: ['{v}邻里矛盾激化苗头', '{v}家庭婚姻纠纷苗头', '{v}村务公开矛盾'],
};
const DESCRIPTIONS = [
  '网格员走访发现，涉及群众情绪较为激动，需持续关注。',
  '排查中发现，矛盾已持续较长时间，群众多次反映未果。',
  '热线多次接到相关投诉，存在聚集上访的可能。',
  '涉及人数较多，部分群众有到县集体上访的意向。',
  '矛盾双方分歧较大，调解工作难度较高。',
];
const TREND_NOTES: Record<HazardTrend, string[]> = {
  rising: ['群众在微信群内串联，情绪有所激化', '部分当事人扬言到市上访', '涉及人数较上周增加'],
  stable: ['经走访，当事人情绪平稳', '未发现新的聚集苗头', '当事人等待处理结果，暂无过激言行'],
  easing: ['部分诉求已解决，矛盾有所缓和', '当事人表示愿意接受调解', '补偿款已部分兑付，群众情绪趋稳'],
};
const ANALYSIS_NOTES = [
  '综治中心组织研判：矛盾成因清楚，责任单位明确，须按期落实化解措施',
  '联合公安、司法所会商研判：存在升级风险，建议加强稳控',
  '镇（街道）综治中心研判：风险可控，继续做好跟踪',
  '研判认为诉求部分合理，应依法依规予以解决',
  '研判认为当事人诉求过高，应做好释法明理工作',
];
const LEVEL_REASONS: Record<'raised' | 'lowered', string[]> = {
  raised: ['涉及人数增加，存在聚集上访苗头', '当事人情绪激化，扬言采取过激行为', '网络舆情发酵，关注度上升'],
  lowered: ['主要诉求已解决，群众情绪平稳', '化解措施落实到位，风险明显下降', '经调解达成初步协议'],
};
const MEASURE_TITLES = [
  '包保干部入户走访，做好思想疏导',
  '组织双方调解，拟定化解方案',
  '协调落实补偿款兑付',
  '开展现场排查整改',
  '落实专人稳控，每日报告动态',
  '会同相关部门联合会商',
];
const OUTCOMES = ['矛盾已化解，当事人签订息诉承诺书', '隐患已整改完毕，经复查无新情况', '诉求已依法解决，群众表示满意'];
const CLOSE_EVIDENCE = '化解协议、回访记录及整改验收材料';
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡'];
const GIVEN_CHARS = [...'建国伟军红丽敏静强磊洋勇艳杰娟涛明超秀霞平刚桂英华志文辉鹏海燕玲芳斌宇浩凯晨瑞欣晓雪'];

const STATUS_ORDER: Record<HazardStatus, number> = { found: 0, resolving: 1, resolved: 2, closed: 3 };
const rank = (level: HazardLevel) => HAZARD_LEVELS.length - 1 - HAZARD_LEVELS.indexOf(level);
const levelOfRank = (r: number): HazardLevel => HAZARD_LEVELS[HAZARD_LEVELS.length - 1 - r]!;

/** Ray casting over the outer ring. */
function inside([x, y]: Position, ring: readonly Position[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** A point in each township: random in its polygon's box until one falls inside (the box's centre failing that). */
function pointPicker(boundary: BoundaryCollection): (random: Random, code: string) => Position | null {
  const rings = new Map(boundary.features.map((f) => [f.properties.code, f.geometry.coordinates[0]!]));
  const boxes = new Map(
    [...rings].map(([code, ring]) => {
      const lngs = ring.map((p) => p[0]);
      const lats = ring.map((p) => p[1]);
      return [code, [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)] as const];
    }),
  );
  return (random, code) => {
    const ring = rings.get(code);
    const box = boxes.get(code);
    if (!ring || !box) return null;
    for (let k = 0; k < 20; k++) {
      const point: Position = [random.between(box[0], box[2]), random.between(box[1], box[3])];
      if (inside(point, ring)) return [Number(point[0].toFixed(6)), Number(point[1].toFixed(6))];
    }
    return null;
  };
}

/**
 * Writes the hazard ledger through BatchWriters inside the caller's transaction (after the
 * petition backlog and the assessments, which it links to), then builds the keyword index.
 */
export function writeDemoHazards(db: Db, input: DemoHazardInput): DemoHazardCounts {
  const cipher = cipherOf(db);
  const random = streamOf(input.seed, 'hazards');
  const newId = seededUuidV7(streamOf(input.seed, 'hazard-ids'), ID_BASE_TIME);
  const total = DEMO_HAZARD_COUNTS[input.scale];
  const refDay = toDayNumber(input.today);
  const { day, at } = demoDays(random);

  const pickTownship = weightedPicker<DemoTownship>(
    input.townships.map((t) => [t, (t.type === 'township' ? 1.3 : 1) * (0.6 + random.next() * 0.8)]),
  );
  const pickCategory = weightedPicker(CATEGORIES);
  const pickSource = weightedPicker(SOURCES);
  const pickLevel = weightedPicker(LEVELS);
  const pointIn = pointPicker(input.boundary);
  const groupBy = <T>(items: readonly T[], key: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const list = map.get(key(item));
      if (list) list.push(item);
      else map.set(key(item), [item]);
    }
    return map;
  };
  const childrenOf = (regions: readonly DemoRegion[]) => groupBy(regions, (r) => r.parentCode!);
  const villagesOf = childrenOf(input.villages);
  const gridsOf = childrenOf(input.grids);
  const governmentOf = new Map(input.units.filter((u) => u.regionCode).map((u) => [u.regionCode!, u]));
  const departments = input.units.filter((u) => !u.regionCode);
  const leaders = input.people.filter((p) => p.role === 'leader');
  const responsibleOf = groupBy(
    input.people.filter((p) => p.role === 'responsible'),
    (p) => p.unitId,
  );
  // The cases and assessments already written, to link to (rowid order: the same every run).
  const petitionRows = db.prepare('SELECT id, township_code AS t FROM petitions ORDER BY rowid').all() as Array<{
    id: string;
    t: string;
  }>;
  const petitionsOf = new Map([...groupBy(petitionRows, (p) => p.t)].map(([t, rows]) => [t, rows.map((r) => r.id)]));
  const assessmentIds = db.prepare('SELECT id FROM assessments ORDER BY rowid').pluck().all() as string[];

  const manual = { rowsPerTransaction: Number.POSITIVE_INFINITY };
  const writer = (table: string, columns: string[]) => new BatchWriter(db, table, columns, manual);
  const hazards = writer('hazards', [
    'id',
    'hazard_no',
    'title',
    'category',
    'source',
    'description',
    'level',
    'status',
    'found_on',
    'township_code',
    'village_code',
    'grid_code',
    'lng',
    'lat',
    'people_involved',
    'leader_id',
    'responsible_id',
    'plan',
    'measures',
    'outcome',
    'level_changed_on',
    'resolved_on',
    'closed_on',
    'created_by',
    'created_at',
    'updated_at',
  ]);
  const people = writer('hazard_people', ['id', 'hazard_id', 'name', 'phone', 'sort']);
  const events = writer('hazard_events', [
    'id',
    'hazard_id',
    'action',
    'from_status',
    'to_status',
    'note',
    'by_user',
    'at',
  ]);
  const levelChanges = writer('hazard_level_changes', [
    'id',
    'hazard_id',
    'from_level',
    'to_level',
    'changed_on',
    'reason',
    'by_user',
    'at',
  ]);
  const notes = writer('hazard_notes', [
    'id',
    'hazard_id',
    'kind',
    'noted_on',
    'content',
    'trend',
    'suggested_level',
    'by_user',
    'at',
  ]);
  const links = writer('hazard_links', ['hazard_id', 'target_kind', 'target_id', 'by_user', 'at']);
  const tasks = writer('risk_tasks', RISK_TASK_COLUMNS);
  const taskEvents = writer('risk_task_events', RISK_TASK_EVENT_COLUMNS);
  const writers = [hazards, people, events, levelChanges, notes, links, tasks, taskEvents];
  const user = input.userId;
  const hazardNo = yearlyNumbers('FX', 6);

  // The big tables' secondary indexes are built once after the rows are in.
  const rebuildIndexes = deferIndexes(db, ['hazard_notes', 'hazard_events', 'risk_task_events']);

  const found = Array.from(
    { length: total },
    () => refDay - Math.floor(HISTORY_DAYS * Math.pow(random.next(), 1.3)),
  ).sort((a, b) => a - b);

  for (const [index, foundDay] of found.entries()) {
    if (index % FLUSH_EVERY === 0) for (const w of writers) w.flush();
    const id = newId();
    const number = hazardNo(day(foundDay));
    const township = pickTownship(random);
    const village = random.pick(villagesOf.get(township.code) ?? [township]);
    const grid = random.next() < 0.7 ? random.pick(gridsOf.get(village.code) ?? [null]) : null;
    const category = pickCategory(random);
    const source = pickSource(random);
    const title = random.pick(TITLES[category]!).replace('{v}', village.name);
    const initial = pickLevel(random);
    const point = random.next() < 0.5 ? pointIn(random, township.code) : null;

    // The life's days; a step happens only if its day is on or before the reference day.
    const stall = random.next();
    const startDay = foundDay + random.int(1, 10);
    const resolveDay = startDay + random.int(15, 240);
    const closeDay = resolveDay + random.int(5, 30);
    let status: HazardStatus = 'found';
    if (startDay <= refDay && stall >= 0.04) status = 'resolving';
    if (status === 'resolving' && resolveDay <= refDay && stall >= 0.2) status = 'resolved';
    if (status === 'resolved' && closeDay <= refDay && stall >= 0.28) status = 'closed';
    const reached = (s: HazardStatus) => STATUS_ORDER[status] >= STATUS_ORDER[s];
    /** Notes and colour changes stop at close-out (and the resolution's day). */
    const lastDay = reached('resolved') ? resolveDay : refDay;

    const createdAt = at(foundDay);
    let lastAt = createdAt;
    let lastStep = createdAt;
    const stamp = (n: number) => {
      const when = at(n);
      if (when > lastAt) lastAt = when;
      return when;
    };
    const event = (n: number, action: string, from: HazardStatus | null, to: HazardStatus, note = '') => {
      let when = at(n);
      if (when <= lastStep) when = new Date(Date.parse(lastStep) + 60_000).toISOString();
      lastStep = when;
      if (when > lastAt) lastAt = when;
      events.add([newId(), id, action, from, to, note, user, when]);
    };

    // Responsible leader and person from 化解中 on; a red hazard has them and a plan.
    const unit =
      random.next() < 0.65 ? (governmentOf.get(township.code) ?? random.pick(departments)) : random.pick(departments);
    const leaderId = random.pick(leaders).id;
    const responsible = responsibleOf.get(unit.id) ?? [];
    const responsibleId = responsible.length ? random.pick(responsible).id : null;
    const measuresText = '包保干部定期走访，落实专人稳控，及时掌握动态';

    // Colour changes: mostly none; red only once someone is in charge (化解中).
    const changeCount = ((r) => (r < 0.62 ? 0 : r < 0.88 ? 1 : r < 0.97 ? 2 : 3))(random.next());
    const changeFrom = reached('resolving') ? startDay : foundDay;
    const changeDays = Array.from({ length: changeCount }, () => random.int(changeFrom, Math.max(changeFrom, lastDay)))
      .filter((n) => n <= refDay)
      .sort((a, b) => a - b);
    let level = initial;
    let everRed = initial === 'red';
    for (const n of changeDays) {
      const r = rank(level);
      const up = r === 0 ? true : r === 3 ? false : random.next() < (reached('resolved') ? 0.35 : 0.55);
      const to = levelOfRank(up ? r + 1 : r - 1);
      if (to === 'red' && !reached('resolving')) continue;
      levelChanges.add([
        newId(),
        id,
        level,
        to,
        day(n),
        random.pick(LEVEL_REASONS[up ? 'raised' : 'lowered']),
        user,
        stamp(n),
      ]);
      level = to;
      everRed ||= to === 'red';
    }
    const levelChangedOn = changeDays.length ? day(changeDays[changeDays.length - 1]!) : day(foundDay);
    const plan = everRed || random.next() < 0.3 ? `一案一策：${title}化解方案（包保领导牵头，责任单位落实）` : '';

    // Events: registration, then the steps reached; a few sent back once before close-out.
    event(foundDay, 'register', null, 'found');
    if (reached('resolving')) event(startDay, 'startResolving', 'found', 'resolving', measuresText);
    const outcome = reached('resolved') ? random.pick(OUTCOMES) : null;
    if (reached('resolved')) {
      if (random.next() < 0.05 && resolveDay - startDay > 10) {
        const firstTry = resolveDay - random.int(5, 10);
        event(firstTry, 'resolve', 'resolving', 'resolved', random.pick(OUTCOMES));
        event(firstTry + random.int(1, 4), 'sendBack', 'resolved', 'resolving', '回访发现矛盾反复，退回继续化解');
      }
      event(resolveDay, 'resolve', 'resolving', 'resolved', outcome!);
    }
    if (reached('closed')) event(closeDay, 'closeOut', 'resolved', 'closed', CLOSE_EVIDENCE);

    // Dated notes: trends and analyses, more for long-open hazards (about ten on average).
    const span = Math.max(0, lastDay - foundDay);
    const noteCount = Math.min(24, random.int(3, 9) + Math.floor(span / random.int(20, 60)));
    for (let k = 0; k < noteCount; k++) {
      const n = random.int(foundDay, Math.max(foundDay, lastDay));
      if (random.next() < 0.6) {
        const trend: HazardTrend = ((x) => (x < 0.25 ? 'rising' : x < 0.7 ? 'stable' : 'easing'))(random.next());
        notes.add([newId(), id, 'trend', day(n), random.pick(TREND_NOTES[trend]), trend, null, user, stamp(n)]);
      } else {
        const suggested = random.next() < 0.3 ? random.pick(HAZARD_LEVELS) : null;
        notes.add([newId(), id, 'analysis', day(n), random.pick(ANALYSIS_NOTES), null, suggested, user, stamp(n)]);
      }
    }

    // Measures for about half of those being resolved: all completed by the resolution.
    if (reached('resolving') && random.next() < 0.5) {
      const count = random.int(1, 3);
      for (let k = 0; k < count; k++) {
        const taskId = newId();
        const taskUnit = k === 0 ? unit : random.pick(departments);
        const taskStart = startDay + random.int(0, 5);
        const taskDue = taskStart + random.int(15, 60);
        const createdOn = stamp(Math.min(taskStart, refDay));
        let taskStatus: TaskStatus = 'pending';
        let progressNote = '';
        let completedOn: string | null = null;
        let taskOutcome: string | null = null;
        let updated = createdOn;
        const taskEvent = (n: number, action: string, from: TaskStatus | null, to: TaskStatus, note = '') => {
          let when = action === 'create' ? createdOn : stamp(n);
          // Steps on the same day keep their order.
          if (action !== 'create' && when <= updated) when = new Date(Date.parse(updated) + 60_000).toISOString();
          if (when > updated) updated = when;
          taskEvents.add([
            newId(),
            taskId,
            action,
            from,
            to,
            note,
            action === 'create' ? day(taskDue) : null,
            user,
            when,
          ]);
        };
        taskEvent(Math.min(taskStart, refDay), 'create', null, 'pending');
        const startOn = taskStart + random.int(0, 5);
        const doneOn = reached('resolved')
          ? Math.min(resolveDay, Math.max(startOn, taskStart + random.int(5, 60)))
          : startOn + random.int(5, 70);
        if (startOn <= Math.min(refDay, reached('resolved') ? resolveDay : refDay) && random.next() < 0.85) {
          progressNote = '已召集相关方，正在推进';
          taskStatus = 'in_progress';
          taskEvent(startOn, 'start', 'pending', 'in_progress', progressNote);
        }
        if (reached('resolved') || doneOn <= refDay) {
          const from = taskStatus;
          taskStatus = 'done';
          completedOn = day(Math.min(doneOn, refDay));
          taskOutcome = '已按要求落实';
          taskEvent(Math.min(doneOn, refDay), 'complete', from, 'done', taskOutcome);
        }
        if (updated > lastAt) lastAt = updated;
        tasks.add([
          taskId,
          'hazard',
          id,
          'measure',
          random.pick(MEASURE_TITLES),
          taskUnit.id,
          day(Math.min(taskStart, refDay)),
          day(taskDue),
          taskStatus,
          progressNote,
          completedOn,
          taskOutcome,
          user,
          createdOn,
          updated,
        ]);
      }
    }

    // People involved: named for some, with made-up 199… phones.
    const named = random.next() < 0.55 ? random.int(1, 3) : 0;
    for (let k = 0; k < named; k++) {
      const name =
        random.pick(SURNAMES) + random.pick(GIVEN_CHARS) + (random.next() < 0.6 ? random.pick(GIVEN_CHARS) : '');
      const phone = random.next() < 0.8 ? `199${String(random.int(0, 99_999_999)).padStart(8, '0')}` : null;
      people.add([newId(), id, name, cipher.seal(phone), k]);
    }

    // Links: hazards from petitions to a case of their township; a few to an assessment.
    const cases = petitionsOf.get(township.code);
    if (cases?.length && (source === 'petition' ? random.next() < 0.8 : random.next() < 0.03)) {
      links.add([id, 'petition', random.pick(cases), user, stamp(Math.min(foundDay + random.int(0, 3), refDay))]);
    }
    if (assessmentIds.length && random.next() < 0.01) {
      links.add([
        id,
        'assessment',
        random.pick(assessmentIds),
        user,
        stamp(Math.min(foundDay + random.int(0, 10), refDay)),
      ]);
    }

    const row: SqlValue[] = [
      id,
      number,
      title,
      category,
      source,
      random.pick(DESCRIPTIONS),
      level,
      status,
      day(foundDay),
      township.code,
      village === township ? null : village.code,
      grid?.code ?? null,
      point?.[0] ?? null,
      point?.[1] ?? null,
      random.int(named || 1, named + random.int(0, 60)),
      reached('resolving') || everRed ? leaderId : null,
      reached('resolving') ? responsibleId : null,
      plan,
      reached('resolving') ? measuresText : '',
      outcome,
      levelChangedOn,
      reached('resolved') ? day(resolveDay) : null,
      reached('closed') ? day(closeDay) : null,
      user,
      createdAt,
      lastAt,
    ];
    hazards.add(row);
  }
  const counts = writers.map((w) => w.finish().rows);
  rebuildIndexes();
  const [h, p, e, c, n, l, t, te] = counts as [number, number, number, number, number, number, number, number];
  return { hazards: h, people: p, events: e, levelChanges: c, notes: n, links: l, tasks: t, taskEvents: te };
}
