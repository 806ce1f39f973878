import { MessageChannel } from 'node:worker_threads';
import { cipherOf, type PersonalCipher } from '../../db/personal-cipher';
import type { Page } from '../../../../shared/contract';
import type { ExportFile } from '../../../../shared/contract/audit';
import { EXPORT_MAX_ROWS, type ExportProgress } from '../../../../shared/contract/exports';
import { maskPersonal, type PersonalKind } from '../../../../shared/domain/ledger/records';
import { hasAccess, PERMISSION_LABELS } from '../../../../shared/domain/roles';
import { countyDateTime, countyFileStamp } from '../../../../shared/domain/time';
import { AppError } from '../../../../shared/errors';
import { principalOf, type HandlerContext } from '../../api/types';
import { appendAudit } from '../../audit/writer';
import { ledgerExportJob, type ExportJobInput } from './job';
import { findCentreName } from '../../db/county';
import { openSnapshot } from '../../db/snapshot';
import type { Sql } from '../../db/sql';
import { SheetSender, sheetJob } from '../../export/sheet-pipe';
import type { XlsxColumn, XlsxHeading } from '../../export/xlsx';
import type { LedgerRecordRow, LedgerStore } from '../store';

/**
 * A ledger's export to Excel: everything its list's filter finds, in the list's order, as a
 * background job (export/jobs.ts). A ledger declares its columns and its list's query; the kernel
 * reads a snapshot in chunks, adds the records' people (masked unless the export is unmasked) and
 * what else the columns need, checks the unmasking permission and describes the job for the audit
 * row written when the file is handed over (exports.fetch).
 */

/** Rows read, written and reported at a time. */
export const EXPORT_CHUNK_ROWS = 1000;

/**
 * One person of a record as the export writes them: each personal value masked unless unmasked, and
 * the group they belong to (`ExportPeople.group`, e.g. a dispute's side) when the ledger names one.
 */
export type ExportPerson = Partial<Record<PersonalKind, string | null>> & { group?: string };

/** The people of a ledger's records (petitioners, the people involved). */
export interface ExportPeople {
  table: string;
  /** The column naming their record, and their order within it. */
  key: string;
  orderBy: string;
  /** The column of each personal value written, by its kind (how it is masked). */
  columns: Partial<Record<PersonalKind, string>>;
  /** The fields an unmasked export hands over, as its audit row names them. */
  audited: readonly string[];
  /** A condition on the person's row under which the name is not personal (an organisation's), written in full. */
  plainName?: string;
  /** A column that is not personal and sorts them into groups written apart (a dispute's side). */
  group?: string;
}

/** A row as the export writes it: the list's row, its people, and the extra columns of the record. */
export type ExportRow<Item, Extra extends string> = Item & { people: ExportPerson[] } & Record<
    Extra,
    string | number | null
  >;

type Paging = { page: number; pageSize: number };

export interface LedgerExport<Input extends Paging, Item extends { id: string }, Extra extends string = never> {
  /** Its audit action is `<table>.export`, its entity the ledger's key. */
  store: Pick<LedgerStore<LedgerRecordRow>, 'key' | 'table'>;
  /** The ledger's name (sheet and file name), e.g. 风险隐患台账. */
  title: string;
  /** What a record is, for messages: 积案, 风险隐患. */
  noun: string;
  /** The list's filter fields as the audit log names them, and coded values by their labels. */
  filterLabels: Readonly<Record<string, string>>;
  valueLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The list's query for the caller (their scope, their today): one page of it, in the list's order. */
  list(scope: ExportScope): (sql: Sql, input: Input) => Page<Item>;
  people?: ExportPeople;
  /** Columns of the record that its list row does not carry, by the name the columns read them. */
  more?: Readonly<Record<Extra, string>>;
  /** The dictionary whose labels the columns show (a category). */
  dict?: string;
  columns(dictLabel: (code: string) => string): XlsxColumn<ExportRow<Item, Extra>>[];
}

/** What a list's query needs of the caller's call; plain data, so a worker can be handed it. */
export type ExportScope = Pick<HandlerContext, 'principal' | 'now' | 'settings'>;

/** An export's input: the list's filter and order without paging, and the mode. */
export type ExportInput<Input> = Omit<Input, 'page' | 'pageSize'> & { unmasked?: boolean; reason?: string | undefined };

