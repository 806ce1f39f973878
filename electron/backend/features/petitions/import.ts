import { PHONE_PATTERN } from '../../../../shared/contract/petitions';
import { checkIdNumber, petitionerOrdinal } from '../../../../shared/domain/id-number';
import {
  PETITION_ITEM_TYPE_LABELS,
  PETITION_LEVEL_LABELS,
  type PetitionItemType,
  type PetitionLevel,
} from '../../../../shared/domain/petitions/classification';
import { IMPORTED_STATUSES, petitionHistory, type ImportedStatus } from '../../../../shared/domain/petitions/history';
import { PETITION_STATUS_LABELS } from '../../../../shared/domain/petitions/statuses';
import { cellList, choicesOf, readChoice, readCount, readDateCell, readText } from '../../import/cells';
import type { ImportKind, ImportRow, ProblemLog } from '../../import/kind';
import { dictIndex } from '../../import/references';
import { ledgerImportKind, ledgerReading, readRows, statusField, TOWNSHIP_FIELD } from '../../ledger/import';
import { petitionImport, type ImportedPetitioner, type ReadCase } from './imported';

/**
 * The petition backlog from a centre's own workbook (issue 13): each case found again by its case
 * number, with its real dates and status (the rule is `petitionHistory`'s), its township by name,
 * its 承办单位 and 包案领导 made on the spot when new, its petitioners checked as registration
 * checks them (GB 11643 for ID numbers).
 */
const STATUS_LABELS = Object.fromEntries(IMPORTED_STATUSES.map((s) => [s, PETITION_STATUS_LABELS[s]])) as Record<
  ImportedStatus,
  string
>;
const STATUS_WORDS = choicesOf(STATUS_LABELS, {
  受理: 'accepted',
  交办: 'assigned',
  办理中: 'resolving',
  在办: 'resolving',
  办结: 'replied',
  复查: 'reviewing',
  复核: 're_reviewing',
  终结: 'final',
  复核终结: 'final',
  化解: 'resolved',
  销号: 'closed',
});
const LEVEL_WORDS = choicesOf(PETITION_LEVEL_LABELS, {
  县级: 'county',
  市级: 'city',
  省级: 'province',
  进京: 'national',
  赴京: 'national',
});
const ITEM_TYPE_WORDS = choicesOf<PetitionItemType>(PETITION_ITEM_TYPE_LABELS);

