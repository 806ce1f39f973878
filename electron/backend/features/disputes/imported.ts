import type { HandlingKind } from '../../../../shared/domain/disputes/handling';
import { HANDLING_KIND_LABELS } from '../../../../shared/domain/disputes/handling';
import { DISPUTE_FIELD_LABELS, PARTY_SIDE_LABELS } from '../../../../shared/domain/disputes/intake';
import { DISPUTE_LEVEL_LABELS, type DisputeLevel } from '../../../../shared/domain/disputes/levels';
import {
  DISPUTE_RESULT_LABELS,
  DISPUTE_STATUS_LABELS,
  SATISFACTION_LABELS,
  type DisputeResult,
  type DisputeStatus,
  type Satisfaction,
} from '../../../../shared/domain/disputes/statuses';
import { maskPersonal } from '../../../../shared/domain/ledger/records';
import { cipherOf } from '../../db/personal-cipher';
import { qb } from '../../db/sql';
import type { SpotReference } from '../../import/references';
import { importedInsert, type LedgerImport } from '../../ledger/import';
import { importedFields, maskedContacts } from '../../ledger/import-fields';
import { referenceNames } from '../../ledger/names';
import type { ColumnChanges } from '../../ledger/write';
import { editableFields, type DisputeEditable } from './editable';
import { storedEscalation, writeEscalation, type ImportedEscalation } from './import-escalation';
import { intakeMatches } from './matches';
import { insertParties, type PartyValues } from './parties';
import type { DisputeTableRow } from './repo';
import { disputeStore } from './store';

/**
 * How a dispute read from a workbook is stored through the kernel's import: its intake and the
 * steps it had already taken (分流, result, 回访, 销号) as columns, a move up (上交) as a transfer, its
 * parties stored as intake stores them (ID numbers and phones sealed, blind indexes beside them), and how the timeline shows each
 * imported field when a re-import changes it.
 */
export type ImportedDispute = Omit<DisputeEditable, 'gridCode'> & {
  level: DisputeLevel;
  status: DisputeStatus;
  result: DisputeResult | null;
  handlingKind: HandlingKind | null;
  unitId: string | null;
  routedOn: string | null;
  dueDate: string | null;
  resultOn: string | null;
  agreement: string | null;
  satisfaction: Satisfaction | null;
  visitedOn: string | null;
  closedOn: string | null;
  parties: PartyValues[];
  /** Its move up before it came in (上交), as `dispute_transfers` records it. */
  escalation: ImportedEscalation | null;
};

/** A dispute as read: its 归口单位 a name when the county has none yet. */
export type ReadDispute = Omit<ImportedDispute, 'unitId'> & { unit: SpotReference | null };

/** The fields kept in rows of their own, not in the dispute's columns. */
type OwnRows = 'parties' | 'escalation';

const COLUMNS = {
  channel: 'channel',
  category: 'category',
  summary: 'summary',
  receivedOn: 'received_on',
  townshipCode: 'township_code',
  villageCode: 'village_code',
  peopleInvolved: 'people_involved',
  amountInvolved: 'amount_involved',
  urgency: 'urgency',
  riskColour: 'risk_colour',
  level: 'level',
  status: 'status',
  result: 'result',
  handlingKind: 'handling_kind',
  unitId: 'unit_id',
  routedOn: 'routed_on',
  dueDate: 'due_date',
  resultOn: 'result_on',
  agreement: 'agreement',
  satisfaction: 'satisfaction',
  visitedOn: 'visited_on',
  closedOn: 'closed_on',
} as const satisfies Record<Exclude<keyof ImportedDispute, OwnRows>, keyof DisputeTableRow>;

type Column = keyof typeof COLUMNS;
const ALL = Object.keys(COLUMNS) as Column[];

const { gridCode: _grid, ...INTAKE_LABELS } = DISPUTE_FIELD_LABELS;
const LABELS: { readonly [K in keyof ImportedDispute]: string } = {
  ...INTAKE_LABELS,
  level: '受理层级',
  status: '状态',
  result: '处理结果',
  handlingKind: '调处方式',
  unitId: '归口单位',
  routedOn: '分流日期',
  dueDate: '办理时限',
  resultOn: '结果日期',
  agreement: '调解协议',
  satisfaction: '当事人满意度',
  visitedOn: '回访日期',
  closedOn: '销号日期',
  escalation: '上交',
};

