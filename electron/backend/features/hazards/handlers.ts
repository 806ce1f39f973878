import { exportHandler } from '../../ledger/exports/export';
import { hazardExport } from './export';
import { principalOf, type HandlerMap } from '../../api/types';
import { todayOf } from '../../ledger/clock';
import { detailOf, hazardInScope } from './common';
import { hazardFigures } from './figures';
import { hazardFigureSheet } from './figures-export';
import { figureSheetFile } from '../../export/figures-sheet';
import { changeHazardLevel } from './level';
import { hazardsOfPetition, linkHazard, unlinkHazard } from './links';
import { addHazardNote } from './notes';
import { createHazard, updateHazard } from './register';
import { listHazards } from './repo';
import { hazardStore } from './store';
import { transitionHazard } from './transition';
import { voidHandlers } from '../../ledger/void';

const records = voidHandlers(hazardStore, detailOf);

export const hazardsHandlers = {
  'hazards.list': (input, ctx) => listHazards(ctx.sql, input, principalOf(ctx).regionCode, todayOf(ctx)),
  'hazards.get': ({ id }, ctx) => detailOf(ctx, hazardInScope(ctx, id).id),
  'hazards.create': (input, ctx) => createHazard(ctx, input),
  'hazards.update': (input, ctx) => updateHazard(ctx, input),
  'hazards.void': records.void,
  'hazards.restore': records.restore,
  'hazards.transition': (input, ctx) => transitionHazard(ctx, input),
  'hazards.changeLevel': (input, ctx) => changeHazardLevel(ctx, input),
  'hazards.addNote': (input, ctx) => addHazardNote(ctx, input),
  'hazards.link': (input, ctx) => linkHazard(ctx, input),
  'hazards.unlink': (input, ctx) => unlinkHazard(ctx, input),
  'hazards.linkedToPetition': ({ petitionId }, ctx) => hazardsOfPetition(ctx, petitionId),
  'hazards.figures': (input, ctx) => hazardFigures(ctx, input.period ?? null),
  'hazards.figuresExport': (input, ctx) =>
    figureSheetFile(ctx, 'hazards.figuresExport', hazardFigureSheet(hazardFigures(ctx, input.period ?? null))),
  'hazards.exportStart': exportHandler(hazardExport),
} satisfies HandlerMap<
  | 'hazards.list'
  | 'hazards.get'
  | 'hazards.create'
  | 'hazards.update'
  | 'hazards.void'
  | 'hazards.restore'
  | 'hazards.transition'
  | 'hazards.changeLevel'
  | 'hazards.addNote'
  | 'hazards.link'
  | 'hazards.unlink'
  | 'hazards.linkedToPetition'
  | 'hazards.figures'
  | 'hazards.figuresExport'
  | 'hazards.exportStart'
>;
