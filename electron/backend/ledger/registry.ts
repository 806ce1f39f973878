import type { DisputeFigures } from '../../../shared/contract/disputes';
import type { z } from 'zod';
import type { hazardsCreateInput } from '../../../shared/contract/hazards';
import type { petitionsCreateInput } from '../../../shared/contract/petitions';
import type { AttachmentEntity } from '../../../shared/domain/attachments';
import type { LedgerKey } from '../../../shared/domain/ledger/records';
import type { Permission } from '../../../shared/domain/roles';
import type { TaskOwnerKind } from '../../../shared/domain/risks/tasks';
import type { RegionLevel } from '../../../shared/domain/regions';
import type { DeadlineClock } from '../db/clock-sql';
import type { Schema } from '../db/schema';
import type { Sql } from '../db/sql';
import type { SearchIndex, ValuesColumn } from './search-index';

/**
 * What the features lend the kernel and one another without importing each other: the composition
 * root (api/ledgers.ts) fills the registry at start-up and it travels in the services as
 * `ctx.ledgers`. Kept apart from the kernel's code, which imports the services' type that names it.
 */

/** How a ledger's records are found and which townships each lies in: all a scope check needs. */
export interface LedgerRecords<Row> {
  key: LedgerKey;
  find(sql: Sql, id: string): Row | undefined;
  townshipsOf(sql: Sql, row: Row): readonly string[];
}

/** What the task rules need to know of a task's owner (an assessment, a hazard, a meeting). */
export interface TaskOwner {
  /** Townships the owner concerns; empty for a county-wide matter. */
  townshipCodes: readonly string[];
  /** Why the owner takes no new or changed tasks (archived, closed out …), or null. */
  frozenReason: string | null;
}

/** Finds an owner by id; undefined when there is none. */
export type TaskOwnerLookup = (sql: Sql, id: string) => TaskOwner | undefined;

/** Who may see and add files of a ledger's records (the record's scope is checked besides). */
export interface AttachmentOwner {
  /** Listing and downloading the files. */
  read: Permission;
  /** Any one of these permissions allows uploading. */
  upload: readonly Permission[];
  uploadDenied: string;
}

/**
 * How another ledger makes one of this ledger's records (a dispute 转为 a petition): the permission
 * it takes, the refusal without it, the ledger's own registration input, and the registration
 * itself, which runs inside the caller's transaction. `Ctx` is the handler's context (api/types.ts
 * names it: this file may not import it back).
 */
export interface RecordCreator<Schema extends z.ZodType, Ctx> {
  access: Permission;
  denied: string;
  input: Schema;
  create(ctx: Ctx, input: z.output<Schema>): { id: string; number: string };
}

/** The ledgers whose records another ledger may make, each through its own registration. */
export interface RecordCreators<Ctx> {
  petition: RecordCreator<typeof petitionsCreateInput, Ctx>;
  hazard: RecordCreator<typeof hazardsCreateInput, Ctx>;
}

/** The levels below the county, which records name. */
export type PlaceLevel = Exclude<RegionLevel, 'county'>;

/**
 * A table's columns that name regions, by level: what moving or merging a region re-points. The
 * feature that owns the table declares it; the kernel's `region-moves.ts` writes it.
 */
export interface RegionReference {
  /** What the confirmation counts (信访积案, 账号 …). */
  noun: string;
  table: keyof Schema;
  columns: Partial<Record<PlaceLevel, string>>;
  /** A link table keyed with the region: a row that would twin another is dropped, not duplicated. */
  link?: boolean;
}

/**
 * A ledger's part in the one search box (ledger/search-all.ts): a keyword starting with its number
 * prefix is matched by number, any other through its keyword index.
 */
export interface LedgerSearch {
  key: LedgerKey;
  /** The group's heading. */
  title: string;
  /** Who may see this ledger's part. */
  read: Permission;
  /** The ledger's table and its keyword index (FTS5, rowid = the ledger row's rowid). */
  ledger: string;
  index: string;
  /** The number's column (UNIQUE) and its prefix (`XF`). */
  number: { column: string; prefix: string };
  /** The columns shown: the title first, then text the index holds beside it (a description). */
  texts: readonly [string, ...string[]];
  /** The people the record names (petitioners), masked in the answer. */
  people?: ValuesColumn;
  /** The condition on the row `r` for the caller's township, by the LIKE prefix `@scopePrefix`. */
  scope: string;
}

/** A record whose clock is 临期 or 超期 today, as its ledger reads it. */
export interface DeadlineCandidate {
  id: string;
  number: string;
  title: string;
  townshipCode: string | null;
  unitId: string | null;
  userId: string | null;
  dueDate: string;
  stage: 'due_soon' | 'overdue';
}

/** A ledger's part in the day's scan: its open, unvoided records due soon or overdue on the clock. */
export interface DeadlineNotices {
  ledger: LedgerKey;
  due(sql: Sql, clock: DeadlineClock): DeadlineCandidate[];
}

/** A period of intake (受理), both days included. */
export interface FigurePeriod {
  from: string;
  to: string;
}

/**
 * The disputes' figures (shared/domain/disputes/figures.ts) over a scope (null: the county) and a
 * period of intake, overall and broken down, as 统计 shows them: the reports read them from here.
 */
export type DisputeFigureReader = (
  sql: Sql,
  scope: string | null,
  period?: FigurePeriod,
) => Omit<DisputeFigures, 'today' | 'definitions'>;

export interface LedgerRegistry<Ctx> {
  /** Each ledger's records, for checks from outside it (an attachment's record, a case linked to a hazard). */
  records: { readonly [K in LedgerKey]: LedgerRecords<unknown> };
  taskOwners: Readonly<Record<TaskOwnerKind, TaskOwnerLookup>>;
  attachmentOwners: Readonly<Record<AttachmentEntity, AttachmentOwner>>;
  /** Each ledger's keyword index, for building them all at once (the demo loader). */
  searchIndexes: readonly SearchIndex[];
  /** The ledgers the one search box looks through (`search.all`), in the order it shows them. */
  searches: readonly LedgerSearch[];
  /** Every column that names a region, for moves and merges of regions. */
  regionReferences: readonly RegionReference[];
  /** The registrations one ledger may run for another (a dispute 转为 a petition or a hazard). */
  recordCreators: RecordCreators<Ctx>;
  /** The ledgers whose records the day's scan gives 临期 / 超期 notices (ledger/notifications/). */
  deadlineNotices: readonly DeadlineNotices[];
  /** The disputes' figures, for the 周点评 and 月通报. */
  disputeFigures: DisputeFigureReader;
}
