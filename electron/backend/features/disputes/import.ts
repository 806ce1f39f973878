import { compareDates } from '../../../../shared/domain/ledger/calendar';
import { disputeDueDate, HANDLING_KIND_LABELS, type HandlingKind } from '../../../../shared/domain/disputes/handling';
import { disputeHistory } from '../../../../shared/domain/disputes/history';
import {
  DISPUTE_CHANNEL_LABELS,
  DISPUTE_RISK_COLOUR_LABELS,
  DISPUTE_URGENCY_LABELS,
  type DisputeChannel,
  type DisputeRiskColour,
  type DisputeUrgency,
} from '../../../../shared/domain/disputes/intake';
import { DISPUTE_LEVEL_LABELS, type DisputeLevel } from '../../../../shared/domain/disputes/levels';
import {
  DISPUTE_RESULT_LABELS,
  DISPUTE_STATUS_LABELS,
  SATISFACTION_LABELS,
  type DisputeResult,
  type DisputeStatus,
  type Satisfaction,
} from '../../../../shared/domain/disputes/statuses';
import { choicesOf, readChoice, readCount, readDateCell, readText } from '../../import/cells';
import type { ImportKind } from '../../import/kind';
import { dictIndex } from '../../import/references';
import { ledgerImportKind, ledgerReading, readRows, statusField, TOWNSHIP_FIELD } from '../../ledger/import';
import { disputeImport, type ReadDispute } from './imported';
import { DISPUTE_LEVEL_WORDS, ESCALATION_FIELDS, readEscalation, storedEscalations } from './import-escalation';
import { readParties } from './import-parties';
import { importChoices, villageIndex } from './import-places';

/**
 * Disputes from a centre's own workbook: each found again by its number (JF2026-000123), with its
 * parties (several in a cell), its place by name, and the steps it had already taken: status and
 * result read or inferred (the rule is `disputeHistory`'s), a new 归口单位 made on the spot.
 */
const CHANNEL_WORDS = choicesOf(DISPUTE_CHANNEL_LABELS, {
  '12345转办': 'hotline_12345',
  '110警情转办': 'police_110',
  网格: 'grid',
  网格员: 'grid',
  来访登记: 'visit',
});
const URGENCY_WORDS = choicesOf(DISPUTE_URGENCY_LABELS, { 普通: 'normal' });
const COLOUR_WORDS = choicesOf(DISPUTE_RISK_COLOUR_LABELS, { 红: 'red', 橙: 'orange', 黄: 'yellow', 蓝: 'blue' });
const STATUS_WORDS = choicesOf(DISPUTE_STATUS_LABELS, {
  受理: 'received',
  分流: 'routed',
  调处: 'mediating',
  在办: 'mediating',
  化解: 'settled',
  已化解: 'settled',
  引导: 'guided',
  撤回: 'withdrawn',
  转出: 'converted',
  回访: 'visited',
  销号: 'closed',
});
const RESULT_WORDS = choicesOf(DISPUTE_RESULT_LABELS, {
  化解: 'settled',
  已化解: 'settled',
  引导: 'guided',
  已引导: 'guided',
  撤回: 'withdrawn',
  已撤回: 'withdrawn',
  转出: 'converted',
  已转出: 'converted',
});
const HANDLING_WORDS = choicesOf(HANDLING_KIND_LABELS, { 人民调解: 'people_mediation', 归口办理: 'unit' });
const SATISFACTION_WORDS = choicesOf(SATISFACTION_LABELS);

