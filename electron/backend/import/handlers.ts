import type { HandlerMap } from '../api/types';
import type { ImportKinds } from './dry-run';
import { assertMayImport, commitImport, listImports, previewImport, undoImport } from './service';
import { importTemplate } from './template';

/** The import methods over the kinds the features lend (put together in api/imports.ts). */
export const importHandlers = (kinds: ImportKinds) =>
  ({
    'imports.template': ({ kind }, ctx) => {
      assertMayImport(ctx, kind);
      return importTemplate(kinds[kind], ctx);
    },
    'imports.preview': (input, ctx) => previewImport(ctx, input),
    'imports.commit': (input, ctx) => commitImport(ctx, input),
    'imports.list': ({ page, pageSize }, ctx) => listImports(ctx, page, pageSize),
    'imports.undo': ({ id }, ctx) => undoImport(ctx, kinds, id),
  }) satisfies HandlerMap<'imports.template' | 'imports.preview' | 'imports.commit' | 'imports.list' | 'imports.undo'>;
