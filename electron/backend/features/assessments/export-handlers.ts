import type { HandlerMap } from '../../api/types';
import { startAssessmentExport } from './export';

/** The assessment export's start (following and fetching the job: features/exports/handlers.ts). */
export const assessmentExportHandlers = {
  'assessments.exportStart': (input, ctx) => startAssessmentExport(ctx, input),
} satisfies HandlerMap<'assessments.exportStart'>;
