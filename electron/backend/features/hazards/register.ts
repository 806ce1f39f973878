import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { HazardDetail, hazardsCreateInput, hazardsUpdateInput } from '../../../../shared/contract/hazards';
import { hazardDraftProblems } from '../../../../shared/domain/risks/hazard-record';
import type { HazardLevel } from '../../../../shared/domain/risks/hazard-levels';
import { assertNoProblems, invalidField } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { NEW_RECORD } from '../../ledger/store';
import { qb } from '../../db/sql';
import { audited } from '../../audit/writer';
import { todayOf } from '../../ledger/clock';
import { addHazardEvent } from './events';
import {
  columnsOf as editedColumns,
  editableFields,
  editableValues,
  storedPeople,
  type HazardEditable,
} from './editable';
import { replaceHazardPeople } from './people';
import { hazardStore } from './store';
import type { HazardTableRow } from './repo';
import { editRecord } from '../../ledger/edit';
import { assertHazardCategory, assertLocation, detailOf, hazardEntity } from './common';
import { countyExtent } from './extent';
import { inBoundarySystem, townshipPlaceProblems } from './place';
import { activeBoundary } from '../../db/county';
import type { TownshipBoundary } from '../../../../shared/contract/board';
import { nextHazardNo } from './repo';

type CreateInput = z.output<typeof hazardsCreateInput>;
type UpdateInput = z.output<typeof hazardsUpdateInput>;
type Draft = Omit<CreateInput, 'level' | 'pointCrs'> & { level: string };

/** An extent that contains every point: used only when no coordinates are given. */
const ANYWHERE = { minLng: -180, minLat: -90, maxLng: 180, maxLat: 90 };

/**
 * The domain's checks of a new or edited hazard, coordinates against the county's extent and then
 * their township's polygons (from the imported boundary file), then the references (category,
 * regions and scope).
 */
function assertDraft(
  ctx: HandlerContext,
  draft: Draft,
  boundary: TownshipBoundary | null,
  kept?: HazardTableRow,
): void {
  const hasPoint = draft.lng !== null || draft.lat !== null;
  const extent = boundary && countyExtent(boundary);
  if (hasPoint && !extent) {
    invalidField('lng', '尚未导入本县边界，无法核对坐标：请由管理员导入边界文件，或先不填经纬度。');
  }
  assertNoProblems(hazardDraftProblems(draft, extent ?? ANYWHERE, todayOf(ctx)));
  if (boundary && draft.lng !== null && draft.lat !== null) {
    assertNoProblems(townshipPlaceProblems(boundary, draft.townshipCode, { lng: draft.lng, lat: draft.lat }));
  }
  assertHazardCategory(ctx, draft.category, kept?.category);
  assertLocation(ctx, draft, kept);
}

const DESCRIPTIVE = [
  'title',
  'category',
  'source',
  'description',
  'foundOn',
  'townshipCode',
  'villageCode',
  'gridCode',
  'lng',
  'lat',
  'peopleInvolved',
] as const;

const columnsOf = (input: Draft) => ({
  title: input.title,
  category: input.category,
  source: input.source,
  description: input.description,
  found_on: input.foundOn,
  township_code: input.townshipCode,
  village_code: input.villageCode,
  grid_code: input.gridCode,
  lng: input.lng,
  lat: input.lat,
  people_involved: input.peopleInvolved,
});

/** Registers a hazard as 发现, numbered per year, with its keyword index entry. */
export function createHazard(ctx: HandlerContext, given: CreateInput): HazardDetail {
  const boundary = activeBoundary(ctx.sql);
  const input = inBoundarySystem(boundary, given);
  assertDraft(ctx, input, boundary);
  const id = uuidv7();
  const now = ctx.now().toISOString();
  const fields = [
    ...DESCRIPTIVE.filter((f) => input[f] !== null && input[f] !== ''),
    'level',
    ...(input.people.length ? ['people'] : []),
  ];
  audited(ctx, { action: 'hazards.create', ...hazardEntity(id), fields }, () => {
    ctx.sql.run(
      qb.insertInto('hazards').values({
        ...NEW_RECORD,
        id,
        hazard_no: nextHazardNo(ctx.sql, todayOf(ctx).slice(0, 4)),
        ...columnsOf(input),
        level: input.level as HazardLevel,
        status: 'found',
        leader_id: null,
        responsible_id: null,
        plan: '',
        measures: '',
        outcome: null,
        level_changed_on: input.foundOn,
        resolved_on: null,
        closed_on: null,
        created_by: principalOf(ctx).userId,
        created_at: now,
        updated_at: now,
      }),
    );
    replaceHazardPeople(ctx.sql, id, input.people);
    addHazardEvent(ctx, { hazard_id: id, action: 'register', from_status: null, to_status: 'found', note: '' });
    hazardStore.search.index(ctx.sql, id);
  });
  return detailOf(ctx, id);
}

/**
 * Corrects the descriptive fields, the people, the plan and the measures text (the colour has its
 * own step), version-checked; the timeline shows each change with people masked. People absent
 * from the request stay as they are: the drawer shows them masked, so it cannot send them back.
 */
export function updateHazard(ctx: HandlerContext, given: UpdateInput): HazardDetail {
  const boundary = activeBoundary(ctx.sql);
  const input = inBoundarySystem(boundary, given);
  editRecord(ctx, hazardStore, input, {
    fields: editableFields(ctx),
    before: (row) => editableValues(ctx, row),
    after: { ...withoutKeys(input), people: input.people ?? storedPeople(ctx, input.id) },
    check(row) {
      if (row.status === 'closed') {
        assertNoProblems([{ path: 'status', message: '已销号的隐患不能修改，如有新情况请先重新化解' }]);
      }
      assertDraft(ctx, { ...input, people: input.people ?? [], level: row.level }, boundary, row);
    },
    apply(row, changed) {
      if (changed.has('people')) replaceHazardPeople(ctx.sql, row.id, input.people ?? []);
      return editedColumns(input as HazardEditable, changed);
    },
  });
  return detailOf(ctx, input.id);
}

const withoutKeys = ({ id: _id, version: _version, people: _people, ...fields }: Omit<UpdateInput, 'pointCrs'>) =>
  fields;
