import type { z } from 'zod';
import type { disputesUpdateInput } from '../../../../shared/contract/disputes';
import {
  DISPUTE_CHANNEL_LABELS,
  DISPUTE_FIELD_LABELS,
  DISPUTE_RISK_COLOUR_LABELS,
  DISPUTE_URGENCY_LABELS,
  type DisputeChannel,
  type DisputeRiskColour,
  type DisputeUrgency,
} from '../../../../shared/domain/disputes/intake';
import type { HandlerContext } from '../../api/types';
import type { EditableFields } from '../../ledger/changes';
import { referenceNames } from '../../ledger/names';
import type { ColumnChanges } from '../../ledger/write';
import type { DisputeTableRow } from './repo';

/** The dispute's correctable fields: its intake (the parties and the loop's steps are not corrected here). */
export type DisputeEditable = Omit<z.output<typeof disputesUpdateInput>, 'id' | 'version'>;

const COLUMNS = {
  channel: 'channel',
  category: 'category',
  summary: 'summary',
  receivedOn: 'received_on',
  townshipCode: 'township_code',
  villageCode: 'village_code',
  gridCode: 'grid_code',
  peopleInvolved: 'people_involved',
  amountInvolved: 'amount_involved',
  urgency: 'urgency',
  riskColour: 'risk_colour',
} as const satisfies Record<keyof DisputeEditable, keyof DisputeTableRow>;

export const editableValues = (row: DisputeTableRow): DisputeEditable =>
  Object.fromEntries(Object.entries(COLUMNS).map(([field, column]) => [field, row[column]])) as DisputeEditable;

export function editableFields(ctx: HandlerContext): EditableFields<DisputeEditable> {
  const names = referenceNames(ctx.sql);
  const { parties: _parties, ...labels } = DISPUTE_FIELD_LABELS;
  return {
    labels,
    show(field, value) {
      switch (field) {
        case 'townshipCode':
        case 'villageCode':
        case 'gridCode':
          return names.region(String(value));
        case 'category':
          return names.dictEntry('dispute_category', String(value));
        case 'channel':
          return DISPUTE_CHANNEL_LABELS[value as DisputeChannel];
        case 'urgency':
          return DISPUTE_URGENCY_LABELS[value as DisputeUrgency];
        case 'riskColour':
          return DISPUTE_RISK_COLOUR_LABELS[value as DisputeRiskColour];
        default:
          return String(value);
      }
    },
  };
}

export const columnsOf = (input: DisputeEditable, changed: ReadonlySet<keyof DisputeEditable>): ColumnChanges =>
  Object.fromEntries([...changed].map((f) => [COLUMNS[f], input[f] as never]));
