import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../api/types';
import { findDictionaryName, listDictionaries, listEntries } from './repo';

export const dictsHandlers = {
  'dicts.list': (_input, { sql }) => listDictionaries(sql),
  'dicts.get': ({ code }, { sql }) => {
    const name = findDictionaryName(sql, code);
    if (name === undefined) throw new AppError('NOT_FOUND', `没有代码为 ${code} 的字典，请检查字典代码。`);
    return { code, name, entries: listEntries(sql, code) };
  },
} satisfies HandlerMap<'dicts.list' | 'dicts.get'>;
