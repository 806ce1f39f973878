/**
 * Finding the columns of a centre's own workbook: the header row may sit under title rows, its
 * cells may be merged, its columns reordered, renamed with common synonyms or mixed with columns
 * the ledger does not keep. Works on a grid of cell texts in which a merged range already repeats
 * its value in every cell it covers.
 */
export interface ImportField {
  key: string;
  /** The template's header, the field's name in the word table. */
  label: string;
  /** Other headers centres use for it (包保领导 for 包案领导 …). */
  synonyms?: readonly string[];
  required?: boolean;
}

/** Column index (0-based) → field key; a column the ledger does not keep is absent. */
export type ColumnMapping = Record<number, string>;

/** Headers compare without spaces, required-field stars, full-width brackets or their content. */
export function headerKey(text: string): string {
  return text
    .replace(/[\s*＊:：]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

const withoutBrackets = (key: string) => key.replace(/\([^)]*\)/g, '');

function namesOf(field: ImportField): string[] {
  return [field.label, ...(field.synonyms ?? [])].map(headerKey);
}

/** The field a header names, by its label or a synonym, with or without a bracketed note. */
export function fieldOfHeader(text: string, fields: readonly ImportField[]): ImportField | undefined {
  const key = headerKey(text);
  if (!key) return undefined;
  const bare = withoutBrackets(key);
  return (
    fields.find((f) => namesOf(f).includes(key)) ??
    fields.find((f) => namesOf(f).some((name) => name === bare || withoutBrackets(name) === bare))
  );
}

/** How many rows from the top may hold titles before the header. */
export const HEADER_SCAN_ROWS = 30;

/**
 * The header row: of the first rows, the one naming the most fields (the earliest on a tie), and
 * naming at least two, so a title row that happens to contain one word is never taken. `mapping`
 * (header key → field key) names fields by the user's own headers too.
 */
export function findHeaderRow(
  rows: readonly (readonly string[])[],
  fields: readonly ImportField[],
  mapping: Readonly<Record<string, string>> = {},
): number | null {
  let best: { row: number; count: number } | null = null;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((cells, row) => {
    const named = new Set(
      cells.map((cell) => mapping[headerKey(cell)] || fieldOfHeader(cell, fields)?.key).filter(Boolean),
    );
    if (named.size >= 2 && (!best || named.size > best.count)) best = { row, count: named.size };
  });
  return (best as { row: number } | null)?.row ?? null;
}

/**
 * The automatic mapping of a header row: each column to the field its header names, each field to
 * its first such column (a merged header repeats, so later twins are left unmapped). A saved
 * mapping for the same headers wins over the automatic one.
 */
export function mapColumns(
  header: readonly string[],
  fields: readonly ImportField[],
  saved: Readonly<Record<string, string>> = {},
): ColumnMapping {
  const keys = new Set(fields.map((f) => f.key));
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  header.forEach((text, column) => {
    const savedKey = saved[headerKey(text)];
    const key = savedKey !== undefined ? savedKey : fieldOfHeader(text, fields)?.key;
    if (key && keys.has(key) && !taken.has(key)) {
      mapping[column] = key;
      taken.add(key);
    }
  });
  return mapping;
}

/** The required fields no column is mapped to. */
export function missingFields(mapping: ColumnMapping, fields: readonly ImportField[]): ImportField[] {
  const mapped = new Set(Object.values(mapping));
  return fields.filter((f) => f.required && !mapped.has(f.key));
}

/** A column's spreadsheet letter (0 → A, 26 → AA), for messages that name row and column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