/** 申请方：张**（410***********1234）、某公司 — persons masked, an organisation's name in full. */
const showParties = (parties: PartyValues[]) =>
  parties
    .map(
      (p) =>
        `${PARTY_SIDE_LABELS[p.side]}：` +
        (p.kind === 'organisation' ? p.name : maskPersonal('name', p.name)) +
        maskedContacts(p),
    )
    .join('、');

const INSERT = importedInsert('disputes', 'dispute_no', [...Object.values(COLUMNS), 'escalated']);

const columnsOf = (value: ImportedDispute, fields: Iterable<keyof ImportedDispute>): ColumnChanges =>
  Object.fromEntries([...fields].filter((f): f is Column => f in COLUMNS).map((f) => [COLUMNS[f], value[f]]));

export const disputeImport: LedgerImport<DisputeTableRow, ReadDispute, ImportedDispute> = {
  store: disputeStore,
  numberColumn: 'dispute_no',
  fields(ctx) {
    const names = referenceNames(ctx.sql);
    return importedFields<ImportedDispute>(LABELS, editableFields(ctx), {
      parties: showParties,
      level: DISPUTE_LEVEL_LABELS,
      status: DISPUTE_STATUS_LABELS,
      result: DISPUTE_RESULT_LABELS,
      handlingKind: HANDLING_KIND_LABELS,
      satisfaction: SATISFACTION_LABELS,
      unitId: (id) => names.unit(String(id)),
      routedOn: String,
      dueDate: String,
      resultOn: String,
      agreement: String,
      visitedOn: String,
      closedOn: String,
      escalation: (e) =>
        e ? `${DISPUTE_LEVEL_LABELS[e.from]}→${DISPUTE_LEVEL_LABELS[e.to]}（${e.on}，${e.reason}）` : '',
    });
  },
  before(ctx, row) {
    const values = Object.fromEntries(ALL.map((field) => [field, row[COLUMNS[field]]]));
    const cipher = cipherOf(ctx.sql.db);
    const parties = ctx.sql
      .all(
        qb
          .selectFrom('dispute_parties')
          .select(['kind', 'side', 'name', 'id_number', 'phone'])
          .where('dispute_id', '=', row.id)
          .orderBy('sort'),
      )
      .map((p) => ({
        kind: p.kind,
        side: p.side,
        name: p.name,
        idNumber: cipher.open(p.id_number),
        phone: cipher.open(p.phone),
      }));
    return { ...(values as Omit<ImportedDispute, OwnRows>), parties, escalation: storedEscalation(ctx.sql, row.id) };
  },
  resolve: ({ unit, ...value }, ids) => ({ ...value, unitId: ids.unit(unit) }),
  insert(ctx, columns, number, value) {
    const escalated = value.escalation ? 1 : 0;
    ctx.sql.prepare(INSERT).run({ ...columns, dispute_no: number, ...columnsOf(value, ALL), escalated });
    insertParties(ctx.sql, columns.id, value.parties);
    if (value.escalation) writeEscalation(ctx, columns.id, value.status, value.escalation);
    // Linked as intake links them: an earlier dispute of the same person; an open one of the same
    // matter only while this one is open too (a settled dispute of years ago is no such lead).
    const open = value.result === null;
    const matches = intakeMatches(ctx.sql, {
      townshipCode: value.townshipCode,
      villageCode: value.villageCode,
      category: value.category,
      idNumbers: value.parties.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
    }).filter((m) => m.id !== columns.id && (open || m.reason === 'same_party'));
    for (const match of matches) {
      ctx.sql.run(
        qb.insertInto('dispute_links').values({ dispute_id: columns.id, related_id: match.id, reason: match.reason }),
      );
    }
  },
  apply(ctx, row, value, changed) {
    if (changed.has('parties')) {
      ctx.sql.run(qb.deleteFrom('dispute_parties').where('dispute_id', '=', row.id));
      insertParties(ctx.sql, row.id, value.parties);
    }
    // A read row never drops a recorded escalation (readEscalation), so a change records or corrects one.
    if (changed.has('escalation') && value.escalation) {
      writeEscalation(ctx, row.id, value.status, value.escalation);
      return { ...columnsOf(value, changed), escalated: 1 };
    }
    return columnsOf(value, changed);
  },
};
