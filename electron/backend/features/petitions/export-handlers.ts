import type { HandlerMap } from '../../api/types';
import { startPetitionExport } from './export';

/** The petition export's start (following and fetching the job: features/exports/handlers.ts). */
export const petitionExportHandlers = {
  'petitions.exportStart': (input, ctx) => startPetitionExport(ctx, input),
} satisfies HandlerMap<'petitions.exportStart'>;
