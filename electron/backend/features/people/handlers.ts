import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../api/types';
import { findPerson, listPeople } from './repo';

export const peopleHandlers = {
  'people.list': (input, { sql }) => listPeople(sql, input),
  'people.get': ({ id }, { sql }) => {
    const person = findPerson(sql, id);
    if (!person) throw new AppError('NOT_FOUND', '未找到该人员，可能已被删除，请刷新后重试。');
    return person;
  },
} satisfies HandlerMap<'people.list' | 'people.get'>;
