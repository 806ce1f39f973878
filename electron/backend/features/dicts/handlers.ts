import type { HandlerMap } from '../../api/types';
import { listDictionaries } from './repo';
import { addEntry, dictionaryOf, renameEntry, setEntryEnabled } from './upkeep';

export const dictsHandlers = {
  'dicts.list': (_input, { sql }) => listDictionaries(sql),
  'dicts.get': ({ code }, ctx) => dictionaryOf(ctx, code),
  'dicts.addEntry': (input, ctx) => addEntry(ctx, input),
  'dicts.renameEntry': (input, ctx) => renameEntry(ctx, input),
  'dicts.setEntryEnabled': ({ dictCode, code, enabled }, ctx) => setEntryEnabled(ctx, dictCode, code, enabled),
} satisfies HandlerMap<'dicts.list' | 'dicts.get' | 'dicts.addEntry' | 'dicts.renameEntry' | 'dicts.setEntryEnabled'>;
