import { z } from 'zod';
import type { DeadlineStage } from '../domain/ledger/deadlines';
import { isValidDate } from '../domain/ledger/calendar';
import {
  TASK_ACTIONS,
  TASK_KINDS,
  TASK_OWNER_KINDS,
  type TaskAction,
  type TaskKind,
  type TaskOwnerKind,
  type TaskStatus,
} from '../domain/risks/tasks';
import { defineMethod } from './define';

/** A measure or an assigned task of the risk ledger, with its clock and what may be done next. */
export interface RiskTask {
  id: string;
  ownerKind: TaskOwnerKind;
  ownerId: string;
  kind: TaskKind;
  title: string;
  unitId: string;
  unitName: string;
  startDate: string;
  dueDate: string;
  status: TaskStatus;
  stage: DeadlineStage | null;
  progressNote: string;
  completedOn: string | null;
  outcome: string | null;
  allowedActions: TaskAction[];
  events: RiskTaskEvent[];
}

export interface RiskTaskEvent {
  id: string;
  action: 'create' | TaskAction;
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus;
  note: string;
  dueDate: string | null;
  byName: string;
  at: string;
}

const id = z.uuid({ error: '编号格式不正确' });
const date = (label: string) => z.string().refine(isValidDate, { error: `“${label}”应为 YYYY-MM-DD 格式的真实日期` });
const optionalText = z.string().trim().max(2000).nullable().optional();

const owner = { ownerKind: z.enum(TASK_OWNER_KINDS), ownerId: id };

export const riskTasksCreateInput = z
  .object({
    ...owner,
    kind: z.enum(TASK_KINDS).default('measure'),
    title: z.string().trim().max(500, { error: '“措施内容”不能超过 500 个字' }),
    unitId: z.string().trim().max(64),
    /** The day it was set; today when left out. */
    startDate: date('下达日期').optional(),
    dueDate: z.string().trim().max(10),
  })
  .strict();

export const riskTasksTransitionInput = z
  .object({
    id,
    action: z.enum(TASK_ACTIONS),
    progressNote: optionalText,
    completedOn: optionalText,
    outcome: optionalText,
    dueDate: optionalText,
    reason: optionalText,
  })
  .strict();

export const riskTasksContract = {
  'tasks.list': defineMethod<RiskTask[]>()({
    input: z.object(owner).strict(),
    access: 'risks.read',
    summary: '查询一件稳评、隐患或会议的化解措施与交办事项',
  }),
  'tasks.create': defineMethod<RiskTask>()({
    input: riskTasksCreateInput,
    access: 'risks.write',
    summary: '制定化解措施或交办事项（责任单位、完成时限）',
  }),
  'tasks.transition': defineMethod<RiskTask>()({
    input: riskTasksTransitionInput,
    access: 'risks.write',
    summary: '办理一项措施：开始落实、完成、调整时限、撤销、重新落实',
  }),
};
