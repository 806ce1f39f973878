import { describe, expect, it } from 'vitest';
import { dateFromSerial, readDate } from '../../shared/domain/import/dates';
import {
  columnLetter,
  fieldOfHeader,
  findHeaderRow,
  mapColumns,
  missingFields,
  type ImportField,
} from '../../shared/domain/import/headers';
import { bareName, matchName } from '../../shared/domain/import/names';

describe('dates in every common form', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024 年 3 月 5 号', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024-03-05 14:30', '2024-03-05'],
    ['2024/03/05T08:00:00', '2024-03-05'],
    ['45356', '2024-03-05'],
  ])('reads the text %s', (text, date) => {
    expect(readDate(text)).toEqual({ date });
  });

  it('reads Excel serial numbers and date cells', () => {
    expect(readDate(45356)).toEqual({ date: '2024-03-05' });
    expect(readDate(45356.75)).toEqual({ date: '2024-03-05' });
    expect(dateFromSerial(61)).toEqual({ date: '1900-03-01' });
    expect(readDate(new Date(Date.UTC(2024, 2, 5)))).toEqual({ date: '2024-03-05' });
    expect(readDate(new Date(Date.UTC(2199, 11, 31)))).toEqual({ date: '2199-12-31' });
    expect(dateFromSerial(109_574)).toEqual({ date: '2199-12-31' });
  });

  it('names what is not a date', () => {
    expect(readDate('2023-02-29')).toEqual({ problem: '2023年2月29日不是有效日期' });
    expect(readDate('三月五日')).toEqual({ problem: '“三月五日”不是可识别的日期，请写成 2024-03-05 或 2024年3月5日' });
    expect(readDate(12)).toEqual({ problem: '数字 12 不是 Excel 日期' });
    expect(readDate(true)).toEqual({ problem: '不是日期' });
    expect(readDate(new Date(Number.NaN))).toEqual({ problem: '日期单元格无效' });
  });
});

const FIELDS: ImportField[] = [
  { key: 'caseNo', label: '案件编号', synonyms: ['编号', '信访件编号'], required: true },
  { key: 'township', label: '乡镇', synonyms: ['乡镇(街道)', '属地', '所属乡镇'], required: true },
  { key: 'leader', label: '包案领导', synonyms: ['包保领导', '责任领导'] },
  { key: 'receivedOn', label: '登记日期', synonyms: ['受理时间', '来访日期'], required: true },
];

describe('header row and column mapping', () => {
  it('matches labels and synonyms whatever their spacing, stars or brackets', () => {
    expect(fieldOfHeader(' 包 保 领 导 ', FIELDS)?.key).toBe('leader');
    expect(fieldOfHeader('*案件编号', FIELDS)?.key).toBe('caseNo');
    expect(fieldOfHeader('乡镇（街道）', FIELDS)?.key).toBe('township');
    expect(fieldOfHeader('来访日期(年月日)', FIELDS)?.key).toBe('receivedOn');
    expect(fieldOfHeader('备注', FIELDS)).toBeUndefined();
    expect(fieldOfHeader('', FIELDS)).toBeUndefined();
  });

  it('finds the header under title rows and merged cells, and maps reordered columns', () => {
    const rows = [
      ['某某县信访积案包保台账', '某某县信访积案包保台账', '某某县信访积案包保台账', ''],
      ['填报单位：县综治中心', '', '', '编号说明'],
      ['序号', '基本情况', '基本情况', '办理'],
      ['序号', '属地', '信访件编号', '包保领导', '备注', '受理时间'],
      ['1', '石楼', 'XF-1', '张三', '', '2024/3/5'],
    ];
    const header = findHeaderRow(rows, FIELDS);
    expect(header).toBe(3);
    const mapping = mapColumns(rows[3], FIELDS);
    expect(mapping).toEqual({ 1: 'township', 2: 'caseNo', 3: 'leader', 5: 'receivedOn' });
    expect(missingFields(mapping, FIELDS)).toEqual([]);
  });

  it('refuses a sheet with no row naming two fields, and names the missing required ones', () => {
    expect(findHeaderRow([['编号说明'], ['1', '2']], FIELDS)).toBeNull();
    const mapping = mapColumns(['编号', '包案领导', '编号'], FIELDS);
    expect(mapping).toEqual({ 0: 'caseNo', 1: 'leader' });
    expect(missingFields(mapping, FIELDS).map((f) => f.label)).toEqual(['乡镇', '登记日期']);
  });

  it('lets a saved mapping override the automatic one', () => {
    const mapping = mapColumns(['属地', '责任单位'], FIELDS, { 责任单位: 'leader', 属地: '' });
    expect(mapping).toEqual({ 1: 'leader' });
  });

  it('names columns as the spreadsheet does', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });
});

describe('place names', () => {
  const TOWNSHIPS = [
    { code: '1', name: '石楼镇' },
    { code: '2', name: '城关街道办事处' },
    { code: '3', name: '石门乡' },
    { code: '4', name: '南关村' },
  ];

  it('strips administrative suffixes', () => {
    expect(['石楼镇', '城关街道办事处', '城关街道', '回族民族乡', '镇', ' 南关 村 '].map(bareName)).toEqual([
      '石楼',
      '城关',
      '城关',
      '回族',
      '镇',
      '南关',
    ]);
  });

  it('takes an exact or a unique suffix-free match, and suggests near names otherwise', () => {
    expect(matchName('石楼镇', TOWNSHIPS)).toEqual({ match: TOWNSHIPS[0] });
    expect(matchName('石楼', TOWNSHIPS)).toEqual({ match: TOWNSHIPS[0] });
    expect(matchName('城关街道', TOWNSHIPS)).toEqual({ match: TOWNSHIPS[1] });
    expect(matchName('石娄镇', TOWNSHIPS)).toEqual({ suggestions: [TOWNSHIPS[0], TOWNSHIPS[2]] });
    expect(matchName('东风', TOWNSHIPS)).toEqual({ suggestions: [] });
  });
});
