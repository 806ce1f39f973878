import { HAZARD_LEVEL_LABELS, type HazardLevel } from '../../../../shared/domain/risks/hazard-levels';
import { HAZARD_FIELD_LABELS, type HazardSource } from '../../../../shared/domain/risks/hazard-record';
import { HAZARD_STATUS_LABELS, type HazardStatus } from '../../../../shared/domain/risks/hazard-statuses';
import type { SpotReference } from '../../import/references';
import { importedInsert, type LedgerImport } from '../../ledger/import';
import { importedFields } from '../../ledger/import-fields';
import { referenceNames } from '../../ledger/names';
import type { ColumnChanges } from '../../ledger/write';
import { editableFields } from './editable';
import type { HazardTableRow } from './repo';
import { hazardStore } from './store';

/** How a hazard read from a workbook is stored through the kernel's import, and shown when a re-import changes it. */
export type ImportedHazard = {
  title: string;
  category: string;
  source: HazardSource;
  description: string;
  level: HazardLevel;
  status: HazardStatus;
  foundOn: string;
  townshipCode: string;
  peopleInvolved: number | null;
  leaderId: string | null;
  plan: string;
  measures: string;
  outcome: string | null;
  resolvedOn: string | null;
  closedOn: string | null;
};

/** A hazard as read: its 包保领导 a name when new, made in the unit the row names. */
export type ReadHazard = Omit<ImportedHazard, 'leaderId'> & {
  unit: SpotReference | null;
  leader: SpotReference | null;
};

const COLUMNS = {
  title: 'title',
  category: 'category',
  source: 'source',
  description: 'description',
  level: 'level',
  status: 'status',
  foundOn: 'found_on',
  townshipCode: 'township_code',
  peopleInvolved: 'people_involved',
  leaderId: 'leader_id',
  plan: 'plan',
  measures: 'measures',
  outcome: 'outcome',
  resolvedOn: 'resolved_on',
  closedOn: 'closed_on',
} as const satisfies Record<keyof ImportedHazard, keyof HazardTableRow>;

const LABELS: { readonly [K in keyof ImportedHazard]: string } = {
  title: HAZARD_FIELD_LABELS.title,
  category: HAZARD_FIELD_LABELS.category,
  source: HAZARD_FIELD_LABELS.source,
  description: HAZARD_FIELD_LABELS.description,
  level: '风险等级',
  status: '状态',
  foundOn: HAZARD_FIELD_LABELS.foundOn,
  townshipCode: HAZARD_FIELD_LABELS.townshipCode,
  peopleInvolved: HAZARD_FIELD_LABELS.peopleInvolved,
  leaderId: '包保领导',
  plan: HAZARD_FIELD_LABELS.plan,
  measures: HAZARD_FIELD_LABELS.measures,
  outcome: '化解结果',
  resolvedOn: '化解日期',
  closedOn: '销号日期',
};

const columnsOf = (value: ImportedHazard, fields: Iterable<keyof ImportedHazard>): ColumnChanges =>
  Object.fromEntries([...fields].map((f) => [COLUMNS[f], value[f]]));

const ALL = Object.keys(COLUMNS) as Array<keyof ImportedHazard>;

// The colour's history starts on the day it was found: the import knows no earlier change.
const INSERT = importedInsert('hazards', 'hazard_no', [...Object.values(COLUMNS), 'level_changed_on'], {
  village_code: 'NULL',
  grid_code: 'NULL',
  lng: 'NULL',
  lat: 'NULL',
  responsible_id: 'NULL',
});

export const hazardImport: LedgerImport<HazardTableRow, ReadHazard, ImportedHazard> = {
  store: hazardStore,
  numberColumn: 'hazard_no',
  fields(ctx) {
    const names = referenceNames(ctx.sql);
    return importedFields<ImportedHazard>(LABELS, editableFields(ctx), {
      level: HAZARD_LEVEL_LABELS,
      status: HAZARD_STATUS_LABELS,
      leaderId: (id) => names.person(String(id)),
      outcome: String,
      resolvedOn: String,
      closedOn: String,
    });
  },
  before: (_ctx, row) =>
    Object.fromEntries(ALL.map((field) => [field, row[COLUMNS[field]]])) as unknown as ImportedHazard,
  resolve: ({ unit, leader, ...value }, ids) => ({ ...value, leaderId: ids.leader(leader, ids.unit(unit)) }),
  insert(ctx, columns, number, value) {
    const values = columnsOf(value, ALL);
    ctx.sql.prepare(INSERT).run({ ...columns, hazard_no: number, ...values, level_changed_on: values.found_on });
  },
  apply: (_ctx, _row, value, changed) => columnsOf(value, changed),
};
