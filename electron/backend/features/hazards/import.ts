import { HAZARD_LEVEL_LABELS, HAZARD_LEVEL_SHORT_LABELS } from '../../../../shared/domain/risks/hazard-levels';
import { HAZARD_SOURCE_LABELS, type HazardSource } from '../../../../shared/domain/risks/hazard-record';
import { hazardHistory } from '../../../../shared/domain/risks/hazard-history';
import { HAZARD_STATUS_LABELS, type HazardStatus } from '../../../../shared/domain/risks/hazard-statuses';
import { choicesOf, readChoice, readCount, readDateCell, readText } from '../../import/cells';
import type { ImportKind } from '../../import/kind';
import { dictIndex } from '../../import/references';
import { ledgerImportKind, ledgerReading, readRows, statusField, TOWNSHIP_FIELD } from '../../ledger/import';
import { hazardImport, type ReadHazard } from './imported';

/**
 * Risk hazards from a centre's own workbook: found again by number, with their colour, status and
 * dates (the rule is `hazardHistory`'s), township by name, a new 包保领导 made on the spot in the
 * 责任单位 the row names.
 */
const LEVEL_WORDS = choicesOf(HAZARD_LEVEL_LABELS, {
  ...choicesOf(HAZARD_LEVEL_SHORT_LABELS),
  红色预警: 'red',
  橙色预警: 'orange',
  黄色预警: 'yellow',
  蓝色预警: 'blue',
});
const STATUS_WORDS = choicesOf(HAZARD_STATUS_LABELS, { 销号: 'closed', 化解: 'resolved', 在办: 'resolving' });
const SOURCE_WORDS = choicesOf(HAZARD_SOURCE_LABELS, { 网格: 'grid', 网格员: 'grid', 来信来访: 'petition' });

const FIELDS: ImportKind<ReadHazard>['fields'] = [
  {
    key: 'hazardNo',
    label: '隐患编号',
    synonyms: ['编号', '风险隐患编号', '序号编码'],
    required: true,
    example: 'FX2024-000045',
    note: '每条隐患一个编号；再次导入同一编号时更新，不会重复',
  },
  {
    key: 'title',
    label: '隐患名称',
    synonyms: ['名称', '风险隐患', '隐患事项', '风险点'],
    required: true,
    example: '某小区业主集中反映交房延期',
    note: '不超过 100 字',
  },
  {
    key: 'category',
    label: '隐患类别',
    synonyms: ['类别', '风险类别', '类型'],
    required: true,
    example: '问题楼盘',
    note: '“隐患类别”字典中的名称',
  },
  {
    key: 'level',
    label: '风险等级',
    synonyms: ['颜色等级', '等级', '风险颜色', '预警等级'],
    required: true,
    example: '橙色',
    note: '红色、橙色、黄色 或 蓝色（也可写 红、橙、黄、蓝）',
  },
  TOWNSHIP_FIELD,
  {
    key: 'foundOn',
    label: '发现日期',
    synonyms: ['排查日期', '登记日期', '发现时间'],
    required: true,
    example: '2024-03-05',
    note: '不能晚于今天',
  },
  {
    key: 'source',
    label: '来源',
    synonyms: ['隐患来源', '发现途径'],
    example: '排查',
    note: '网格员上报、排查、热线、信访 或 其他，不填为 其他',
  },
  { key: 'description', label: '基本情况', synonyms: ['情况描述', '具体情况', '简要情况'], example: '', note: '' },
  { key: 'peopleInvolved', label: '涉及人数', synonyms: ['涉及群众', '人数'], example: '120', note: '整数' },
  statusField(HAZARD_STATUS_LABELS),
  {
    key: 'leader',
    label: '包保领导',
    synonyms: ['包案领导', '责任领导'],
    example: '王建国',
    note: '系统中没有的领导在导入时新建，归入本行的责任单位',
  },
  {
    key: 'unit',
    label: '责任单位',
    synonyms: ['包保单位', '牵头单位'],
    example: '城关镇人民政府',
    note: '新建包保领导时归入的单位；系统中没有的单位导入时新建',
  },
  { key: 'plan', label: '化解方案', example: '', note: '' },
  { key: 'measures', label: '稳控化解措施', synonyms: ['化解措施', '稳控措施', '工作措施'], example: '', note: '' },
  { key: 'resolvedOn', label: '化解日期', synonyms: ['化解时间'], example: '', note: '已化解、已销号必填' },
  { key: 'closedOn', label: '销号日期', synonyms: ['销号时间'], example: '', note: '已销号必填' },
  { key: 'outcome', label: '化解结果', synonyms: ['办理结果'], example: '', note: '' },
];

export const hazardImportKind: ImportKind<ReadHazard> = {
  key: 'hazards',
  noun: '风险隐患',
  keyField: 'hazardNo',
  instructions: {
    状态推定: '不填状态时：有销号日期为已销号，有化解日期为已化解，填了包保领导或措施为化解中，否则为发现。',
    日期核对: '已发生的日期不能晚于今天：发现 ≤ 化解 ≤ 销号。',
  },
  fields: FIELDS,
  read(ctx, rows, problems) {
    const { today, numbers, townships, units, leaders } = ledgerReading(ctx, hazardImport, 'FX');
    const categories = dictIndex(ctx.sql, 'hazard_category', '隐患类别');
    return readRows(rows, problems, (row) => {
      const hazardNo = numbers.read(row, 'hazardNo', problems);
      const title = readText(row, 'title', problems, { required: true, max: 100 });
      const category = categories.find(row, 'category', problems, true);
      const level = readChoice(row, 'level', problems, LEVEL_WORDS, true);
      const township = townships.find(row, 'township', problems, true);
      const foundOn = readDateCell(row, 'foundOn', problems, true);
      const status = readChoice<HazardStatus>(row, 'status', problems, STATUS_WORDS);
      const unit = units.find(row, 'unit', problems);
      const leader = leaders.find(row, 'leader', problems);
      if (leader && 'make' in leader && !unit) {
        problems.error(row, 'leader', `新建包保领导“${leader.make}”须同时填写责任单位（领导归入该单位）`);
      }
      const value = {
        source: readChoice<HazardSource>(row, 'source', problems, SOURCE_WORDS) ?? 'other',
        description: readText(row, 'description', problems, { max: 2000 }),
        peopleInvolved: readCount(row, 'peopleInvolved', problems, { min: 0, max: 1_000_000 }),
        plan: readText(row, 'plan', problems, { max: 4000 }),
        measures: readText(row, 'measures', problems, { max: 4000 }),
        outcome: readText(row, 'outcome', problems, { max: 2000 }) || null,
        resolvedOn: readDateCell(row, 'resolvedOn', problems),
        closedOn: readDateCell(row, 'closedOn', problems),
      };
      if (!foundOn) return { key: hazardNo, value: null };
      const history = hazardHistory({ ...value, status, foundOn, worked: !!leader || value.measures !== '' }, today);
      for (const problem of history.problems) problems.error(row, problem.key, problem.message);
      if (!title || !category || !level || !township) return { key: hazardNo, value: null };
      return {
        key: hazardNo,
        value: {
          ...value,
          title,
          category: category.code,
          level,
          townshipCode: township.code,
          foundOn,
          status: history.status,
          unit,
          leader,
        },
      };
    });
  },
  ...ledgerImportKind(hazardImport),
};