const FIELDS: ImportKind<ReadDispute>['fields'] = [
  {
    key: 'disputeNo',
    label: '纠纷编号',
    synonyms: ['编号', '案件编号', '登记编号', '一案一码'],
    required: true,
    example: 'JF2024-000123',
    note: '每件纠纷一个编号；再次导入同一编号时更新该纠纷，不会重复',
  },
  {
    key: 'channel',
    label: '受理渠道',
    synonyms: ['来源', '纠纷来源', '受理方式', '渠道'],
    example: '来访',
    note: `${Object.values(DISPUTE_CHANNEL_LABELS).join('、')}；不填为 其他`,
  },
  {
    key: 'category',
    label: '纠纷类别',
    synonyms: ['类别', '纠纷类型', '矛盾类型', '类型'],
    required: true,
    example: '邻里',
    note: '“矛盾纠纷类别”字典中的名称（见“可选值”表）',
  },
  {
    key: 'summary',
    label: '纠纷概要',
    synonyms: ['简要案情', '纠纷内容', '主要诉求', '基本情况', '概要'],
    required: true,
    example: '两户因宅基地界址发生争执',
    note: '不超过 4000 字',
  },
  {
    key: 'receivedOn',
    label: '受理日期',
    synonyms: ['登记日期', '受理时间', '来访日期'],
    required: true,
    example: '2024-03-05',
    note: '日期可写 2024-03-05、2024/3/5、2024年3月5日 或 Excel 日期；不能晚于今天',
  },
  TOWNSHIP_FIELD,
  {
    key: 'village',
    label: '村（社区）',
    synonyms: ['村', '社区', '村居', '村(社区)', '所属村'],
    example: '',
    note: '该乡镇在用的村或社区（见“可选值”表）',
  },
  {
    key: 'parties',
    label: '当事人',
    synonyms: ['申请人', '申请方', '当事人姓名', '申请人姓名'],
    required: true,
    example: '张建国、李秀英',
    note: '申请方，多人用顿号或分号分隔；单位可作当事人；系统中打码显示',
  },
  {
    key: 'idNumber',
    label: '身份证号',
    synonyms: ['公民身份号码', '身份证号码', '证件号码'],
    example: '41010219800101123X、—',
    note: '18 位，按国家标准核对校验位；多人时按当事人顺序分隔，单位或不详写“—”占位',
  },
  {
    key: 'phone',
    label: '联系电话',
    synonyms: ['电话', '手机', '手机号', '联系方式'],
    example: '13800000000',
    note: '11 位手机号或带区号的固定电话；多人时按当事人顺序分隔',
  },
  {
    key: 'partyKind',
    label: '当事人类型',
    synonyms: ['当事人性质'],
    example: '',
    note: '个人 或 单位，按当事人顺序分隔；不填时名称以“公司”“厂”“合作社”等结尾的按单位',
  },
  {
    key: 'respondents',
    label: '被申请人',
    synonyms: ['被申请方', '对方当事人', '被申请人姓名'],
    example: '王建华',
    note: '多人用顿号或分号分隔；单位可作被申请人',
  },
  { key: 'peopleInvolved', label: '涉及人数', synonyms: ['人数'], example: '2', note: '整数' },
  {
    key: 'amountInvolved',
    label: '涉及金额（元）',
    synonyms: ['涉及金额', '金额', '标的额'],
    example: '',
    note: '整数（元）',
  },
  {
    key: 'urgency',
    label: '紧急程度',
    synonyms: ['缓急程度'],
    example: '一般',
    note: '一般、紧急 或 特急，不填为 一般',
  },
  {
    key: 'riskColour',
    label: '风险等级',
    synonyms: ['风险颜色', '颜色等级', '预警等级'],
    example: '蓝色',
    note: '红色、橙色、黄色 或 蓝色（也可写 红、橙、黄、蓝），不填为 蓝色',
  },
  {
    key: 'level',
    label: '受理层级',
    synonyms: ['层级', '化解层级', '所在层级'],
    example: '县',
    note: `${Object.values(DISPUTE_LEVEL_LABELS).join('、')}，不填为 县；上交的填上交前的层级`,
  },
  ...ESCALATION_FIELDS,
  statusField(DISPUTE_STATUS_LABELS),
  {
    key: 'handlingKind',
    label: '调处方式',
    synonyms: ['化解方式', '调解方式', '分流方式'],
    example: '人民调解委员会',
    note: `${Object.values(HANDLING_KIND_LABELS).join('、')}；已分流、调处中和调解成功、调解不成的必填`,
  },
  {
    key: 'unit',
    label: '归口单位',
    synonyms: ['调解组织', '承办单位', '责任单位', '化解单位'],
    example: '城关镇人民调解委员会',
    note: '与调处方式同填；系统中没有的单位在导入时新建（可在基础数据中修改类别）',
  },
  { key: 'routedOn', label: '分流日期', synonyms: ['分流时间', '交办日期'], example: '', note: '不填按受理日期' },
  {
    key: 'dueDate',
    label: '办理时限',
    synonyms: ['办结时限', '期限'],
    example: '',
    note: '不填时按调处方式的期限自分流日期起算',
  },
  {
    key: 'result',
    label: '处理结果',
    synonyms: ['化解结果', '调处结果', '办理结果'],
    example: '',
    note: `${Object.values(DISPUTE_RESULT_LABELS).join('、')}；已回访、已销号必填`,
  },
  {
    key: 'resultOn',
    label: '结果日期',
    synonyms: ['化解日期', '办结日期', '调结日期'],
    example: '',
    note: '有处理结果的必填',
  },
  { key: 'agreement', label: '调解协议', synonyms: ['协议内容', '调解协议内容'], example: '', note: '' },
  {
    key: 'satisfaction',
    label: '当事人满意度',
    synonyms: ['满意度', '回访满意度', '回访结果'],
    example: '',
    note: '满意、基本满意 或 不满意；已回访、已销号必填',
  },
  { key: 'visitedOn', label: '回访日期', synonyms: ['回访时间'], example: '', note: '已回访、已销号必填' },
  { key: 'closedOn', label: '销号日期', synonyms: ['销号时间'], example: '', note: '已销号必填' },
];

