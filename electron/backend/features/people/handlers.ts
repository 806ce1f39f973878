import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../api/types';
import { findPerson, listPeople } from './repo';
import { createPerson, updatePerson, setPersonEnabled } from './upkeep';

export const peopleHandlers = {
  'people.list': (input, { sql }) => listPeople(sql, input),
  'people.get': ({ id }, { sql }) => {
    const person = findPerson(sql, id);
    if (!person) throw new AppError('NOT_FOUND', '未找到该人员，可能已被删除，请刷新后重试。');
    return person;
  },
  'people.create': (input, ctx) => createPerson(ctx, input),
  'people.update': ({ id, ...fields }, ctx) => updatePerson(ctx, id, fields),
  'people.setEnabled': ({ id, enabled }, ctx) => setPersonEnabled(ctx, id, enabled),
} satisfies HandlerMap<'people.list' | 'people.get' | 'people.create' | 'people.update' | 'people.setEnabled'>;
