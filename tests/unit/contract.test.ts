import { describe, expect, it } from 'vitest';
import { handlers } from '../../electron/backend/api/handlers';
import { contract, METHOD_NAMES, isMethodName } from '../../shared/contract';

describe('the contract', () => {
  it('names every method feature.verb', () => {
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });

  it('has exactly one handler per method, and no handler outside it', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('gives every method a Chinese summary', () => {
    for (const name of METHOD_NAMES) expect(contract[name].summary).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('does not treat inherited object keys as methods', () => {
    expect(isMethodName('constructor')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName('regions.list')).toBe(true);
  });

  it('bounds list page sizes', () => {
    expect(contract['regions.list'].input.safeParse({ pageSize: 201 }).success).toBe(false);
    expect(contract['regions.list'].input.parse({})).toMatchObject({ page: 1, pageSize: 20 });
  });
});
