import type { z } from 'zod';
import type { petitionsUpdateInput } from '../../../../shared/contract/petitions';
import {
  PETITION_ITEM_TYPE_LABELS,
  PETITION_LEVEL_LABELS,
  type PetitionItemType,
  type PetitionLevel,
} from '../../../../shared/domain/petitions/classification';
import { PETITION_FIELD_LABELS } from '../../../../shared/domain/petitions/fields';
import type { HandlerContext } from '../../api/types';
import type { EditableFields } from '../../ledger/changes';
import { referenceNames } from '../../ledger/names';
import type { ColumnChanges } from '../../ledger/write';
import type { PetitionTableRow } from './repo';

type UpdateInput = z.output<typeof petitionsUpdateInput>;

/** The case's correctable fields: what the drawer shows that no workflow step decides. */
export type PetitionEditable = Omit<UpdateInput, 'id' | 'version'>;

const COLUMNS = {
  townshipCode: 'township_code',
  summary: 'summary',
  firstPetitionDate: 'first_petition_date',
  receivedDate: 'received_date',
  highestLevel: 'highest_level',
  itemType: 'item_type',
  category: 'category',
  responsibleId: 'responsible_id',
  resolutionPlan: 'resolution_plan',
  stabilityMeasures: 'stability_measures',
} as const satisfies Record<keyof PetitionEditable, keyof PetitionTableRow>;

export const editableValues = (row: PetitionTableRow): PetitionEditable =>
  Object.fromEntries(
    Object.entries(COLUMNS).map(([field, column]) => [field, row[column as keyof PetitionTableRow]]),
  ) as PetitionEditable;

export function editableFields(ctx: HandlerContext): EditableFields<PetitionEditable> {
  const names = referenceNames(ctx.sql);
  return {
    labels: PETITION_FIELD_LABELS,
    show(field, value) {
      const text = String(value);
      switch (field) {
        case 'townshipCode':
          return names.region(text);
        case 'category':
          return names.dictEntry('petition_category', text);
        case 'responsibleId':
          return names.person(text);
        case 'highestLevel':
          return PETITION_LEVEL_LABELS[text as PetitionLevel];
        case 'itemType':
          return PETITION_ITEM_TYPE_LABELS[text as PetitionItemType];
        default:
          return text;
      }
    },
  };
}

/** The columns of the changed fields. */
export const columnsOf = (input: PetitionEditable, changed: ReadonlySet<keyof PetitionEditable>): ColumnChanges =>
  Object.fromEntries([...changed].map((field) => [COLUMNS[field], input[field] ?? null]));
