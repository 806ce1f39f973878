import type { z } from 'zod';
import type { hazardsUpdateInput } from '../../../../shared/contract/hazards';
import { maskPersonal } from '../../../../shared/domain/ledger/records';
import {
  HAZARD_FIELD_LABELS,
  HAZARD_SOURCE_LABELS,
  type HazardSource,
} from '../../../../shared/domain/risks/hazard-record';
import type { HandlerContext } from '../../api/types';
import type { EditableFields } from '../../ledger/changes';
import { referenceNames } from '../../ledger/names';
import type { ColumnChanges } from '../../ledger/write';
import { hazardPeople } from './people';
import type { HazardTableRow } from './repo';

type UpdateInput = z.output<typeof hazardsUpdateInput>;
type Person = { name: string; phone: string | null };

/** The hazard's correctable fields: its description, place, people, plan and measures (not its colour). */
export type HazardEditable = Omit<UpdateInput, 'id' | 'version' | 'people' | 'pointCrs'> & { people: Person[] };

const COLUMNS = {
  title: 'title',
  category: 'category',
  source: 'source',
  description: 'description',
  foundOn: 'found_on',
  townshipCode: 'township_code',
  villageCode: 'village_code',
  gridCode: 'grid_code',
  lng: 'lng',
  lat: 'lat',
  peopleInvolved: 'people_involved',
  plan: 'plan',
  measures: 'measures',
} as const satisfies Record<Exclude<keyof HazardEditable, 'people'>, keyof HazardTableRow>;

export const storedPeople = (ctx: HandlerContext, hazardId: string): Person[] =>
  hazardPeople(ctx.sql, hazardId).map(({ name, phone }) => ({ name, phone }));

export const editableValues = (ctx: HandlerContext, row: HazardTableRow): HazardEditable => ({
  ...(Object.fromEntries(
    Object.entries(COLUMNS).map(([field, column]) => [field, row[column as keyof HazardTableRow]]),
  ) as Omit<HazardEditable, 'people'>),
  people: storedPeople(ctx, row.id),
});

/** People as the timeline shows them: masked names and phones. */
const showPeople = (people: Person[]): string =>
  people.map((p) => maskPersonal('name', p.name) + (p.phone ? `（${maskPersonal('phone', p.phone)}）` : '')).join('、');

export function editableFields(ctx: HandlerContext): EditableFields<HazardEditable> {
  const names = referenceNames(ctx.sql);
  return {
    labels: HAZARD_FIELD_LABELS,
    show(field, value) {
      switch (field) {
        case 'people':
          return showPeople(value as Person[]);
        case 'townshipCode':
        case 'villageCode':
        case 'gridCode':
          return names.region(String(value));
        case 'category':
          return names.dictEntry('hazard_category', String(value));
        case 'source':
          return HAZARD_SOURCE_LABELS[value as HazardSource];
        default:
          return String(value);
      }
    },
  };
}

/** The columns of the changed fields (the people are a list of their own). */
export const columnsOf = (input: HazardEditable, changed: ReadonlySet<keyof HazardEditable>): ColumnChanges =>
  Object.fromEntries(
    [...changed].filter((f) => f !== 'people').map((f) => [COLUMNS[f as keyof typeof COLUMNS], input[f] as never]),
  );