/** Refuses an unmasked export to a role without personal.reveal; the refusal is audited, nothing else changes. */
function assertMayUnmask(ctx: HandlerContext, action: string, entity: string): void {
  if (hasAccess(principalOf(ctx).roles, 'personal.reveal')) return;
  appendAudit(ctx, { action, entity, result: 'denied', detail: '缺少权限：personal.reveal' });
  throw new AppError(
    'FORBIDDEN',
    `不脱敏导出须有“${PERMISSION_LABELS['personal.reveal']}”权限，您的角色没有，请改用脱敏导出。`,
    [{ path: 'unmasked', message: '没有查看个人信息原文的权限' }],
  );
}

/**
 * A ledger's `exportStart` handler. The first page is read at once, so an empty or too large
 * result is refused straight away; the file is then written by a worker thread (`ledgerExportJob`)
 * on a read-only snapshot of its own (records changed meanwhile do not tear the file), reporting
 * its progress, so reading 100,000 rows and zipping the workbook hold up no other call.
 */
export function exportHandler<Input extends Paging, Item extends { id: string }, Extra extends string = never>(
  ledger: LedgerExport<Input, Item, Extra>,
) {
  const action = `${ledger.store.table}.export`;
  const entity = ledger.store.key;
  return (input: ExportInput<Input>, ctx: HandlerContext): ExportProgress => {
    const { unmasked = false, reason, ...filter } = input;
    if (unmasked) assertMayUnmask(ctx, action, entity);
    const first = ledger.list(ctx)(ctx.sql, { ...filter, page: 1, pageSize: 1 } as unknown as Input);
    if (first.total === 0) {
      throw new AppError('NOT_FOUND', `当前筛选没有${ledger.noun}可导出，请调整筛选条件后再试。`);
    }
    if (first.total > EXPORT_MAX_ROWS) {
      throw new AppError(
        'CONFLICT',
        `当前筛选共 ${first.total} 件，超过单次导出上限 ${EXPORT_MAX_ROWS} 件，请缩小筛选范围后分批导出。`,
      );
    }
    const mode = ledger.people ? `（${unmasked ? `不脱敏，原因：${reason}` : '脱敏'}）` : '';
    const audit = {
      action,
      entity,
      fields: unmasked && ledger.people ? ledger.people.audited : [],
      detail: `导出 ${first.total} 行${mode}；筛选：${describeFilter(filter, ledger.filterLabels, ledger.valueLabels)}`,
    };
    const job: Omit<ExportJobInput, 'port'> = {
      ledger: entity,
      file: ctx.sql.db.name,
      filter,
      unmasked,
      fileName: exportFileName(ledger.title, unmasked, ctx.now()),
      scope: { principal: ctx.principal, at: ctx.now().toISOString(), settings: ctx.settings },
    };
    const { key } = cipherOf(ctx.sql.db);
    return ctx.exportJobs.start(principalOf(ctx).userId, first.total, audit, (handle) =>
      readAndWrite(ctx, job, key, (done) => handle.progress(done)),
    );
  };
}

/**
 * The export's two jobs, linked by a channel: one worker reads the rows (`ledgerExportJob`), the
 * other writes the workbook (`sheetJob`, export/sheet-pipe.ts). Either one failing stops the other.
 */
async function readAndWrite(
  ctx: HandlerContext,
  job: Omit<ExportJobInput, 'port'>,
  key: Buffer,
  onProgress: (done: number) => void,
): Promise<ExportFile> {
  const { port1, port2 } = new MessageChannel();
  const stop = new AbortController();
  const linked = <T>(running: Promise<T>) =>
    running.catch((error: unknown) => {
      stop.abort(error);
      throw error;
    });
  const [{ rows }, base64] = await Promise.all([
    linked(
      ctx.workers.run(
        ledgerExportJob,
        { ...job, port: port1 },
        { key, onProgress, transfer: [port1], signal: stop.signal },
      ),
    ),
    linked(ctx.workers.run(sheetJob, { port: port2 }, { transfer: [port2], signal: stop.signal })),
  ]);
  return { fileName: job.fileName, base64, rows };
}

