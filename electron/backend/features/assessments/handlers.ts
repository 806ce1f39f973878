import { exportHandler } from '../../ledger/exports/export';
import { assessmentExport } from './export';
import { principalOf, type HandlerMap } from '../../api/types';
import { assessmentClockOf, assessmentInScope, detailOf } from './common';
import { assessmentFigures } from './figures';
import { assessmentFigureSheet } from './figures-export';
import { figureSheetFile } from '../../export/figures-sheet';
import { createAssessment, updateAssessment } from './register';
import { listAssessments } from './repo';
import { recordReReview, reReviewsDue } from './re-reviews';
import { assessmentStore } from './store';
import { transitionAssessment } from './transition';
import { setEmergencyPlan } from './emergency-plan';
import { voidHandlers } from '../../ledger/void';

const records = voidHandlers(assessmentStore, detailOf);

export const assessmentsHandlers = {
  'assessments.list': (input, ctx) =>
    listAssessments(ctx.sql, input, principalOf(ctx).regionCode, assessmentClockOf(ctx)),
  'assessments.get': ({ id }, ctx) => detailOf(ctx, assessmentInScope(ctx, id).id),
  'assessments.rules': (_input, ctx) => ({
    conclusionMapping: ctx.settings.work.conclusionMapping,
    reReviewIntervalMonths: ctx.settings.work.reReviewIntervalMonths,
  }),
  'assessments.create': (input, ctx) => createAssessment(ctx, input),
  'assessments.update': (input, ctx) => updateAssessment(ctx, input),
  'assessments.void': records.void,
  'assessments.restore': records.restore,
  'assessments.transition': (input, ctx) => transitionAssessment(ctx, input),
  'assessments.recordReReview': (input, ctx) => recordReReview(ctx, input),
  'assessments.setEmergencyPlan': (input, ctx) => setEmergencyPlan(ctx, input),
  'assessments.reReviewsDue': (input, ctx) => reReviewsDue(ctx, input),
  'assessments.figures': (input, ctx) => assessmentFigures(ctx, input.period ?? null),
  'assessments.figuresExport': (input, ctx) =>
    figureSheetFile(
      ctx,
      'assessments.figuresExport',
      assessmentFigureSheet(assessmentFigures(ctx, input.period ?? null)),
    ),
  'assessments.exportStart': exportHandler(assessmentExport),
} satisfies HandlerMap<
  | 'assessments.list'
  | 'assessments.get'
  | 'assessments.rules'
  | 'assessments.create'
  | 'assessments.update'
  | 'assessments.void'
  | 'assessments.restore'
  | 'assessments.transition'
  | 'assessments.recordReReview'
  | 'assessments.setEmergencyPlan'
  | 'assessments.reReviewsDue'
  | 'assessments.figures'
  | 'assessments.figuresExport'
  | 'assessments.exportStart'
>;
