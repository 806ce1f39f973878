import type { DemoScale } from '../../../shared/contract/system';
import { toDayNumber } from '../../../shared/domain/ledger/calendar';
import type { PetitionStatus } from '../../../shared/domain/petitions/statuses';
import { REPLY_KINDS, REPLY_KIND_LABELS, type ReplyKind } from '../../../shared/domain/petitions/procedure';
import type { Db } from '../db/connection';
import { cipherOf } from '../db/personal-cipher';
import { BatchWriter, type WriteCount } from './batch-writer';
import { demoDays } from './days';
import { fakeIdNumber, fakePhone } from './identity';
import { yearlyNumbers } from './numbers';
import { countyUnitName, type DemoUnit } from './units';
import type { DemoPerson } from './people';
import { streamOf, weightedPicker, type Weighted } from './random';
import type { DemoRegion, DemoTownship } from './regions';
import { seededUuidV7 } from './uuid';

/**
 * The made-up petition backlog (信访积案). Every date is counted back from the day it is loaded
 * (`today`), so a fresh demo is alive: today's new cases, this week's trend, today's deadlines.
 * The same seed on the same day always gives the same backlog; cases received in the last two
 * years, some of them overdue.
 */
/** How many cases each scale has. */
export const DEMO_PETITION_COUNTS: Record<DemoScale, number> = { small: 300, large: 100_000 };
/** Ids of the backlog's rows look as if made from 2025-01-01 on (the county's own from 2026-01-01). */
const PETITION_ID_BASE_TIME = Date.UTC(2025, 0, 1);
const HISTORY_DAYS = 730;
/** Cases between flushes: their rows are buffered, then written parents first. */
const FLUSH_EVERY = 1_000;

export interface DemoPetitionInput {
  scale: DemoScale;
  seed: number;
  townships: readonly DemoTownship[];
  villages: readonly DemoRegion[];
  units: readonly DemoUnit[];
  people: readonly DemoPerson[];
  /** The account the backlog is recorded by (every case, event and progress entry names one). */
  userId: string;
  /** The county's date the demo is laid out around. */
  today: string;
}

export type DemoPetitionCounts = Record<
  'petitions' | 'petitioners' | 'events' | 'progress' | 'supervisions' | 'closeouts',
  number
>;

