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
  TableLayoutType,
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
/** The type area's width: A4 less the left (28 mm) and right (26 mm) margins. */
const TYPE_AREA = convertMillimetersToTwip(156);

/** Half-widths a text takes: 2 for a Chinese character, 1 for a digit, letter or sign. */
const widthOf = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0);

/** A half-width at the tables' size, in twips (14 pt: a Chinese character 280), and a cell's margins. */
const HALF = SIZE.table * 5;
const CELL_MARGINS = 216;

/**
 * Column widths by what each column holds: its widest cell, and its heading at three characters a
 * line (a longer heading takes two lines or more). Room to spare goes to every column; a shortfall
 * is taken from the columns whose heading wraps anyway, so 排名 stays on one line. Equal columns
 * wrapped 100.00% and 道路交通事故 while 排名 stood half empty.
 */
function columnWidths(table: ReportTable): number[] {
  const columns = table.columns.map((heading, c) => {
    const widest = Math.max(0, ...table.rows.map((row) => widthOf(row[c] ?? '')));
    const header = widthOf(heading);
    const halves = Math.max(widest, Math.min(header, Math.max(6, Math.ceil(header / 2))));
    return { need: halves * HALF + CELL_MARGINS, firm: header <= halves };
  });
  const total = columns.reduce((n, c) => n + c.need, 0);
  const firm = columns.reduce((n, c) => n + (c.firm ? c.need : 0), 0);
  const shrinks = total > TYPE_AREA && total > firm && firm < TYPE_AREA;
  const scale = shrinks ? (TYPE_AREA - firm) / (total - firm) : TYPE_AREA / total;
  return columns.map((c) => Math.floor(shrinks && c.firm ? c.need : c.need * scale));
}

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
    width: { size: TYPE_AREA, type: WidthType.DXA },
    columnWidths: columnWidths(figures),
    layout: TableLayoutType.FIXED,
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
      tabStops: [{ type: 'right', position: TYPE_AREA }],
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
    tabStops: [{ type: 'right', position: TYPE_AREA }],
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
