import type { HandlerMap } from '../../api/types';
import { activeBoundary } from './repo';

export const boardHandlers = {
  'board.boundary': (_input, { sql }) => activeBoundary(sql),
} satisfies HandlerMap<'board.boundary'>;