const CATEGORIES: Weighted<string> = [
  ['land_demolition', 18],
  ['labour_social_security', 16],
  ['law_litigation', 11],
  ['urban_rural_construction', 14],
  ['agriculture_rural', 14],
  ['environment', 7],
  ['education', 5],
  ['medical', 5],
  ['other', 10],
];
const ITEM_TYPES: Weighted<'suggestion' | 'accusation' | 'appeal'> = [
  ['appeal', 70],
  ['accusation', 18],
  ['suggestion', 12],
];
/** The county department that takes a category when the township does not. */
const CATEGORY_UNITS: Record<string, string[]> = {
  land_demolition: ['县自然资源局', '县住房和城乡建设局'],
  labour_social_security: ['县人力资源和社会保障局'],
  law_litigation: ['县人民法院', '县人民检察院', '县司法局', '县公安局'],
  urban_rural_construction: ['县住房和城乡建设局'],
  agriculture_rural: ['县农业农村局', '县自然资源局'],
  environment: ['县生态环境分局'],
  education: ['县教育局'],
  medical: ['县卫生健康委员会'],
  other: ['县民政局', '县市场监督管理局', '县退役军人事务局', '县应急管理局', '县信访局'],
};
/** {v}: a village or community, {s}: a surname; one per category, picked at random. */
const SUMMARIES: Record<string, string[]> = {
  land_demolition: [
    '{v}村民反映征地补偿款未足额发放，要求按新标准补偿',
    '{v}{s}某反映房屋拆迁安置房迟迟未交付',
    '{v}村民对宅基地征收评估价格有异议，多次上访',
    '{v}群众反映土地流转后租金拖欠两年未付',
  ],
  labour_social_security: [
    '{v}务工人员反映建筑工地拖欠农民工工资',
    '{s}某反映企业未依法缴纳养老保险，要求补缴',
    '{v}{s}某反映工伤认定后赔偿不到位',
    '原企业职工反映改制时身份置换补偿未兑现',
  ],
  law_litigation: [
    '{s}某对民事判决执行不到位不满，要求加快执行',
    '{v}{s}某反映案件久拖不决，申请再审未获受理',
    '{s}某对交通事故责任认定不服，多次信访',
    '{s}某反映刑事案件立案后侦办进展缓慢',
  ],
  urban_rural_construction: [
    '{v}小区业主反映开发商逾期交房且未办理不动产证',
    '{v}居民反映老旧小区改造施工扰民、质量存疑',
    '{v}业主反映物业服务差、维修资金使用不公开',
    '{v}群众反映道路修建占用耕地未予补偿',
  ],
  agriculture_rural: [
    '{v}村民反映村集体资产处置不公开，要求公开账目',
    '{v}{s}某反映土地承包经营权确权有误',
    '{v}村民反映惠农补贴被截留',
    '{v}群众反映农田灌溉设施损毁多年未修',
  ],
  environment: [
    '{v}群众反映附近养殖场污水直排、臭味扰民',
    '{v}居民反映企业夜间排放废气',
    '{v}村民反映砂石厂噪声粉尘污染严重',
  ],
  education: ['{v}家长反映子女入学划片不合理', '{s}某反映民办学校退费纠纷', '{v}代课教师反映待遇未落实'],
  medical: [
    '{s}某反映医疗纠纷调解结果不公',
    '{v}{s}某反映医保报销被拒，要求说明理由',
    '{s}某家属对医院诊疗过程有异议，要求赔偿',
  ],
  other: [
    '{v}{s}某反映低保资格被取消，要求重新认定',
    '{s}某反映退役安置待遇未落实',
    '{v}群众反映邻里宅基地界址纠纷长期未解决',
    '{s}某反映网购商品质量问题投诉无果',
  ],
};
const PROGRESS_NOTES = [
  '承办单位约谈信访人，听取诉求并做好解释',
  '会同相关部门实地核查，调取原始材料',
  '召开协调会，研究化解方案',
  '包案领导接访，明确责任分工与时间节点',
  '向信访人书面告知办理进展',
  '组织律师参与释法明理',
  '开展入户走访，了解家庭实际困难',
  '落实专人稳控，防止矛盾升级',
  '协调资金，拟定分期兑付方案',
  '就争议事项召开听证会',
  '与信访人达成初步和解意向',
  '向上级部门请示政策口径',
];
const OUTCOMES = [
  '诉求合理部分已解决，信访人表示满意',
  '已依法依规作出答复，信访人息诉罢访',
  '经调解达成协议并履行完毕',
  '补偿款已足额兑付，签订息诉罢访协议',
  '已引导通过法律途径解决',
];
const EXTENSION_REASONS = ['案情复杂，需进一步调查核实', '涉及多个部门，协调需要时间', '需等待司法鉴定结论'];
const SUPERVISION_REASONS: Record<string, string> = {
  interview: '超期未化解，约谈承办单位主要负责人',
  notice: '办理进度滞后，发督办通知',
  listed: '重复信访、越级上访，列入挂牌督办',
};

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范',
];
const GIVEN_CHARS = [
  ...'建国伟军红丽敏静强磊洋勇艳杰娟涛明超秀霞平刚桂英华志文辉鹏海燕玲芳斌宇浩凯晨瑞欣晓雪琳振春立新德荣彬峰亮宏成卫东庆力颖慧',
];

/**
 * Writes the backlog through BatchWriters inside the caller's transaction, then builds the
 * keyword index in one pass (the figure tallies follow by their triggers).
 */
