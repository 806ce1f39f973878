import type { HandlerMap } from '../../api/types';
import { activeBoundary } from '../../db/county';
import { importBoundary, previewBoundary } from './boundary-import';
import { openDisplay } from './display';
import { boardSnapshot } from './snapshot';

export const boardHandlers = {
  'board.boundary': (_input, { sql }) => activeBoundary(sql),
  'board.snapshot': (_input, ctx) => boardSnapshot(ctx),
  'board.importBoundaryPreview': (input, ctx) => previewBoundary(ctx, input),
  'board.importBoundary': (input, ctx) => importBoundary(ctx, input),
  'board.openDisplay': (_input, ctx) => openDisplay(ctx),
} satisfies HandlerMap<
  'board.boundary' | 'board.snapshot' | 'board.importBoundaryPreview' | 'board.importBoundary' | 'board.openDisplay'
>;
