import { changesOf } from '../../ledger/changes';
import type { HazardDetail, LinkedHazard, LinkedPetition } from '../../../../shared/contract/hazards';
import { maskName, maskPhone } from '../../../../shared/domain/masking';
import { allowedHazardActions } from '../../../../shared/domain/risks/hazard-statuses';
import { townshipPrefix } from '../../../../shared/domain/scope';
import type { DeadlineClock } from '../../db/clock-sql';
import { qb, type Sql } from '../../db/sql';
import { tasksOf } from '../../ledger/tasks/repo';
import { hazardPeople } from './people';
import { toRow, withColumns, type JoinedRow } from './repo';
import { displayNameOf } from '../../db/display-name';

const byName = displayNameOf('t.by_user');

/** Petition cases linked to a hazard (each was in the linking user's scope when linked). */
function linkedPetitions(sql: Sql, hazardId: string): LinkedPetition[] {
  return sql.all(
    qb
      .selectFrom('hazard_links as k')
      .innerJoin('petitions as p', 'p.id', 'k.target_id')
      .select(['p.id', 'p.case_no as caseNo', 'p.summary', 'p.status'])
      .where('k.hazard_id', '=', hazardId)
      .where('k.target_kind', '=', 'petition')
      .orderBy('p.case_no'),
  );
}

/** A hazard with everything the drawer shows: people (masked), history, notes, tasks, links. */
export function findHazardDetail(sql: Sql, id: string, clock: DeadlineClock): HazardDetail | undefined {
  const row = sql.get(withColumns(qb.selectFrom('hazards as h')).where('h.id', '=', id)) as JoinedRow | undefined;
  if (!row) return undefined;
  const grid = row.grid_code
    ? sql.get(qb.selectFrom('regions').select('name').where('code', '=', row.grid_code))
    : undefined;
  return {
    ...toRow(row),
    description: row.description,
    villageCode: row.village_code,
    gridCode: row.grid_code,
    gridName: grid?.name ?? null,
    lng: row.lng,
    lat: row.lat,
    responsibleId: row.responsible_id,
    plan: row.plan,
    measures: row.measures,
    outcome: row.outcome,
    levelChangedOn: row.level_changed_on,
    resolvedOn: row.resolved_on,
    closedOn: row.closed_on,
    createdAt: row.created_at,
    version: row.version,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
    changes: changesOf(sql, 'hazard', id),
    allowedActions: allowedHazardActions(row.status),
    people: hazardPeople(sql, id).map((p) => ({
      id: p.id,
      nameMasked: maskName(p.name),
      phoneMasked: p.phone ? maskPhone(p.phone) : null,
    })),
    events: sql
      .all(
        qb
          .selectFrom('hazard_events as t')
          .select(['t.id', 't.action', 't.from_status', 't.to_status', 't.note', 't.at', byName.as('by_name')])
          .where('t.hazard_id', '=', id)
          .orderBy('t.at')
          .orderBy('t.id'),
      )
      .map((e) => ({
        id: e.id,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: e.note,
        byName: e.by_name,
        at: e.at,
      })),
    levelHistory: sql
      .all(
        qb
          .selectFrom('hazard_level_changes as t')
          .select(['t.id', 't.from_level', 't.to_level', 't.changed_on', 't.reason', 't.at', byName.as('by_name')])
          .where('t.hazard_id', '=', id)
          .orderBy('t.changed_on')
          .orderBy('t.at'),
      )
      .map((c) => ({
        id: c.id,
        fromLevel: c.from_level,
        toLevel: c.to_level,
        changedOn: c.changed_on,
        reason: c.reason,
        byName: c.by_name,
        at: c.at,
      })),
    notes: sql
      .all(
        qb
          .selectFrom('hazard_notes as t')
          .select([
            't.id',
            't.kind',
            't.noted_on',
            't.content',
            't.trend',
            't.suggested_level',
            't.at',
            byName.as('by_name'),
          ])
          .where('t.hazard_id', '=', id)
          .orderBy('t.noted_on', 'desc')
          .orderBy('t.at', 'desc'),
      )
      .map((n) => ({
        id: n.id,
        kind: n.kind,
        notedOn: n.noted_on,
        content: n.content,
        trend: n.trend,
        suggestedLevel: n.suggested_level,
        byName: n.by_name,
        at: n.at,
      })),
    tasks: tasksOf(sql, 'hazard', id, clock),
    linkedPetitions: linkedPetitions(sql, id),
    linkedAssessmentIds: sql
      .all(
        qb
          .selectFrom('hazard_links')
          .select('target_id')
          .where('hazard_id', '=', id)
          .where('target_kind', '=', 'assessment')
          .orderBy('at'),
      )
      .map((l) => l.target_id),
  };
}

/** Hazards in the user's scope linked to a petition case (shown in the petition's detail). */
export function hazardsLinkedTo(
  sql: Sql,
  targetKind: 'petition' | 'assessment',
  targetId: string,
  scope: string | null,
): LinkedHazard[] {
  let query = qb
    .selectFrom('hazard_links as k')
    .innerJoin('hazards as h', 'h.id', 'k.hazard_id')
    .select(['h.id', 'h.hazard_no as hazardNo', 'h.title', 'h.level', 'h.status'])
    .where('k.target_kind', '=', targetKind)
    .where('k.target_id', '=', targetId);
  if (scope) query = query.where('h.township_code', 'like', `${townshipPrefix(scope)}%`);
  return sql.all(query.orderBy('h.hazard_no'));
}
