import { exportHandler } from '../../ledger/exports/export';
import { petitionExport } from './export';
import { principalOf, type HandlerMap } from '../../api/types';
import { caseInScope, detailOf } from './common';
import { clockOf } from '../../ledger/clock';
import { addProgress, extendPetition, supervisePetition } from './actions';
import { petitionFigures } from './figures';
import { petitionFigureSheet } from './figures-export';
import { figureSheetFile } from '../../export/figures-sheet';
import { supervisionQueue } from './queue';
import { createPetition, finalMatch, updatePetition } from './register';
import { listPetitions } from './repo';
import { petitionStore } from './store';
import { transitionPetition } from './transition';
import { voidHandlers } from '../../ledger/void';

const records = voidHandlers(petitionStore, detailOf);

export const petitionsHandlers = {
  'petitions.list': (input, ctx) => listPetitions(ctx.sql, input, principalOf(ctx).regionCode, clockOf(ctx)),
  'petitions.get': ({ id }, ctx) => detailOf(ctx, caseInScope(ctx, id).id),
  'petitions.create': (input, ctx) => createPetition(ctx, input),
  'petitions.update': (input, ctx) => updatePetition(ctx, input),
  'petitions.void': records.void,
  'petitions.restore': records.restore,
  'petitions.transition': (input, ctx) => transitionPetition(ctx, input),
  'petitions.finalMatch': (input, ctx) => finalMatch(ctx, input),
  'petitions.addProgress': (input, ctx) => addProgress(ctx, input),
  'petitions.extend': (input, ctx) => extendPetition(ctx, input),
  'petitions.supervise': (input, ctx) => supervisePetition(ctx, input),
  'petitions.supervisionQueue': (input, ctx) => supervisionQueue(ctx, input),
  'petitions.figures': (input, ctx) => petitionFigures(ctx, input.period ?? null),
  'petitions.figuresExport': (input, ctx) =>
    figureSheetFile(ctx, 'petitions.figuresExport', petitionFigureSheet(petitionFigures(ctx, input.period ?? null))),
  'petitions.exportStart': exportHandler(petitionExport),
} satisfies HandlerMap<
  | 'petitions.list'
  | 'petitions.get'
  | 'petitions.create'
  | 'petitions.update'
  | 'petitions.void'
  | 'petitions.restore'
  | 'petitions.transition'
  | 'petitions.finalMatch'
  | 'petitions.addProgress'
  | 'petitions.extend'
  | 'petitions.supervise'
  | 'petitions.supervisionQueue'
  | 'petitions.figures'
  | 'petitions.figuresExport'
  | 'petitions.exportStart'
>;
