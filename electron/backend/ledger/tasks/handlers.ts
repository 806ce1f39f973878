import type { HandlerMap } from '../../api/types';
import { clockOf } from '../clock';
import { ownerInScope } from './owners';
import { tasksOf } from './repo';
import { createTask, transitionTask } from './service';

export const riskTasksHandlers = {
  'tasks.list': ({ ownerKind, ownerId }, ctx) => {
    ownerInScope(ctx, ownerKind, ownerId);
    return tasksOf(ctx.sql, ownerKind, ownerId, clockOf(ctx));
  },
  'tasks.create': (input, ctx) => createTask(ctx, input),
  'tasks.transition': (input, ctx) => transitionTask(ctx, input),
} satisfies HandlerMap<'tasks.list' | 'tasks.create' | 'tasks.transition'>;