export function writeDemoPetitions(db: Db, input: DemoPetitionInput): DemoPetitionCounts {
  // Sealed as the app stores them (db/personal-cipher.ts).
  const cipher = cipherOf(db);
  const random = streamOf(input.seed, 'petitions');
  const newId = seededUuidV7(streamOf(input.seed, 'petition-ids'), PETITION_ID_BASE_TIME);
  const total = DEMO_PETITION_COUNTS[input.scale];
  const refDay = toDayNumber(input.today);
  const { day, at } = demoDays(random);

  const townshipWeights: Weighted<DemoTownship> = input.townships.map((t) => [
    t,
    (t.type === 'subdistrict' ? 1.6 : t.type === 'town' ? 1.1 : 0.7) * (0.6 + random.next() * 0.8),
  ]);
  const pickTownship = weightedPicker(townshipWeights);
  const pickCategory = weightedPicker(CATEGORIES);
  const pickItemType = weightedPicker(ITEM_TYPES);
  const villagesOf = new Map<string, DemoRegion[]>();
  for (const village of input.villages) {
    const list = villagesOf.get(village.parentCode!) ?? [];
    list.push(village);
    villagesOf.set(village.parentCode!, list);
  }
  const unitByName = new Map(input.units.map((u) => [u.name, u]));
  const governmentOf = new Map(input.units.filter((u) => u.regionCode).map((u) => [u.regionCode!, u]));
  const leaders = input.people.filter((p) => p.role === 'leader');
  const responsibleOf = new Map<string, DemoPerson[]>();
  for (const person of input.people) {
    if (person.role !== 'responsible') continue;
    const list = responsibleOf.get(person.unitId) ?? [];
    list.push(person);
    responsibleOf.set(person.unitId, list);
  }
  const countyUnitFor = (category: string): DemoUnit => {
    const unit = unitByName.get(countyUnitName(random.pick(CATEGORY_UNITS[category]!)));
    if (!unit) throw new Error(`演示数据：没有承办单位（${category}）`);
    return unit;
  };

  // Received dates first, sorted, so case numbers run in order within each year.
  const received = Array.from({ length: total }, () => {
    // Slightly more recent cases than old ones: the backlog grows.
    const back = Math.floor(HISTORY_DAYS * Math.pow(random.next(), 1.15));
    return refDay - back;
  }).sort((a, b) => a - b);

  const manual = { rowsPerTransaction: Number.POSITIVE_INFINITY };
  const petitions = new BatchWriter(
    db,
    'petitions',
    [
      'id',
      'case_no',
      'item_type',
      'category',
      'township_code',
      'summary',
      'first_petition_date',
      'received_date',
      'petition_count',
      'highest_level',
      'status',
      'handling_unit_id',
      'leader_id',
      'responsible_id',
      'assigned_date',
      'due_date',
      'extension_days',
      'extension_reason',
      'extension_approved_by',
      'resolution_plan',
      'stability_measures',
      'outcome',
      'resolved_date',
      'closed_date',
      'accepted_date',
      'reply_date',
      'reply_kind',
      'conclusion_due_date',
      'created_by',
      'created_at',
      'updated_at',
    ],
    manual,
  );
  const petitioners = new BatchWriter(
    db,
    'petitioners',
    ['id', 'petition_id', 'name', 'id_number', 'phone', 'address', 'is_primary', 'sort', 'id_number_bi', 'phone_bi'],
    manual,
  );
  const events = new BatchWriter(
    db,
    'petition_events',
    ['id', 'petition_id', 'kind', 'action', 'from_status', 'to_status', 'unit_id', 'reason', 'by_user', 'at'],
    manual,
  );
  const progress = new BatchWriter(
    db,
    'petition_progress',
    ['id', 'petition_id', 'date', 'content', 'by_user', 'at'],
    manual,
  );
  const supervisions = new BatchWriter(
    db,
    'petition_supervisions',
    ['id', 'petition_id', 'kind', 'reason', 'by_user', 'at'],
    manual,
  );
  const closeouts = new BatchWriter(
    db,
    'petition_closeouts',
    ['id', 'petition_id', 'approved_by', 'evidence', 'at'],
    manual,
  );
  const writers = [petitions, petitioners, events, progress, supervisions, closeouts];
  const user = input.userId;
  const caseNo = yearlyNumbers('XF', 6);

  for (const [index, receivedDay] of received.entries()) {
    // The writers flush together, parents first, because the foreign keys are checked row by row.
    if (index % FLUSH_EVERY === 0) for (const writer of writers) writer.flush();
    const id = newId();
    const number = caseNo(day(receivedDay));
    const township = pickTownship(random);
    const village = random.pick(villagesOf.get(township.code) ?? [township]);
    const category = pickCategory(random);
    const itemType = pickItemType(random);
    const surname = random.pick(SURNAMES);
    const summary = random.pick(SUMMARIES[category]!).replace('{v}', village.name).replace('{s}', surname);

    // Repeats: mostly once; the more often, the higher up they went.
    const r = random.next();
    const count = r < 0.72 ? 1 : r < 0.9 ? random.int(2, 3) : r < 0.98 ? random.int(4, 6) : random.int(7, 10);
    const l = random.next();
    const level =
      count === 1
        ? l < 0.86
          ? 'county'
          : l < 0.97
            ? 'city'
            : 'province'
        : count <= 3
          ? l < 0.55
            ? 'county'
            : l < 0.85
              ? 'city'
              : l < 0.97
                ? 'province'
                : 'national'
          : l < 0.2
            ? 'county'
            : l < 0.5
              ? 'city'
              : l < 0.85
                ? 'province'
                : 'national';
    const firstDay = count > 1 ? receivedDay - random.int(0, 400) : receivedDay;

    // The loop's dates; a stage happens only if its day is on or before the reference day.
    const stall = random.next();
    const classifyDay = receivedDay + random.int(0, 3);
    const assignDay = classifyDay + random.int(1, 6);
    const transferred = random.next() < 0.06;
    const transferDay = assignDay + random.int(2, 10);
    const startDay = (transferred ? transferDay : assignDay) + random.int(1, 8);
    const slow = random.next() < 0.35;
    const resolveDay = startDay + (slow ? random.int(40, 160) : random.int(8, 50));
    const closeDay = resolveDay + random.int(3, 30);
    let status: DemoStatus = 'found';
    if (stall >= 0.015 && classifyDay <= refDay) status = 'classified';
    if (stall >= 0.03 && status === 'classified' && assignDay <= refDay) status = 'assigned';
    if (status === 'assigned' && startDay <= refDay && stall >= 0.04) status = 'resolving';
    if (status === 'resolving' && resolveDay <= refDay && stall >= 0.24) status = 'resolved';
    if (status === 'resolved' && closeDay <= refDay && stall >= 0.3) status = 'closed';
    const reached = (s: DemoStatus) => STATUS_ORDER[status] >= STATUS_ORDER[s];

    const receivedAt = at(receivedDay);
    let lastAt = receivedAt;
    let lastStep = receivedAt;
    const event = (
      n: number,
      kind: string,
      action: string | null,
      from: PetitionStatus | null,
      to: PetitionStatus | null,
      unit: string | null = null,
      reason = '',
    ) => {
      let when = at(n);
      // Steps of the loop on the same day keep their order: each comes after the one before.
      if (to !== null && when <= lastStep) when = new Date(Date.parse(lastStep) + 60_000).toISOString();
      if (to !== null) lastStep = when;
      if (when > lastAt) lastAt = when;
      events.add([newId(), id, kind, action, from, to, unit, reason, user, when]);
      return when;
    };
    events.add([newId(), id, 'register', null, null, 'found', null, '', user, receivedAt]);
    for (let k = 1; k < count; k++) {
      const repeatDay = Math.min(refDay, receivedDay + random.int(5, 400));
      event(repeatDay, 'repeat', null, null, null, null, `第 ${k + 1} 次信访`);
    }

    let unit: DemoUnit | null = null;
    let leaderId: string | null = null;
    let responsibleId: string | null = null;
    let assignedDay: number | null = null;
    let dueDay: number | null = null;
    let extension: [number, string, string] | null = null;
    if (reached('classified')) event(classifyDay, 'transition', 'classify', 'found', 'classified');
    if (reached('assigned')) {
      unit =
        random.next() < 0.6 ? (governmentOf.get(township.code) ?? countyUnitFor(category)) : countyUnitFor(category);
      leaderId = random.pick(leaders).id;
      event(assignDay, 'transition', 'assign', 'classified', 'assigned', unit.id);
      assignedDay = assignDay;
      dueDay = assignDay + 60;
      if (transferred && transferDay <= refDay) {
        unit = countyUnitFor(category);
        event(transferDay, 'transition', 'transfer', 'assigned', 'assigned', unit.id, '职能不符，转至主管部门办理');
        assignedDay = transferDay;
      }
      const candidates = responsibleOf.get(unit.id) ?? [];
      responsibleId = candidates.length && random.next() < 0.85 ? random.pick(candidates).id : null;
      // An appeal running late may be extended once (Art. 34), before it falls due.
      if (itemType === 'appeal' && random.next() < 0.12 && dueDay - 5 <= refDay && !reached('resolved')) {
        const days = random.int(10, 30);
        const reason = random.pick(EXTENSION_REASONS);
        const approver = random.pick(leaders).name;
        extension = [days, reason, approver];
        dueDay += days;
        event(
          Math.min(refDay, dueDay - days - random.int(1, 5)),
          'extension',
          null,
          null,
          null,
          null,
          `延长 ${days} 日至 ${day(dueDay)}：${reason}`,
        );
      }
    }
    if (reached('resolving')) {
      // The first entry is what moved the case to 化解中: recorded with that step.
      const started = event(startDay, 'transition', 'startResolving', 'assigned', 'resolving');
      const lastProgress = reached('resolved') ? resolveDay : refDay;
      const entries = random.int(6, 21);
      for (let k = 0; k < entries; k++) {
        const n = k === 0 ? startDay : random.int(startDay, Math.max(startDay, lastProgress));
        const when = k === 0 ? started : at(n);
        if (when > lastAt) lastAt = when;
        progress.add([newId(), id, day(n), random.pick(PROGRESS_NOTES), user, when]);
      }
    }
    // Open cases past due draw the county's supervision; a few listed for repeats.
    const openOverdue = reached('assigned') && !reached('resolved') && dueDay !== null && dueDay < refDay;
    if ((openOverdue && random.next() < 0.18) || (count >= 7 && reached('assigned') && random.next() < 0.5)) {
      const from = openOverdue ? dueDay! + 1 : assignDay;
      const until = reached('resolved') ? resolveDay : refDay;
      const times = random.int(1, 2);
      for (let k = 0; k < times; k++) {
        const kind = count >= 7 ? 'listed' : random.pick(['interview', 'notice'] as const);
        const when = at(random.int(Math.min(from, until), until));
        if (when > lastAt) lastAt = when;
        supervisions.add([newId(), id, kind, SUPERVISION_REASONS[kind]!, user, when]);
      }
    }
    let outcome: string | null = null;
    let replyKind: ReplyKind | null = null;
    if (reached('resolved')) {
      // The written reply (办结), then the petitioner's acceptance (化解) the same day.
      replyKind = random.pick(REPLY_KINDS);
      event(
        resolveDay,
        'transition',
        'reply',
        'resolving',
        'replied',
        null,
        `处理意见：${REPLY_KIND_LABELS[replyKind]}`,
      );
      outcome = random.pick(OUTCOMES);
      event(resolveDay, 'transition', 'resolve', 'replied', 'resolved');
    }
    if (reached('closed')) {
      const when = event(closeDay, 'transition', 'closeOut', 'resolved', 'closed');
      closeouts.add([newId(), id, user, '化解协议、信访人签字的息诉罢访承诺书及回访记录', when]);
    }

    // Petitioners: one to three, or a group of five to eight.
    const p = random.next();
    const people = p < 0.7 ? 1 : p < 0.88 ? 2 : p < 0.96 ? 3 : random.int(5, 8);
    for (let k = 0; k < people; k++) {
      const given = random.pick(GIVEN_CHARS) + (random.next() < 0.7 ? random.pick(GIVEN_CHARS) : '');
      const name = (k === 0 ? surname : random.next() < 0.4 ? surname : random.pick(SURNAMES)) + given;
      const birth = day(toDayNumber('1950-01-01') + random.int(0, 365 * 50));
      const hasId = random.next() < 0.92;
      const hasPhone = random.next() < 0.95;
      const idNumber = hasId ? fakeIdNumber(random, birth) : null;
      const phone = hasPhone ? fakePhone(random) : null;
      petitioners.add([
        newId(),
        id,
        name,
        cipher.seal(idNumber),
        cipher.seal(phone),
        cipher.seal(`${township.name}${village.name}${random.int(1, 120)}号`),
        k === 0 ? 1 : 0,
        k,
        cipher.blind('id', idNumber),
        cipher.blind('phone', phone),
      ]);
    }

    petitions.add([
      id,
      number,
      reached('classified') ? itemType : null,
      reached('classified') ? category : null,
      township.code,
      summary,
      day(firstDay),
      day(receivedDay),
      count,
      level,
      status,
      unit?.id ?? null,
      leaderId,
      responsibleId,
      assignedDay === null ? null : day(assignedDay),
      dueDay === null ? null : day(dueDay),
      extension?.[0] ?? null,
      extension?.[1] ?? null,
      extension?.[2] ?? null,
      reached('assigned') ? '包案领导牵头，承办单位制定“一案一策”化解方案' : '',
      reached('assigned') ? '落实专人联系，定期走访，防止越级上访' : '',
      outcome,
      reached('resolved') ? day(resolveDay) : null,
      reached('closed') ? day(closeDay) : null,
      // Assigned straight from 梳理分类: accepted on the assignment day, due by Art. 34 then.
      reached('assigned') ? day(assignDay) : null,
      reached('resolved') ? day(resolveDay) : null,
      replyKind,
      itemType === 'appeal' && dueDay !== null ? day(dueDay) : null,
      user,
      receivedAt,
      lastAt,
    ]);
  }
  const counts = writers.map((w) => w.finish());
  const rows = (i: number) => (counts[i] as WriteCount).rows;
  return {
    petitions: rows(0),
    petitioners: rows(1),
    events: rows(2),
    progress: rows(3),
    supervisions: rows(4),
    closeouts: rows(5),
  };
}

/** The statuses a demo case ends in: its reply and resolution fall on one day, nobody asks 复查. */
type DemoStatus = Extract<PetitionStatus, 'found' | 'classified' | 'assigned' | 'resolving' | 'resolved' | 'closed'>;

const STATUS_ORDER: Record<DemoStatus, number> = {
  found: 0,
  classified: 1,
  assigned: 2,
  resolving: 3,
  resolved: 4,
  closed: 5,
};