export const disputeImportKind: ImportKind<ReadDispute> = {
  key: 'disputes',
  noun: '矛盾纠纷',
  keyField: 'disputeNo',
  instructions: {
    状态推定:
      '不填状态时：有销号日期为已销号，有回访日期为已回访，有结果日期或处理结果为该结果（不填处理结果为调解成功），填了分流日期、调处方式或归口单位为已分流，否则为已受理。已分流、调处中、调解成功和调解不成须有调处方式和归口单位；已回访及以后须有处理结果和当事人满意度。',
    日期核对:
      '已发生的日期不能晚于今天：受理 ≤ 分流 ≤ 结果 ≤ 回访 ≤ 销号；受理 ≤ 上交 ≤ 结果；办理时限不能早于分流日期。',
    上交: '“是否上交”为“是”或填了“上交至”的按上交记录，计入上交率：自受理层级上交至该层级，上交日期不填按受理日期，上交原因不填记为“导入：原台账未记原因”。已记上交的纠纷，再次导入不会撤销上交。',
  },
  fields: FIELDS,
  choices: importChoices,
  read(ctx, rows, problems) {
    const { today, numbers, townships, units } = ledgerReading(ctx, disputeImport, 'JF');
    const categories = dictIndex(ctx.sql, 'dispute_category', '纠纷类别');
    const villages = villageIndex(ctx.sql);
    const limits = ctx.settings.work.disputeTimeLimits;
    const escalations = storedEscalations(ctx.sql);
    return readRows(rows, problems, (row) => {
      const disputeNo = numbers.read(row, 'disputeNo', problems);
      const category = categories.find(row, 'category', problems, true);
      const summary = readText(row, 'summary', problems, { required: true, max: 4000 });
      const receivedOn = readDateCell(row, 'receivedOn', problems, true);
      const township = townships.find(row, 'township', problems, true);
      const village = township ? villages.find(row, 'village', problems, township) : null;
      const parties = readParties(row, problems);
      const status = readChoice<DisputeStatus>(row, 'status', problems, STATUS_WORDS);
      const result = readChoice<DisputeResult>(row, 'result', problems, RESULT_WORDS);
      const handlingKind = readChoice<HandlingKind>(row, 'handlingKind', problems, HANDLING_WORDS);
      const satisfaction = readChoice<Satisfaction>(row, 'satisfaction', problems, SATISFACTION_WORDS);
      const unit = units.find(row, 'unit', problems);
      const dates = {
        routedOn: readDateCell(row, 'routedOn', problems),
        dueDate: readDateCell(row, 'dueDate', problems),
        resultOn: readDateCell(row, 'resultOn', problems),
        visitedOn: readDateCell(row, 'visitedOn', problems),
        closedOn: readDateCell(row, 'closedOn', problems),
      };
      const value = {
        channel: readChoice<DisputeChannel>(row, 'channel', problems, CHANNEL_WORDS) ?? 'other',
        urgency: readChoice<DisputeUrgency>(row, 'urgency', problems, URGENCY_WORDS) ?? 'normal',
        riskColour: readChoice<DisputeRiskColour>(row, 'riskColour', problems, COLOUR_WORDS) ?? 'blue',
        peopleInvolved: readCount(row, 'peopleInvolved', problems, { min: 0, max: 1_000_000 }),
        amountInvolved: readCount(row, 'amountInvolved', problems, { min: 0, max: 1_000_000_000_000 }),
        agreement: readText(row, 'agreement', problems, { max: 2000 }) || null,
      };
      const level = readChoice<DisputeLevel>(row, 'level', problems, DISPUTE_LEVEL_WORDS) ?? 'county';
      if (!receivedOn) return { key: disputeNo, value: null };
      const history = disputeHistory(
        {
          ...dates,
          status,
          result,
          receivedOn,
          handlingKind: handlingKind !== null,
          unit: unit !== null,
          satisfaction: satisfaction !== null,
        },
        today,
      );
      for (const problem of history.problems) problems.error(row, problem.key, problem.message);
      const routedOn = history.routedOn;
      if (dates.dueDate && routedOn && compareDates(dates.dueDate, routedOn) < 0) {
        problems.error(row, 'dueDate', `“办理时限”不能早于分流日期（${routedOn}）`);
      }
      const dueDate =
        routedOn && handlingKind ? (dates.dueDate ?? disputeDueDate(routedOn, handlingKind, limits)) : null;
      const escalation = readEscalation(row, problems, {
        level,
        receivedOn,
        resultOn: dates.resultOn,
        today,
        stored: (disputeNo && escalations.get(disputeNo)) || null,
      });
      if (!category || !summary || !township || !parties) return { key: disputeNo, value: null };
      return {
        key: disputeNo,
        value: {
          ...value,
          ...dates,
          level: escalation?.to ?? level,
          escalation,
          category: category.code,
          summary,
          receivedOn,
          townshipCode: township.code,
          villageCode: village?.code ?? null,
          parties,
          status: history.status,
          result: history.result,
          handlingKind: routedOn ? handlingKind : null,
          unit: routedOn ? unit : null,
          routedOn,
          dueDate,
          satisfaction,
        },
      };
    });
  },
  ...ledgerImportKind(disputeImport),
};
