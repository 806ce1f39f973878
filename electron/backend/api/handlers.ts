import type { MethodName } from '../../../shared/contract';
import { boardHandlers } from '../features/board/handlers';
import { dictsHandlers } from '../features/dicts/handlers';
import { peopleHandlers } from '../features/people/handlers';
import { regionsHandlers } from '../features/regions/handlers';
import { systemHandlers } from '../features/system/handlers';
import { unitsHandlers } from '../features/units/handlers';
import type { HandlerMap } from './types';

/** The method table: every contract method has exactly one handler (checked by the type). */
export const handlers = {
  ...systemHandlers,
  ...regionsHandlers,
  ...unitsHandlers,
  ...peopleHandlers,
  ...dictsHandlers,
  ...boardHandlers,
} satisfies HandlerMap<MethodName>;