const FIELDS: ImportKind<ReadCase>['fields'] = [
  {
    key: 'caseNo',
    label: '案件编号',
    synonyms: ['编号', '积案编号', '案号', '信访件编号', '件号'],
    required: true,
    example: 'XF2024-000123',
    note: '每件积案一个编号；再次导入同一编号时更新该积案，不会重复',
  },
  TOWNSHIP_FIELD,
  {
    key: 'summary',
    label: '诉求摘要',
    synonyms: ['主要诉求', '信访事项', '反映问题', '诉求', '问题摘要', '简要案情'],
    required: true,
    example: '反映工地拖欠工资问题',
    note: '不超过 2000 字',
  },
  {
    key: 'petitioners',
    label: '信访人',
    synonyms: ['姓名', '信访人姓名', '上访人'],
    required: true,
    example: '王建国',
    note: '多人用顿号分隔，第一人为主要信访人；系统中打码显示',
  },
  {
    key: 'idNumber',
    label: '身份证号',
    synonyms: ['公民身份号码', '身份证号码', '证件号码'],
    example: '41010219800101123X',
    note: '18 位，按国家标准核对校验位；多人时按信访人顺序用顿号分隔',
  },
  {
    key: 'phone',
    label: '联系电话',
    synonyms: ['电话', '手机', '手机号', '联系方式'],
    example: '13800000000',
    note: '11 位手机号或带区号的固定电话；多人时按信访人顺序分隔',
  },
  { key: 'address', label: '住址', synonyms: ['地址', '家庭住址', '现住址'], example: '', note: '主要信访人的住址' },
  {
    key: 'receivedDate',
    label: '登记日期',
    synonyms: ['受理日期', '来访日期', '收件日期', '信访日期'],
    required: true,
    example: '2024-03-05',
    note: '日期可写 2024-03-05、2024/3/5、2024.3.5、2024年3月5日 或 Excel 日期；不能晚于今天',
  },
  {
    key: 'firstPetitionDate',
    label: '首次信访日期',
    synonyms: ['初次信访日期', '首次上访日期'],
    example: '2023-11-20',
    note: '不填按登记日期；不能晚于登记日期',
  },
  {
    key: 'petitionCount',
    label: '信访次数',
    synonyms: ['上访次数', '次数'],
    example: '3',
    note: '1–9999 的整数，不填为 1',
  },
  {
    key: 'highestLevel',
    label: '最高信访层级',
    synonyms: ['信访层级', '最高层级'],
    example: '县',
    note: '县、市、省 或 京，不填为 县',
  },
  {
    key: 'itemType',
    label: '事项类型',
    synonyms: ['信访事项类型', '类型'],
    example: '申诉求决',
    note: '建议意见、检举控告 或 申诉求决',
  },
  {
    key: 'category',
    label: '问题类别',
    synonyms: ['问题分类', '类别', '分类'],
    example: '劳动社保',
    note: '“问题类别”字典中的名称',
  },
  statusField(STATUS_LABELS),
  {
    key: 'handlingUnit',
    label: '承办单位',
    synonyms: ['责任单位', '主办单位'],
    example: '中牟县人社局',
    note: '已交办及以后必填；系统中没有的单位在导入时新建（可在基础数据中修改类别）',
  },
  {
    key: 'leader',
    label: '包案领导',
    synonyms: ['包保领导', '责任领导'],
    example: '王建国',
    note: '系统中没有的领导在导入时新建，归入本行的承办单位',
  },
  {
    key: 'acceptedDate',
    label: '受理决定日期',
    synonyms: ['受理时间', '决定受理日期'],
    example: '2024-03-06',
    note: '不填时已交办的积案按登记日期计（申诉求决类自此起算 60 日办结期限）',
  },
  { key: 'assignedDate', label: '交办日期', synonyms: ['转交日期'], example: '2024-03-08', note: '不填按登记日期' },
  {
    key: 'dueDate',
    label: '办理时限',
    synonyms: ['办结时限', '期限', '截止日期', '应办结日期'],
    example: '2024-05-04',
    note: '已交办的积案不填时按受理之日起 60 日计',
  },
  {
    key: 'replyDate',
    label: '答复日期',
    synonyms: ['办结日期', '处理意见书日期', '答复时间'],
    example: '',
    note: '出具处理意见书（办结）的日期；已办结必填，已化解、已销号不填时按化解日期计',
  },
  {
    key: 'reviewRequestedDate',
    label: '复查申请日期',
    synonyms: ['申请复查日期', '请求复查日期'],
    example: '',
    note: '信访人请求复查的日期；复查中及以后必填',
  },
  {
    key: 'reviewDecidedDate',
    label: '复查意见日期',
    synonyms: ['复查日期', '复查意见书日期'],
    example: '',
    note: '出具复查意见的日期；已复查及以后必填',
  },
  {
    key: 'reReviewRequestedDate',
    label: '复核申请日期',
    synonyms: ['申请复核日期', '请求复核日期'],
    example: '',
    note: '信访人请求复核的日期；复核中及以后必填',
  },
  {
    key: 'reReviewDecidedDate',
    label: '复核意见日期',
    synonyms: ['复核日期', '复核意见书日期', '终结日期'],
    example: '',
    note: '出具复核意见的日期；已终结必填（此后同一事实和理由不再受理）',
  },
  {
    key: 'resolvedDate',
    label: '化解日期',
    synonyms: ['化解时间', '息诉罢访日期'],
    example: '',
    note: '已化解、已销号必填',
  },
  { key: 'closedDate', label: '销号日期', synonyms: ['销号时间'], example: '', note: '已销号必填' },
  { key: 'outcome', label: '化解结果', synonyms: ['办理结果', '处理结果'], example: '', note: '' },
  { key: 'resolutionPlan', label: '化解方案', example: '', note: '' },
  { key: 'stabilityMeasures', label: '稳控措施', example: '', note: '' },
];

/** The petitioners of a row: names with their ID numbers and phones in the same order. */
function readPetitioners(row: ImportRow, problems: ProblemLog): ImportedPetitioner[] | null {
  const names = cellList(row, 'petitioners');
  const ids = cellList(row, 'idNumber');
  const phones = cellList(row, 'phone');
  const before = problems.errors;
  if (names.length === 0) problems.error(row, 'petitioners', '不能为空');
  if (names.length > 50) problems.error(row, 'petitioners', '信访人不能超过 50 名');
  if (names.some((name) => Array.from(name).length > 50)) problems.error(row, 'petitioners', '姓名不能超过 50 个字');
  if (ids.length > names.length) problems.error(row, 'idNumber', '身份证号比信访人多，请按信访人顺序填写');
  if (phones.length > names.length) problems.error(row, 'phone', '电话比信访人多，请按信访人顺序填写');
  const checked = ids.map((id, index) => {
    const { value, problem, warning } = checkIdNumber(id);
    if (problem) problems.error(row, 'idNumber', `“${id}”：${petitionerOrdinal(index)}${problem}`);
    if (warning) problems.warning(row, 'idNumber', `“${id}”：${petitionerOrdinal(index)}${warning}`);
    return value;
  });
  for (const phone of phones) {
    if (!PHONE_PATTERN.test(phone)) problems.error(row, 'phone', `“${phone}”：电话应为 11 位手机号或带区号的固话`);
  }
  const address = readText(row, 'address', problems, { max: 200 }) || null;
  if (problems.errors > before) return null;
  return names.map((name, index) => ({
    name,
    idNumber: checked[index] ?? null,
    phone: phones[index] ?? null,
    address: index === 0 ? address : null,
  }));
}