/**
 * The reading job's body, in its worker: reads the list's query on a snapshot in chunks, adds each
 * chunk's people and extra columns, takes each column's value and sends the cells to the writer.
 */
export async function readExport<Input extends Paging, Item extends { id: string }, Extra extends string>(
  ledger: LedgerExport<Input, Item, Extra>,
  job: ExportJobInput,
  cipher: PersonalCipher,
  progress: (done: number) => void,
): Promise<{ rows: number }> {
  const snapshot = openSnapshot(job.file, cipher);
  try {
    const { principal, at, settings } = job.scope;
    const list = ledger.list({ principal, settings, now: () => new Date(at) });
    const read = (page: number) =>
      list(snapshot.sql, { ...job.filter, page, pageSize: EXPORT_CHUNK_ROWS } as unknown as Input);
    const dictLabel = dictLabels(snapshot.sql, ledger.dict);
    const columns = ledger.columns(dictLabel);
    const sheet = new SheetSender(job.port, {
      sheetName: ledger.title,
      columns: columns.map(({ value: _value, ...column }) => column),
      heading: headingOf(snapshot.sql, ledger, job, dictLabel),
    });
    let done = 0;
    for (let page = 1; ; page += 1) {
      const items = read(page).items;
      if (items.length === 0) break;
      const rows = rowsOf(snapshot.sql, ledger, items, job.unmasked);
      await sheet.add(rows.map((row) => columns.map((column) => column.value(row))));
      done += items.length;
      progress(done);
      if (items.length < EXPORT_CHUNK_ROWS) break;
    }
    await sheet.end();
    return { rows: done };
  } finally {
    snapshot.close();
  }
}

/** `积案台账_20261206-1530.xlsx`: the ledger and the county's time of the export (not UTC). */
export const exportFileName = (title: string, unmasked: boolean, at: Date): string =>
  `${title}${unmasked ? '-含个人信息' : ''}_${countyFileStamp(at)}.xlsx`;

/** The list filters' reference fields, named alike in every ledger's list, and where their names are. */
const REFERENCE_NAMES: Readonly<Record<string, string>> = {
  townshipCode: 'SELECT name FROM regions WHERE code = ?',
  handlingUnitId: 'SELECT name FROM units WHERE id = ?',
  unitId: 'SELECT name FROM units WHERE id = ?',
  leaderId: 'SELECT name FROM people WHERE id = ?',
};

/** The file's title (the centre and the ledger) and what it holds: the filter in words, the time, the masking. */
function headingOf<Input extends Paging, Item extends { id: string }, Extra extends string>(
  sql: Sql,
  ledger: LedgerExport<Input, Item, Extra>,
  job: ExportJobInput,
  dictLabel: (code: string) => string,
): XlsxHeading {
  const nameOf = (key: string, value: string) => {
    if (key === 'category' && ledger.dict) return dictLabel(value);
    const query = REFERENCE_NAMES[key];
    return query ? (sql.prepare(query).pluck().get(value) as string | undefined) : undefined;
  };
  const filter = describeFilter(job.filter, ledger.filterLabels, ledger.valueLabels, nameOf);
  const masking = ledger.people ? (job.unmasked ? '\u3000含个人信息原文，请妥善保管' : '\u3000个人信息已脱敏') : '';
  return {
    title: `${findCentreName(sql, job.scope.settings.work)}${ledger.title}`,
    description: `筛选条件：${filter}\u3000导出时间：${countyDateTime(new Date(job.scope.at))}${masking}`,
  };
}

/** A dictionary's labels by code (a code no longer in it shows as stored). */
function dictLabels(sql: Sql, dict: string | undefined): (code: string) => string {
  const entries = dict
    ? (sql.prepare('SELECT code, label FROM dict_entries WHERE dict_code = ?').all(dict) as Array<{
        code: string;
        label: string;
      }>)
    : [];
  const labels = new Map(entries.map((e) => [e.code, e.label]));
  return (code) => labels.get(code) ?? code;
}

