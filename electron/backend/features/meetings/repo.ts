import { sql as rawSql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { MeetingDetail, MeetingItem, MeetingRow, meetingsListInput } from '../../../../shared/contract/meetings';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { contains, offsetOf } from '../../db/paging';
import type { Schema } from '../../db/schema';
import { nextSerial } from '../../db/serial';
import type { DeadlineClock } from '../../db/clock-sql';
import { qb, type Sql } from '../../db/sql';
import type { RegionReference } from '../../ledger/registry';
import { tasksOf } from '../../ledger/tasks/repo';

/** Queries of the meetings (一评四会). */
export type MeetingTableRow = Schema['meetings'];
export type ListInput = z.output<typeof meetingsListInput>;

/** Where each township or village meeting was held, which a region's move or merge re-points. */
export const meetingRegions: RegionReference = {
  noun: '会商研判',
  table: 'meetings',
  columns: { township: 'township_code', village: 'village_code' },
};

export const findMeeting = (sql: Sql, id: string): MeetingTableRow | undefined =>
  sql.get(qb.selectFrom('meetings').selectAll().where('id', '=', id));

/**
 * The meetings a user sees: a township user those of their township; county and city meetings
 * (no township) only county-wide users, as for the tasks' owners (ledger/tasks/owners.ts).
 */
export function filtered(input: Partial<ListInput>, scope: string | null) {
  let query = qb.selectFrom('meetings as m');
  if (scope) query = query.where('m.township_code', 'like', `${townshipPrefix(scope)}%`);
  if (input.keyword) query = query.where(contains('m.topic', input.keyword));
  if (input.level) query = query.where('m.level', '=', input.level);
  if (input.townshipCode) query = query.where('m.township_code', '=', input.townshipCode);
  if (input.heldFrom) query = query.where('m.held_on', '>=', input.heldFrom);
  if (input.heldTo) query = query.where('m.held_on', '<=', input.heldTo);
  if (input.itemKind && input.itemId) {
    const items = qb
      .selectFrom('meeting_items')
      .select('meeting_id')
      .where('item_kind', '=', input.itemKind)
      .where('item_id', '=', input.itemId);
    query = query.where(rawSql<SqlBool>`m.id IN (${items})`);
  }
  return query;
}

type MeetingQuery = ReturnType<typeof filtered>;

const withColumns = (query: MeetingQuery) =>
  query
    .leftJoin('regions as g', 'g.code', 'm.township_code')
    .leftJoin('regions as v', 'v.code', 'm.village_code')
    .selectAll('m')
    .select([
      'g.name as township_name',
      'v.name as village_name',
      rawSql<number>`(SELECT count(*) FROM meeting_attendees WHERE meeting_id = m.id)`.as('attendee_count'),
      rawSql<number>`(SELECT count(*) FROM meeting_items WHERE meeting_id = m.id)`.as('item_count'),
      rawSql<number>`(SELECT count(*) FROM meeting_decisions WHERE meeting_id = m.id)`.as('decision_count'),
      rawSql<number>`(SELECT count(*) FROM meeting_decisions WHERE meeting_id = m.id AND task_id IS NOT NULL)`.as(
        'assigned_count',
      ),
    ]);

type JoinedRow = MeetingTableRow & {
  township_name: string | null;
  village_name: string | null;
  attendee_count: number;
  item_count: number;
  decision_count: number;
  assigned_count: number;
};

const toRow = (row: JoinedRow): MeetingRow => ({
  id: row.id,
  meetingNo: row.meeting_no,
  level: row.level,
  heldOn: row.held_on,
  topic: row.topic,
  chairedBy: row.chaired_by,
  townshipCode: row.township_code,
  townshipName: row.township_name,
  villageName: row.village_name,
  attendeeCount: row.attendee_count,
  itemCount: row.item_count,
  decisionCount: row.decision_count,
  assignedCount: row.assigned_count,
});

/** Latest first; the page picked on the bare table and only its rows joined. */
export function listMeetings(sql: Sql, input: ListInput, scope: string | null): Page<MeetingRow> {
  const total = sql.get(filtered(input, scope).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const picked = filtered(input, scope)
    .orderBy('m.held_on', 'desc')
    .orderBy('m.id', 'desc')
    .limit(input.pageSize)
    .offset(offsetOf(input.page, input.pageSize))
    .select('m.id');
  const rows = sql.all(
    withColumns(qb.selectFrom('meetings as m'))
      .where('m.id', 'in', picked)
      .orderBy('m.held_on', 'desc')
      .orderBy('m.id', 'desc'),
  ) as JoinedRow[];
  return { items: rows.map(toRow), total, page: input.page, pageSize: input.pageSize };
}

/** The items discussed with their numbers and titles, in the order given. */
function itemsOf(sql: Sql, meetingId: string): MeetingItem[] {
  return sql
    .prepare(
      `SELECT i.item_kind AS kind, i.item_id AS id,
        coalesce(h.hazard_no, a.assessment_no, p.case_no, '') AS number,
        coalesce(h.title, a.matter, p.summary, '') AS title
      FROM meeting_items i
      LEFT JOIN hazards h ON i.item_kind = 'hazard' AND h.id = i.item_id
      LEFT JOIN assessments a ON i.item_kind = 'assessment' AND a.id = i.item_id
      LEFT JOIN petitions p ON i.item_kind = 'petition' AND p.id = i.item_id
      WHERE i.meeting_id = ? ORDER BY i.sort`,
    )
    .all(meetingId) as MeetingItem[];
}

export function findMeetingDetail(sql: Sql, id: string, clock: DeadlineClock): MeetingDetail | undefined {
  const row = sql.get(withColumns(qb.selectFrom('meetings as m')).where('m.id', '=', id)) as JoinedRow | undefined;
  if (!row) return undefined;
  const attendees = sql.all(
    qb.selectFrom('meeting_attendees').select(['name', 'unit']).where('meeting_id', '=', id).orderBy('sort'),
  );
  const decisions = sql
    .all(qb.selectFrom('meeting_decisions').selectAll().where('meeting_id', '=', id).orderBy('sort'))
    .map((d) => ({ id: d.id, sort: d.sort, content: d.content, decidedOn: d.decided_on, taskId: d.task_id }));
  return {
    ...toRow(row),
    villageCode: row.village_code,
    location: row.location,
    summary: row.summary,
    createdAt: row.created_at,
    attendees,
    items: itemsOf(sql, id),
    decisions,
    tasks: tasksOf(sql, 'meeting', id, clock),
  };
}

/** The next `HY2026-0001` of the year, allocated inside the write transaction. */
export const nextMeetingNo = (sql: Sql, year: string): string => nextSerial(sql, 'meetings', `HY${year}-`, 4);
