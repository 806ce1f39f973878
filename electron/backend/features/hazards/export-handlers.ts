import type { HandlerMap } from '../../api/types';
import { startHazardExport } from './export';

/** The hazard export's start (following and fetching the job: features/exports/handlers.ts). */
export const hazardExportHandlers = {
  'hazards.exportStart': (input, ctx) => startHazardExport(ctx, input),
} satisfies HandlerMap<'hazards.exportStart'>;