/** The chunk's rows with their people (full values only when unmasked) and the record's extra columns. */
function rowsOf<Input extends Paging, Item extends { id: string }, Extra extends string>(
  sql: Sql,
  ledger: LedgerExport<Input, Item, Extra>,
  items: Item[],
  unmasked: boolean,
): ExportRow<Item, Extra>[] {
  const ids = JSON.stringify(items.map((item) => item.id));
  const people = new Map<string, ExportPerson[]>(items.map((item) => [item.id, []]));
  if (ledger.people) {
    const { table, key, orderBy, columns, plainName = '0', group = 'NULL' } = ledger.people;
    const kinds = Object.entries(columns) as Array<[PersonalKind, string]>;
    const rows = sql
      .prepare(
        `SELECT ${key} AS owner, (${plainName}) AS plain, (${group}) AS grouped,
            ${kinds.map(([kind, column]) => `${column} AS ${kind}`).join(', ')} FROM ${table}
          WHERE ${key} IN (SELECT value FROM json_each(?)) ORDER BY ${orderBy}`,
      )
      .all(ids) as Array<{ owner: string; plain: 0 | 1; grouped: string | null } & Record<PersonalKind, string | null>>;
    const cipher = cipherOf(sql.db);
    // A column at a time. Names are kept in clear (the keyword index finds them); every other
    // personal value is sealed, and read in one go when it is only to be shown masked. An
    // organisation's name (`plain`) is never masked.
    const inClear = (kind: PersonalKind, stored: Array<string | null>) => {
      if (kind === 'name') return stored;
      return unmasked ? stored.map((value) => cipher.open(value)) : cipher.readForMasking(stored);
    };
    const columnsOf = kinds.map(([kind]) => {
      const shown = inClear(
        kind,
        rows.map((row) => row[kind]),
      );
      if (unmasked) return shown;
      return shown.map((value, i) =>
        value === null || (kind === 'name' && rows[i]!.plain === 1) ? value : maskPersonal(kind, value),
      );
    });
    rows.forEach((row, i) => {
      const person: ExportPerson = row.grouped === null ? {} : { group: row.grouped };
      kinds.forEach(([kind], k) => (person[kind] = columnsOf[k]![i]!));
      people.get(row.owner)!.push(person);
    });
  }
  const more = Object.entries(ledger.more ?? {}) as Array<[Extra, string]>;
  const extras = new Map<string, Record<string, unknown>>();
  if (more.length) {
    const rows = sql
      .prepare(
        `SELECT id, ${more.map(([name, column]) => `${column} AS ${name}`).join(', ')} FROM ${ledger.store.table}
          WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(ids) as Array<{ id: string } & Record<string, unknown>>;
    for (const row of rows) extras.set(row.id, row);
  }
  // The list's rows are the chunk's own: completed in place rather than copied.
  return items.map((item) => {
    const row = item as ExportRow<Item, Extra>;
    const extra = extras.get(item.id);
    for (const [name] of more) (row as Record<string, unknown>)[name] = extra?.[name] ?? null;
    row.people = people.get(item.id)!;
    return row;
  });
}

/** One value per person, in the same order in each column, `—` where one is not recorded. */
export const eachOf = (people: ExportPerson[], kind: PersonalKind): string =>
  people.map((p) => p[kind] ?? '—').join('、');

/**
 * A list's filter in words: `label=value` of each field set, coded values by their labels, and
 * 只看已作废 when the list was of voided records; or 全部 (order and paging left out). For the audit
 * log, a keyword (it may be a person's name) is noted as given, not what; the file's own heading,
 * given `nameOf` (references by their names), shows it.
 */
export function describeFilter(
  filter: Record<string, unknown>,
  labels: Readonly<Record<string, string>>,
  valueLabels: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
  nameOf?: (key: string, value: string) => string | undefined,
): string {
  const valueOf = (key: string, value: unknown) => {
    if (key === 'keyword') return nameOf ? `“${String(value)}”` : '（不记原文）';
    if (value === true) return '是';
    return nameOf?.(key, String(value)) ?? valueLabels[key]?.[String(value)] ?? String(value);
  };
  const parts = Object.entries(labels)
    .filter(([key]) => filter[key] !== undefined && filter[key] !== '' && filter[key] !== false && filter[key] !== null)
    .map(([key, label]) => `${label}=${valueOf(key, filter[key])}`);
  if (filter.voided === 'only') parts.push('只看已作废');
  return parts.length ? parts.join('；') : '全部';
}
