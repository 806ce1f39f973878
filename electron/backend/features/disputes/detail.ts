import type { DisputeDetail, RelatedDispute } from '../../../../shared/contract/disputes';
import { allowedDisputeActions } from '../../../../shared/domain/disputes/statuses';
import { displayNameOf } from '../../db/display-name';
import { qb, type Sql } from '../../db/sql';
import { changesOf } from '../../ledger/changes';
import { maskedParties } from './parties';
import type { DeadlineClock } from '../../db/clock-sql';
import { clockParams, toRow, withColumns, type JoinedRow } from './repo';

const byName = displayNameOf('t.by_user');

/** Other disputes linked at intake, both ways (this one found them, or they found this one). */
function relatedDisputes(sql: Sql, id: string): RelatedDispute[] {
  const links = sql.all(
    qb
      .selectFrom('dispute_links')
      .select(['related_id as other', 'reason'])
      .where('dispute_id', '=', id)
      .unionAll(qb.selectFrom('dispute_links').select(['dispute_id as other', 'reason']).where('related_id', '=', id)),
  );
  return links.flatMap(({ other, reason }) => {
    const row = sql.get(
      qb.selectFrom('disputes').select(['id', 'dispute_no', 'summary', 'status']).where('id', '=', other),
    );
    return row ? [{ id: row.id, disputeNo: row.dispute_no, summary: row.summary, status: row.status, reason }] : [];
  });
}

/** A dispute with everything the drawer shows: parties (masked), timeline, transfers, related ones. */
export function findDisputeDetail(sql: Sql, id: string, clock: DeadlineClock): DisputeDetail | undefined {
  const row = sql.get(withColumns(qb.selectFrom('disputes as d')).where('d.id', '=', id), clockParams(clock)) as
    JoinedRow | undefined;
  if (!row) return undefined;
  const grid = row.grid_code
    ? sql.get(qb.selectFrom('regions').select('name').where('code', '=', row.grid_code))
    : undefined;
  return {
    ...toRow(row),
    villageCode: row.village_code,
    gridCode: row.grid_code,
    gridName: grid?.name ?? null,
    peopleInvolved: row.people_involved,
    amountInvolved: row.amount_involved,
    escalated: row.escalated === 1,
    legalPath: row.legal_path,
    coordination: row.coordination,
    coUnits: sql.all(
      qb
        .selectFrom('dispute_units as k')
        .innerJoin('units as u', 'u.id', 'k.unit_id')
        .select(['u.id', 'u.name'])
        .where('k.dispute_id', '=', id)
        .orderBy('u.sort'),
    ),
    mediator: row.mediator,
    agreement: row.agreement,
    agreementFile: row.agreement_attachment_id
      ? (sql.get(
          qb
            .selectFrom('attachments')
            .select(['id', 'file_name as fileName'])
            .where('id', '=', row.agreement_attachment_id),
        ) ?? null)
      : null,
    judicialConfirmation: row.judicial_confirmation === null ? null : row.judicial_confirmation === 1,
    convertedTo: row.converted_to,
    preventedCriminal: row.prevented_criminal === 1,
    preventedCriminalPeople: row.prevented_criminal_people,
    preventedCollective: row.prevented_collective === 1,
    satisfaction: row.satisfaction,
    visitNote: row.visit_note,
    routedOn: row.routed_on,
    resultOn: row.result_on,
    visitedOn: row.visited_on,
    closedOn: row.closed_on,
    createdAt: row.created_at,
    version: row.version,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
    changes: changesOf(sql, 'dispute', id),
    allowedActions: allowedDisputeActions(row.status),
    parties: maskedParties(sql, id),
    events: sql
      .all(
        qb
          .selectFrom('dispute_events as t')
          .leftJoin('units as u', 'u.id', 't.unit_id')
          .select(['t.id', 't.action', 't.from_status', 't.to_status', 't.note', 't.at', 'u.name as unit_name'])
          .select(byName.as('by_name'))
          .where('t.dispute_id', '=', id)
          .orderBy('t.at')
          .orderBy('t.id'),
      )
      .map((e) => ({
        id: e.id,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: e.note,
        unitName: e.unit_name,
        byName: e.by_name,
        at: e.at,
      })),
    transfers: sql
      .all(
        qb
          .selectFrom('dispute_transfers as t')
          .select(['t.id', 't.from_level', 't.to_level', 't.direction', 't.reason', 't.at', byName.as('by_name')])
          .where('t.dispute_id', '=', id)
          .orderBy('t.at'),
      )
      .map((t) => ({
        id: t.id,
        fromLevel: t.from_level,
        toLevel: t.to_level,
        direction: t.direction,
        reason: t.reason,
        byName: t.by_name,
        at: t.at,
      })),
    related: relatedDisputes(sql, id),
  };
}
