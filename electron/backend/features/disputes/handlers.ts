import { principalOf, type HandlerMap } from '../../api/types';
import { figureSheetFile } from '../../export/figures-sheet';
import { exportHandler } from '../../ledger/exports/export';
import { clockOf } from '../../ledger/clock';
import { voidHandlers } from '../../ledger/void';
import { detailOf, disputeInScope } from './common';
import { disputeExport } from './export';
import { disputeFigures } from './figures';
import { disputeFigureSheet } from './figures-export';
import { createDispute, updateDispute } from './register';
import { listDisputes } from './repo';
import { disputeStore } from './store';
import { transferDispute } from './transfer';
import { transitionDispute } from './transition';

const records = voidHandlers(disputeStore, detailOf);

export const disputesHandlers = {
  'disputes.list': (input, ctx) => listDisputes(ctx.sql, input, principalOf(ctx).regionCode, clockOf(ctx)),
  'disputes.get': ({ id }, ctx) => detailOf(ctx, disputeInScope(ctx, id).id),
  'disputes.create': (input, ctx) => createDispute(ctx, input),
  'disputes.update': (input, ctx) => updateDispute(ctx, input),
  'disputes.void': records.void,
  'disputes.restore': records.restore,
  'disputes.transition': (input, ctx) => transitionDispute(ctx, input),
  'disputes.transfer': (input, ctx) => transferDispute(ctx, input),
  'disputes.figures': (input, ctx) => disputeFigures(ctx, input),
  'disputes.figuresExport': (input, ctx) =>
    figureSheetFile(
      ctx,
      'disputes.figuresExport',
      disputeFigureSheet(disputeFigures(ctx, input), input.period ?? null),
    ),
  'disputes.exportStart': exportHandler(disputeExport),
} satisfies HandlerMap<
  | 'disputes.list'
  | 'disputes.get'
  | 'disputes.create'
  | 'disputes.update'
  | 'disputes.void'
  | 'disputes.restore'
  | 'disputes.transition'
  | 'disputes.transfer'
  | 'disputes.figures'
  | 'disputes.figuresExport'
  | 'disputes.exportStart'
>;
