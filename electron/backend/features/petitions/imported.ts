import type { PetitionItemType, PetitionLevel } from '../../../../shared/domain/petitions/classification';
import { PETITION_FIELD_LABELS } from '../../../../shared/domain/petitions/fields';
import { PETITION_STATUS_LABELS, type PetitionStatus } from '../../../../shared/domain/petitions/statuses';
import { maskPersonal } from '../../../../shared/domain/ledger/records';
import { qb } from '../../db/sql';
import type { SpotReference } from '../../import/references';
import { importedInsert, type LedgerImport } from '../../ledger/import';
import { importedFields, maskedContacts } from '../../ledger/import-fields';
import { referenceNames } from '../../ledger/names';
import type { ColumnChanges } from '../../ledger/write';
import { editableFields } from './editable';
import { insertPetitioners, petitionerRows, type PetitionTableRow } from './repo';
import { petitionStore } from './store';

/**
 * How a case read from a workbook is stored through the kernel's import: its columns, its
 * petitioners (stored as registration stores them: ID numbers in capitals, shown masked) and how
 * the timeline shows each imported field when a re-import changes it.
 */
export interface ImportedPetitioner {
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export type ImportedCase = {
  townshipCode: string;
  summary: string;
  firstPetitionDate: string;
  receivedDate: string;
  petitionCount: number;
  highestLevel: PetitionLevel;
  itemType: PetitionItemType | null;
  category: string | null;
  status: PetitionStatus;
  handlingUnitId: string | null;
  leaderId: string | null;
  acceptedDate: string | null;
  assignedDate: string | null;
  dueDate: string | null;
  replyDate: string | null;
  reviewRequestedDate: string | null;
  reviewDecidedDate: string | null;
  reReviewRequestedDate: string | null;
  reReviewDecidedDate: string | null;
  /** Art. 34's date, from the acceptance (申诉求决 only): derived, not a column of the file. */
  conclusionDueDate: string | null;
  resolvedDate: string | null;
  closedDate: string | null;
  outcome: string | null;
  resolutionPlan: string;
  stabilityMeasures: string;
  petitioners: ImportedPetitioner[];
};

/** A case as read, its unit and leader still names where the county has none yet. */
export type ReadCase = Omit<ImportedCase, 'handlingUnitId' | 'leaderId'> & {
  handlingUnit: SpotReference | null;
  leader: SpotReference | null;
};

const COLUMNS = {
  townshipCode: 'township_code',
  summary: 'summary',
  firstPetitionDate: 'first_petition_date',
  receivedDate: 'received_date',
  petitionCount: 'petition_count',
  highestLevel: 'highest_level',
  itemType: 'item_type',
  category: 'category',
  status: 'status',
  handlingUnitId: 'handling_unit_id',
  leaderId: 'leader_id',
  acceptedDate: 'accepted_date',
  assignedDate: 'assigned_date',
  dueDate: 'due_date',
  replyDate: 'reply_date',
  reviewRequestedDate: 'review_requested_date',
  reviewDecidedDate: 'review_decided_date',
  reReviewRequestedDate: 're_review_requested_date',
  reReviewDecidedDate: 're_review_decided_date',
  conclusionDueDate: 'conclusion_due_date',
  resolvedDate: 'resolved_date',
  closedDate: 'closed_date',
  outcome: 'outcome',
  resolutionPlan: 'resolution_plan',
  stabilityMeasures: 'stability_measures',
} as const satisfies Record<Exclude<keyof ImportedCase, 'petitioners'>, keyof PetitionTableRow>;

const LABELS: { readonly [K in keyof ImportedCase]: string } = {
  townshipCode: PETITION_FIELD_LABELS.townshipCode,
  summary: PETITION_FIELD_LABELS.summary,
  firstPetitionDate: PETITION_FIELD_LABELS.firstPetitionDate,
  receivedDate: PETITION_FIELD_LABELS.receivedDate,
  petitionCount: '信访次数',
  highestLevel: PETITION_FIELD_LABELS.highestLevel,
  itemType: PETITION_FIELD_LABELS.itemType,
  category: PETITION_FIELD_LABELS.category,
  status: '状态',
  handlingUnitId: '承办单位',
  leaderId: '包案领导',
  acceptedDate: '受理决定日期',
  assignedDate: '交办日期',
  dueDate: '办理时限',
  replyDate: '答复日期',
  reviewRequestedDate: '复查申请日期',
  reviewDecidedDate: '复查意见日期',
  reReviewRequestedDate: '复核申请日期',
  reReviewDecidedDate: '复核意见日期',
  conclusionDueDate: '法定办结期限',
  resolvedDate: '化解日期',
  closedDate: '销号日期',
  outcome: '化解结果',
  resolutionPlan: PETITION_FIELD_LABELS.resolutionPlan,
  stabilityMeasures: PETITION_FIELD_LABELS.stabilityMeasures,
  petitioners: '信访人',
};

const showPetitioners = (people: ImportedPetitioner[]) =>
  people.map((p) => maskPersonal('name', p.name) + maskedContacts(p)).join('、');

const INSERT = importedInsert('petitions', 'case_no', Object.values(COLUMNS), {
  extension_days: 'NULL',
  extension_reason: 'NULL',
  extension_approved_by: 'NULL',
});

const columnsOf = (value: ImportedCase, fields: Iterable<keyof ImportedCase>): ColumnChanges =>
  Object.fromEntries(
    [...fields]
      .filter((f): f is Exclude<keyof ImportedCase, 'petitioners'> => f !== 'petitioners')
      .map((f) => [COLUMNS[f], value[f]]),
  );

export const petitionImport: LedgerImport<PetitionTableRow, ReadCase, ImportedCase> = {
  store: petitionStore,
  numberColumn: 'case_no',
  fields(ctx) {
    const names = referenceNames(ctx.sql);
    return importedFields<ImportedCase>(LABELS, editableFields(ctx), {
      petitioners: showPetitioners,
      status: PETITION_STATUS_LABELS,
      handlingUnitId: (id) => names.unit(String(id)),
      leaderId: (id) => names.person(String(id)),
      petitionCount: String,
      acceptedDate: String,
      assignedDate: String,
      dueDate: String,
      replyDate: String,
      reviewRequestedDate: String,
      reviewDecidedDate: String,
      reReviewRequestedDate: String,
      reReviewDecidedDate: String,
      conclusionDueDate: String,
      resolvedDate: String,
      closedDate: String,
      outcome: String,
    });
  },
  before(ctx, row) {
    const values = Object.fromEntries(Object.entries(COLUMNS).map(([field, column]) => [field, row[column]]));
    const petitioners = petitionerRows(ctx.sql, row.id).map((p) => ({
      name: p.name,
      idNumber: p.id_number,
      phone: p.phone,
      address: p.address,
    }));
    return { ...(values as Omit<ImportedCase, 'petitioners'>), petitioners };
  },
  resolve({ handlingUnit, leader, ...value }, ids) {
    const handlingUnitId = ids.unit(handlingUnit);
    return { ...value, handlingUnitId, leaderId: ids.leader(leader, handlingUnitId) };
  },
  insert(ctx, columns, number, value) {
    ctx.sql.prepare(INSERT).run({ ...columns, case_no: number, ...columnsOf(value, Object.keys(COLUMNS) as never) });
    insertPetitioners(ctx.sql, columns.id, value.petitioners);
  },
  apply(ctx, row, value, changed) {
    if (changed.has('petitioners')) {
      ctx.sql.run(qb.deleteFrom('petitioners').where('petition_id', '=', row.id));
      insertPetitioners(ctx.sql, row.id, value.petitioners);
    }
    return columnsOf(value, changed);
  },
};
