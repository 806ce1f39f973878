import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { RiskTask, riskTasksCreateInput, riskTasksTransitionInput } from '../../../../shared/contract/risk-tasks';
import {
  nextTaskStatus,
  taskDraftProblems,
  taskTransitionProblems,
  TASK_TRANSITION_FIELDS,
  type TaskTransitionInput,
} from '../../../../shared/domain/risks/tasks';
import { AppError } from '../../../../shared/errors';
import { assertNoProblems } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Schema } from '../../db/schema';
import { qb } from '../../db/sql';
import { audited } from '../../audit/writer';
import { clockOf } from '../clock';
import { assertUnit } from '../references';
import type { TaskOwner } from '../registry';
import { ownerInScope } from './owners';
import { findTask, taskById } from './repo';

type CreateInput = z.output<typeof riskTasksCreateInput>;
type TransitionInput = z.output<typeof riskTasksTransitionInput>;

const taskEntity = (id: string) => ({ entity: 'risk_task', entityId: id });

function assertNotFrozen(owner: TaskOwner): void {
  if (owner.frozenReason)
    throw new AppError('CONFLICT', owner.frozenReason, [{ path: 'status', message: owner.frozenReason }]);
}

function addTaskEvent(ctx: HandlerContext, event: Omit<Schema['risk_task_events'], 'id' | 'by_user' | 'at'>): void {
  ctx.sql.run(
    qb
      .insertInto('risk_task_events')
      .values({ id: uuidv7(), ...event, by_user: principalOf(ctx).userId, at: ctx.now().toISOString() }),
  );
}

/** A new measure or assigned task of an owner in the user's scope; its clock starts on `startDate`. */
export function createTask(ctx: HandlerContext, input: CreateInput): RiskTask {
  assertNotFrozen(ownerInScope(ctx, input.ownerKind, input.ownerId));
  const clock = clockOf(ctx);
  const startDate = input.startDate ?? clock.today;
  assertNoProblems(taskDraftProblems({ ...input, startDate }, clock.today));
  assertUnit(ctx, input.unitId, 'unitId', '责任单位');
  const id = uuidv7();
  const now = ctx.now().toISOString();
  audited(
    ctx,
    {
      action: 'tasks.create',
      ...taskEntity(id),
      fields: ['ownerKind', 'ownerId', 'kind', 'title', 'unitId', 'startDate', 'dueDate'],
      detail: `${input.ownerKind}:${input.ownerId}`,
    },
    () => {
      ctx.sql.run(
        qb.insertInto('risk_tasks').values({
          id,
          owner_kind: input.ownerKind,
          owner_id: input.ownerId,
          kind: input.kind,
          title: input.title,
          unit_id: input.unitId,
          start_date: startDate,
          due_date: input.dueDate,
          status: 'pending',
          progress_note: '',
          completed_on: null,
          outcome: null,
          created_by: principalOf(ctx).userId,
          created_at: now,
          updated_at: now,
        }),
      );
      addTaskEvent(ctx, {
        task_id: id,
        action: 'create',
        from_status: null,
        to_status: 'pending',
        note: '',
        due_date: input.dueDate,
      });
    },
  );
  return taskById(ctx.sql, id, clock);
}

/** One step of a task (tasks.ts decides what is allowed and what it needs); audited with its event. */
export function transitionTask(ctx: HandlerContext, input: TransitionInput): RiskTask {
  const row = findTask(ctx.sql, input.id);
  if (!row) throw new AppError('NOT_FOUND', '未找到该措施，请刷新后重试。');
  assertNotFrozen(ownerInScope(ctx, row.owner_kind, row.owner_id));
  const clock = clockOf(ctx);
  const fields: TaskTransitionInput = {};
  for (const field of TASK_TRANSITION_FIELDS) if (input[field] !== undefined) fields[field] = input[field];
  assertNoProblems(
    taskTransitionProblems(row.status, input.action, fields, {
      today: clock.today,
      startDate: row.start_date,
      dueDate: row.due_date,
    }),
  );
  const to = nextTaskStatus(row.status, input.action)!;
  const changes: Partial<Schema['risk_tasks']> = { status: to };
  switch (input.action) {
    case 'start':
      changes.progress_note = input.progressNote!;
      break;
    case 'complete':
      Object.assign(changes, { completed_on: input.completedOn, outcome: input.outcome });
      break;
    case 'reschedule':
      changes.due_date = input.dueDate!;
      break;
    case 'reopen':
      Object.assign(changes, { due_date: input.dueDate, completed_on: null, outcome: null });
      break;
    case 'cancel':
      break;
  }
  const note = input.progressNote ?? input.outcome ?? input.reason ?? '';
  audited(
    ctx,
    { action: `tasks.${input.action}`, ...taskEntity(row.id), fields: ['status', ...Object.keys(fields)] },
    () => {
      ctx.sql.run(
        qb
          .updateTable('risk_tasks')
          .set({ ...changes, updated_at: ctx.now().toISOString() })
          .where('id', '=', row.id),
      );
      addTaskEvent(ctx, {
        task_id: row.id,
        action: input.action,
        from_status: row.status,
        to_status: to,
        note,
        due_date: changes.due_date ?? null,
      });
    },
  );
  return taskById(ctx.sql, row.id, clock);
}