export const petitionImportKind: ImportKind<ReadCase> = {
  key: 'petitions',
  noun: '信访积案',
  keyField: 'caseNo',
  instructions: {
    状态推定:
      '不填状态时：有销号日期为已销号，有化解日期为已化解，有复核意见日期为已终结，有复核申请日期为复核中，有复查意见日期为已复查，有复查申请日期为复查中，有答复日期为已办结，有交办日期或承办单位为已交办，填了事项类型和问题类别为梳理分类（另有受理决定日期为已受理），否则为排查。已交办及以后须有承办单位；未填受理决定日期和交办日期按登记日期计，未填办理时限按受理之日起 60 日计。已终结的积案导入后，同一信访人就同一问题类别再次登记按不再受理处理。',
    日期核对:
      '已发生的日期不能晚于今天：首次信访 ≤ 登记 ≤ 受理 ≤ 交办 ≤ 答复 ≤ 复查申请 ≤ 复查意见 ≤ 复核申请 ≤ 复核意见 ≤ 化解 ≤ 销号；办理时限不能早于交办（登记）日期。',
  },
  fields: FIELDS,
  read(ctx, rows, problems) {
    const { today, numbers, townships, units, leaders } = ledgerReading(ctx, petitionImport, 'XF');
    const categories = dictIndex(ctx.sql, 'petition_category', '问题类别');
    return readRows(rows, problems, (row) => {
      const caseNo = numbers.read(row, 'caseNo', problems);
      const township = townships.find(row, 'township', problems, true);
      const summary = readText(row, 'summary', problems, { required: true, max: 2000 });
      const petitioners = readPetitioners(row, problems);
      const receivedDate = readDateCell(row, 'receivedDate', problems, true);
      const itemType = readChoice(row, 'itemType', problems, ITEM_TYPE_WORDS);
      const category = categories.find(row, 'category', problems);
      const status = readChoice<ImportedStatus>(row, 'status', problems, STATUS_WORDS);
      const handlingUnit = units.find(row, 'handlingUnit', problems);
      const leader = leaders.find(row, 'leader', problems);
      if (leader && 'make' in leader && !handlingUnit) {
        problems.error(row, 'leader', `新建包案领导“${leader.make}”须同时填写承办单位（领导归入该单位）`);
      }
      const dates = {
        firstPetitionDate: readDateCell(row, 'firstPetitionDate', problems),
        acceptedDate: readDateCell(row, 'acceptedDate', problems),
        assignedDate: readDateCell(row, 'assignedDate', problems),
        dueDate: readDateCell(row, 'dueDate', problems),
        replyDate: readDateCell(row, 'replyDate', problems),
        reviewRequestedDate: readDateCell(row, 'reviewRequestedDate', problems),
        reviewDecidedDate: readDateCell(row, 'reviewDecidedDate', problems),
        reReviewRequestedDate: readDateCell(row, 'reReviewRequestedDate', problems),
        reReviewDecidedDate: readDateCell(row, 'reReviewDecidedDate', problems),
        resolvedDate: readDateCell(row, 'resolvedDate', problems),
        closedDate: readDateCell(row, 'closedDate', problems),
      };
      const value = {
        petitionCount: readCount(row, 'petitionCount', problems, { min: 1, max: 9999 }, 1),
        highestLevel: readChoice<PetitionLevel>(row, 'highestLevel', problems, LEVEL_WORDS) ?? 'county',
        outcome: readText(row, 'outcome', problems, { max: 2000 }) || null,
        resolutionPlan: readText(row, 'resolutionPlan', problems, { max: 4000 }),
        stabilityMeasures: readText(row, 'stabilityMeasures', problems, { max: 4000 }),
      };
      if (!receivedDate) return { key: caseNo, value: null };
      const history = petitionHistory(
        { ...dates, status, itemType, receivedDate, classified: !!itemType && !!category, hasUnit: !!handlingUnit },
        today,
      );
      for (const problem of history.problems) problems.error(row, problem.key, problem.message);
      for (const note of history.notes) problems.warning(row, note.key, note.message);
      if (!township || !summary || !petitioners || value.petitionCount === null) return { key: caseNo, value: null };
      if (leader === null && IMPORTED_STATUSES.indexOf(history.status) >= IMPORTED_STATUSES.indexOf('assigned')) {
        problems.warning(row, 'leader', '未填包案领导，该积案不计入包案化解率');
      }
      return {
        key: caseNo,
        value: {
          ...value,
          ...dates,
          petitionCount: value.petitionCount,
          townshipCode: township.code,
          summary,
          petitioners,
          receivedDate,
          itemType,
          category: category?.code ?? null,
          status: history.status,
          firstPetitionDate: history.firstPetitionDate,
          acceptedDate: history.acceptedDate,
          assignedDate: history.assignedDate,
          dueDate: history.dueDate,
          replyDate: history.replyDate,
          conclusionDueDate: history.conclusionDueDate,
          handlingUnit,
          leader,
        },
      };
    });
  },
  ...ledgerImportKind(petitionImport),
};
