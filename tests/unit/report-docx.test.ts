import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../electron/backend/export/docx';
import { chineseNumeral, documentDate, type ReportDocument } from '../../shared/domain/reports/document';

const REPORT: ReportDocument = {
  kind: 'daily',
  masthead: '综治工作日报',
  issueNo: '第 326 期',
  issuer: '青禾县社会治理综合服务中心',
  date: '2026-11-22',
  title: '关于2026年11月22日社会稳定形势的日报',
  sections: [
    { heading: '今日总体情况', paragraphs: ['今日新登记信访积案 3 件，新发现风险隐患 2 处。'] },
    {
      heading: '研判与交办',
      paragraphs: ['对南关街道欠薪隐患进行研判，交办县人社局 11 月 25 日前处置。', '其余平稳。'],
    },
  ],
  figures: {
    caption: '今日主要数据',
    columns: ['项目', '数量'],
    rows: [
      ['新登记积案', '3'],
      ['超期积案', '12'],
    ],
  },
  signer: '刘带班',
  drafter: '王值班',
};

/** The text of the document body as Word stores it: the runs' text, joined. */
async function bodyText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('report as an official-document Word file', () => {
  it('numbers sections in Chinese and writes document dates', () => {
    expect([1, 2, 9, 10, 11, 20, 35, 99].map(chineseNumeral)).toEqual([
      '一',
      '二',
      '九',
      '十',
      '十一',
      '二十',
      '三十五',
      '九十九',
    ]);
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(documentDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('opens as a .docx and holds the masthead, title, numbered sections, figures table and signatures', async () => {
    const bytes = await buildReportDocx(REPORT);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const text = await bodyText(bytes);
    const inOrder = [
      '综治工作日报',
      '第 326 期',
      '青禾县社会治理综合服务中心',
      '2026年11月22日',
      '关于2026年11月22日社会稳定形势的日报',
      '一、今日总体情况',
      '今日新登记信访积案 3 件',
      '二、研判与交办',
      '其余平稳。',
      '今日主要数据',
      '超期积案',
      '12',
      '签发：刘带班',
      '拟稿：王值班',
    ];
    let from = 0;
    for (const part of inOrder) {
      const at = text.indexOf(part, from);
      expect([part, at >= 0]).toEqual([part, true]);
      from = at + part.length;
    }
    const xml = await zip.file('word/document.xml')!.async('string');
    // A4 page with the official margins, and the masthead in red.
    expect(xml).toContain('w:w="11906"');
    expect(xml).toMatch(/<w:color w:val="C00000"\/>/);
    expect((xml.match(/<w:tr>/g) ?? []).length + (xml.match(/<w:tr /g) ?? []).length).toBe(3);
  });
});
