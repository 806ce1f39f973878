import type { HandlerMap } from '../../api/types';
import { ownerInScope } from './owners';
import { tasksOf } from './repo';
import { createTask, taskClockOf, transitionTask } from './service';

export const riskTasksHandlers = {
  'tasks.list': ({ ownerKind, ownerId }, ctx) => {
    ownerInScope(ctx, ownerKind, ownerId);
    return tasksOf(ctx.sql, ownerKind, ownerId, taskClockOf(ctx));
  },
  'tasks.create': (input, ctx) => createTask(ctx, input),
  'tasks.transition': (input, ctx) => transitionTask(ctx, input),
} satisfies HandlerMap<'tasks.list' | 'tasks.create' | 'tasks.transition'>;
