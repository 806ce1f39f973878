import { PHONE_PATTERN } from '../../../../shared/contract/petitions';
import { PARTY_KIND_LABELS, type PartyKind } from '../../../../shared/domain/disputes/intake';
import { checkIdNumber } from '../../../../shared/domain/id-number';
import { cellList, choicesOf } from '../../import/cells';
import type { ImportRow, ProblemLog } from '../../import/kind';
import type { PartyValues } from './parties';

/**
 * A row's parties: the 当事人 column (申请方) and the 被申请人 column, several in a cell separated
 * by 、；， or spaces; ID numbers and phones in the 当事人's order (「—」 or 「无」 keeps a place).
 * A party is an organisation when the 当事人类型 column says 单位 in its place, or, without one,
 * when its name ends as an organisation's does (公司, 厂, 合作社 …), which the preview notes.
 */
const KIND_WORDS = choicesOf(PARTY_KIND_LABELS, { 自然人: 'person', 法人: 'organisation', 组织: 'organisation' });
const ORGANISATION_NAME =
  /(公司|厂|局|委员会|村委会|居委会|合作社|中心|学校|医院|银行|集团|商店|超市|酒店|门店|协会|政府|办事处|物业|站|所|院)$/;
const PLACEHOLDER = /^[—\-－/无]+$/;

const ordinal = (index: number) => `第 ${index + 1} 位当事人`;
const slots = (row: ImportRow, key: string): Array<string | null> =>
  cellList(row, key).map((v) => (PLACEHOLDER.test(v) ? null : v));

function kindsOf(row: ImportRow, names: readonly string[], problems: ProblemLog): PartyKind[] {
  const given = cellList(row, 'partyKind');
  if (given.length > names.length) problems.error(row, 'partyKind', '当事人类型比当事人多，请按当事人顺序填写');
  return names.map((name, index) => {
    const word = given[index];
    if (word !== undefined) {
      const kind = KIND_WORDS[word];
      if (!kind) problems.error(row, 'partyKind', `“${word}”不是可选值，应为：个人、单位`);
      return kind ?? 'person';
    }
    if (!ORGANISATION_NAME.test(name)) return 'person';
    problems.warning(row, 'parties', `“${name}”按单位当事人导入（如是个人，请在“当事人类型”列写“个人”）`);
    return 'organisation';
  });
}

export function readParties(row: ImportRow, problems: ProblemLog): PartyValues[] | null {
  const names = cellList(row, 'parties');
  const respondents = cellList(row, 'respondents');
  const ids = slots(row, 'idNumber');
  const phones = slots(row, 'phone');
  const before = problems.errors;
  if (names.length === 0) problems.error(row, 'parties', '不能为空');
  if (names.length + respondents.length > 50) problems.error(row, 'parties', '当事人不能超过 50 位');
  for (const key of ['parties', 'respondents'] as const) {
    const list = key === 'parties' ? names : respondents;
    if (list.some((name) => Array.from(name).length > 100)) problems.error(row, key, '名称不能超过 100 个字');
  }
  if (ids.length > names.length) problems.error(row, 'idNumber', '身份证号比当事人多，请按当事人顺序填写');
  if (phones.length > names.length) problems.error(row, 'phone', '电话比当事人多，请按当事人顺序填写');
  const kinds = kindsOf(row, names, problems);
  const checked = ids.map((id, index) => {
    if (id === null) return null;
    if (kinds[index] === 'organisation') {
      problems.error(row, 'idNumber', `“${id}”：${ordinal(index)}是单位，不填身份证号（可写“—”占位）`);
      return null;
    }
    const { value, problem, warning } = checkIdNumber(id);
    if (problem) problems.error(row, 'idNumber', `“${id}”：${ordinal(index)}的${problem}`);
    if (warning) problems.warning(row, 'idNumber', `“${id}”：${ordinal(index)}的${warning}`);
    return value;
  });
  for (const phone of phones) {
    if (phone !== null && !PHONE_PATTERN.test(phone)) {
      problems.error(row, 'phone', `“${phone}”：电话应为 11 位手机号或带区号的固话`);
    }
  }
  if (problems.errors > before) return null;
  return [
    ...names.map((name, index) => ({
      kind: kinds[index]!,
      side: 'applicant' as const,
      name,
      idNumber: checked[index] ?? null,
      phone: phones[index] ?? null,
    })),
    ...respondents.map((name) => ({
      kind: ORGANISATION_NAME.test(name) ? ('organisation' as const) : ('person' as const),
      side: 'respondent' as const,
      name,
      idNumber: null,
      phone: null,
    })),
  ];
}
