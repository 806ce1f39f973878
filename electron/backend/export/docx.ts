import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import {
  chineseNumeral,
  documentDate,
  type ReportDocument,
  type ReportTable,
} from '../../../shared/domain/reports/document';

/**
 * A report as a Word file laid out after the official-document format (GB/T 9704): A4 with the
 * standard margins, the masthead in red 小标宋 over a red rule, the title in 小标宋 二号, the body in
 * 仿宋 三号 on a fixed 28 pt line, section headings 黑体, the figures in a ruled table, then the
 * signer and drafter. Fonts are named as Chinese office PCs have them; Word falls back where not.
 */
const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', table: '仿宋_GB2312' };
const RED = 'C00000';
/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const SIZE = { masthead: 52, title: 44, body: 32, table: 28 };
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt
/** A4 in twips, as Word writes it (210 × 297 mm rounded the usual way). */
const A4 = { width: 11906, height: 16838 };

const run = (text: string, font: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: { eastAsia: font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size, ...extra });

const bodyParagraph = (text: string) =>
  new Paragraph({ children: [run(text, FONT.body, SIZE.body)], indent: { firstLine: 640 }, spacing: LINE });

function ruledTable(figures: ReportTable): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run(text, header ? FONT.heading : FONT.table, SIZE.table)],
        }),
      ],
      verticalAlign: VerticalAlign.CENTER,
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: figures.columns.map((c) => cell(c, true)) }),
      ...figures.rows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) })),
    ],
  });
}

/** A table under its caption: the figures at the end, and a section's own tables after its paragraphs. */
const captionedTable = (table: ReportTable) => [
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 120 },
    children: [run(table.caption, FONT.heading, SIZE.table)],
  }),
  ruledTable(table),
];

export async function buildReportDocx(report: ReportDocument): Promise<Buffer> {
  const masthead = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(report.masthead, FONT.title, SIZE.masthead, { color: RED })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(report.issueNo, FONT.body, SIZE.body)] }),
    new Paragraph({
      tabStops: [{ type: 'right', position: convertMillimetersToTwip(156) }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } },
      children: [run(`${report.issuer}\t${documentDate(report.date)}`, FONT.body, SIZE.body)],
    }),
  ];
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 480, after: 240 },
    children: [run(report.title, FONT.title, SIZE.title)],
  });
  const sections = report.sections.flatMap((section, index) => [
    new Paragraph({
      indent: { firstLine: 640 },
      spacing: LINE,
      children: [run(`${chineseNumeral(index + 1)}、${section.heading}`, FONT.heading, SIZE.body)],
    }),
    ...section.paragraphs.map(bodyParagraph),
    ...(section.tables ?? []).flatMap(captionedTable),
  ]);
  const figures = captionedTable(report.figures);
  const signature = new Paragraph({
    spacing: { before: 480, ...LINE },
    tabStops: [{ type: 'right', position: convertMillimetersToTwip(156) }],
    children: [run(`签发：${report.signer}\t拟稿：${report.drafter}`, FONT.body, SIZE.body)],
  });
  const document = new Document({
    creator: '综治工作台',
    title: report.title,
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        children: [...masthead, title, ...sections, ...figures, signature],
      },
    ],
  });
  return Packer.toBuffer(document);
}
