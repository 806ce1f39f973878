import { COUNTY_UTC_OFFSET_MS } from '../../../shared/domain/time';
import { xlsxPackageFiles, XlsxStyle } from './xlsx-package';
import { xmlText } from './xlsx-xml';
import { ZipWriter } from './zip';

/** What a column holds: its cells' type and format, and the least width that shows it. */
export type XlsxColumnKind = 'text' | 'number' | 'date' | 'time';

export interface XlsxColumn<Row> {
  header: string;
  /** In characters; raised to fit the header (and its filter button) and the kind's values. */
  width: number;
  /** `date` reads `YYYY-MM-DD`, `time` a stored ISO timestamp (shown in the county's time); both become real dates. */
  kind?: XlsxColumnKind;
  value: (row: Row) => string | number | null;
}

/** Two rows above the header: the title, then what was exported (the filter, the time). */
export interface XlsxHeading {
  title: string;
  description: string;
}

/** The least width of a kind's values (`2026-12-06`, `2026-12-06 15:30`). */
const KIND_WIDTH: Record<XlsxColumnKind, number> = { text: 6, number: 6, date: 12, time: 17 };
/** A wide (CJK) character takes two units of a column's width; the filter button about three. */
const displayWidth = (text: string) => [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
export const columnWidth = (column: XlsxColumn<never>): number =>
  Math.max(column.width, KIND_WIDTH[column.kind ?? 'text'], displayWidth(column.header) + 4);

/** Column letters A, B, … AA. */
const letter = (index: number): string =>
  (index >= 26 ? letter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** Days since Excel's epoch (1899-12-30) of a calendar date or of a clock reading, both in UTC terms. */
const EPOCH = Date.UTC(1899, 11, 30);
const serialOf = (utcMs: number) => (utcMs - EPOCH) / 86_400_000;
const dateSerial = (date: string) => serialOf(Date.parse(`${date.slice(0, 10)}T00:00:00Z`));
const timeSerial = (iso: string) => serialOf(Date.parse(iso) + COUNTY_UTC_OFFSET_MS);

/** Text whose whitespace a reader would trim or fold unless told to keep it (most cells have none). */
const SPACED = /^\s|\s$|[\t\n\r]/;

const textCell = (ref: string, text: string, style = 0) =>
  `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t${SPACED.test(text) ? ' xml:space="preserve"' : ''}>${xmlText(text)}</t></is></c>`;

/**
 * One worksheet the way every export of the app hands it on: a title row and a row saying what
 * was exported above a bold header row, the panes frozen below the header, an autofilter on it,
 * each column as wide as its declaration says, dates as real dates. Rows are turned into
 * SpreadsheetML as they come and deflated at once (`zip.ts`), so 100,000 rows never
 * stand as objects and the file is done within a few seconds; strings are written inline (no
 * shared-string table to build at the end). `finish` returns the .xlsx bytes.
 *
 * Written by hand rather than with ExcelJS: its streaming writer spent 6.4 s on 100,000 rows of 17
 * columns here, most of it rendering and looking up each cell's style; this takes under a second
 * for the same rows (scripts/bench-export.ts).
 */
export class XlsxWriter<Row> {
  private readonly zip = new ZipWriter();
  private readonly letters: string[];
  private readonly cells: Array<(row: Row, at: number) => string>;
  private readonly headerRow: number;
  private rowNumber: number;

  constructor(
    private readonly sheetName: string,
    private readonly columns: XlsxColumn<Row>[],
    private readonly heading?: XlsxHeading,
  ) {
    this.letters = columns.map((_, index) => letter(index));
    this.cells = columns.map((column, index) => this.cellWriter(column, this.letters[index]!));
    this.headerRow = heading ? 3 : 1;
    this.rowNumber = this.headerRow;
    this.zip.begin('xl/worksheets/sheet1.xml');
    // The first part: nothing to wait for yet, and its outcome is awaited with the file's end.
    void this.zip.write(this.sheetStart());
  }

  /** Adds rows; awaiting it holds the caller back while their text waits to be compressed. */
  async add(rows: Iterable<Row>): Promise<void> {
    let xml = '';
    for (const row of rows) {
      const at = (this.rowNumber += 1);
      xml += `<row r="${at}">`;
      for (const cell of this.cells) xml += cell(row, at);
      xml += '</row>';
    }
    await this.zip.write(xml);
  }

  async finish(): Promise<Buffer> {
    const last = this.letters.at(-1)!;
    const merges = this.heading ? [1, 2].map((row) => `<mergeCell ref="A${row}:${last}${row}"/>`).join('') : '';
    await this.zip.write(
      `</sheetData><autoFilter ref="A${this.headerRow}:${last}${this.rowNumber}"/>` +
        (merges ? `<mergeCells count="2">${merges}</mergeCells>` : '') +
        '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
        '<pageSetup paperSize="9" orientation="landscape"/></worksheet>',
    );
    await this.zip.end();
    const filterRange = `'${this.sheetName.replace(/'/g, "''")}'!$A$${this.headerRow}:$${last}$${this.rowNumber}`;
    for (const [name, xml] of xlsxPackageFiles(this.sheetName, filterRange)) await this.zip.file(name, xml);
    return this.zip.finish();
  }

  private cellWriter(column: XlsxColumn<Row>, col: string): (row: Row, at: number) => string {
    const { kind = 'text', value } = column;
    const number = (serial: (v: string) => number, style: number) => (row: Row, at: number) => {
      const v = value(row);
      if (v === null || v === '') return '';
      return typeof v === 'number'
        ? `<c r="${col}${at}"><v>${v}</v></c>`
        : `<c r="${col}${at}" s="${style}"><v>${serial(v)}</v></c>`;
    };
    if (kind === 'date') return number(dateSerial, XlsxStyle.date);
    if (kind === 'time') return number(timeSerial, XlsxStyle.time);
    return (row, at) => {
      const v = value(row);
      if (v === null) return '';
      return typeof v === 'number' ? `<c r="${col}${at}"><v>${v}</v></c>` : textCell(`${col}${at}`, v);
    };
  }

  private sheetStart(): string {
    const { columns, letters, heading, headerRow } = this;
    const cols = columns
      .map(
        (column, index) =>
          `<col min="${index + 1}" max="${index + 1}" width="${columnWidth(column)}" customWidth="1"/>`,
      )
      .join('');
    const title = heading
      ? `<row r="1" ht="30" customHeight="1">${textCell('A1', heading.title, XlsxStyle.title)}</row>` +
        `<row r="2" ht="20" customHeight="1">${textCell('A2', heading.description, XlsxStyle.description)}</row>`
      : '';
    const header = `<row r="${headerRow}" ht="22" customHeight="1">${columns
      .map((column, index) => textCell(`${letters[index]}${headerRow}`, column.header, XlsxStyle.header))
      .join('')}</row>`;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" ` +
      `activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" ` +
      `sqref="A${headerRow + 1}"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="16"/><cols>${cols}</cols><sheetData>${title}${header}`
    );
  }
}

/** A whole export at once, for exports small enough to build in one call. */
export async function buildXlsx<Row>(
  sheetName: string,
  columns: XlsxColumn<Row>[],
  rows: Iterable<Row>,
  heading?: XlsxHeading,
): Promise<Buffer> {
  const writer = new XlsxWriter(sheetName, columns, heading);
  await writer.add(rows);
  return writer.finish();
}
