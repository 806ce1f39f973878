import type { RiskTask } from '../../../../shared/contract/risk-tasks';
import { allowedTaskActions, taskStage, type TaskOwnerKind } from '../../../../shared/domain/risks/tasks';
import type { DeadlineClock } from '../../db/clock-sql';
import type { Schema } from '../../db/schema';
import { qb, type Sql } from '../../db/sql';
import { displayNameOf } from '../../db/display-name';

/** Queries of the risk ledger's tasks. Lists are per owner (a few dozen at most). */
export type TaskTableRow = Schema['risk_tasks'];

export const findTask = (sql: Sql, id: string): TaskTableRow | undefined =>
  sql.get(qb.selectFrom('risk_tasks').selectAll().where('id', '=', id));

const withUnit = () =>
  qb
    .selectFrom('risk_tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .selectAll('t')
    .select('u.name as unit_name');

function eventsOf(sql: Sql, taskIds: readonly string[]) {
  if (taskIds.length === 0) return new Map<string, RiskTask['events']>();
  const rows = sql.all(
    qb
      .selectFrom('risk_task_events as e')
      .select([
        'e.id',
        'e.task_id',
        'e.action',
        'e.from_status',
        'e.to_status',
        'e.note',
        'e.due_date',
        'e.at',
        displayNameOf('e.by_user').as('by_name'),
      ])
      .where('e.task_id', 'in', taskIds)
      .orderBy('e.at')
      .orderBy('e.id'),
  );
  const byTask = new Map<string, RiskTask['events']>();
  for (const e of rows) {
    const list = byTask.get(e.task_id) ?? [];
    list.push({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
      dueDate: e.due_date,
      byName: e.by_name,
      at: e.at,
    });
    byTask.set(e.task_id, list);
  }
  return byTask;
}

function toTask(row: TaskTableRow & { unit_name: string }, clock: DeadlineClock, events: RiskTask['events']): RiskTask {
  return {
    id: row.id,
    ownerKind: row.owner_kind,
    ownerId: row.owner_id,
    kind: row.kind,
    title: row.title,
    unitId: row.unit_id,
    unitName: row.unit_name,
    startDate: row.start_date,
    dueDate: row.due_date,
    status: row.status,
    stage: taskStage(
      { status: row.status, startDate: row.start_date, dueDate: row.due_date, today: clock.today },
      clock.dueSoonDays,
    ),
    progressNote: row.progress_note,
    completedOn: row.completed_on,
    outcome: row.outcome,
    allowedActions: allowedTaskActions(row.status),
    events,
  };
}

/** An owner's tasks, oldest first, each with its events. */
export function tasksOf(sql: Sql, ownerKind: TaskOwnerKind, ownerId: string, clock: DeadlineClock): RiskTask[] {
  const rows = sql.all(
    withUnit()
      .where('t.owner_kind', '=', ownerKind)
      .where('t.owner_id', '=', ownerId)
      .orderBy('t.created_at')
      .orderBy('t.id'),
  );
  const events = eventsOf(
    sql,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toTask(r, clock, events.get(r.id) ?? []));
}

export function taskById(sql: Sql, id: string, clock: DeadlineClock): RiskTask {
  const row = sql.get(withUnit().where('t.id', '=', id))!;
  return toTask(row, clock, eventsOf(sql, [id]).get(id) ?? []);
}

/** Measures of an owner not yet completed or cancelled (a hazard is not resolved while any is open). */
export const openMeasureCount = (sql: Sql, ownerKind: TaskOwnerKind, ownerId: string): number =>
  sql.get(
    qb
      .selectFrom('risk_tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_kind', '=', ownerKind)
      .where('owner_id', '=', ownerId)
      .where('kind', '=', 'measure')
      .where('status', 'in', ['pending', 'in_progress']),
  )?.n ?? 0;
