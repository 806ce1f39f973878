import { describe, expect, it } from 'vitest';
import {
  COLLECTIVE_PETITION_MIN,
  higherLevel,
  isCollective,
  isEscalated,
  levelRank,
  PETITION_ITEM_TYPE_LABELS,
  PETITION_ITEM_TYPES,
  PETITION_LEVEL_LABELS,
  PETITION_LEVELS,
} from '../../shared/domain/petitions/classification';
import { signInAdmin, testBackend } from '../helpers/backend';

describe('item types and levels', () => {
  it('labels the three item types and four levels in Chinese, levels lowest first', () => {
    expect(PETITION_ITEM_TYPE_LABELS).toEqual({ suggestion: '建议意见', accusation: '检举控告', appeal: '申诉求决' });
    expect(PETITION_LEVELS.map((level) => PETITION_LEVEL_LABELS[level])).toEqual(['县', '市', '省', '京']);
    expect(PETITION_LEVELS.map(levelRank)).toEqual([0, 1, 2, 3]);
  });

  it('keeps the same codes and labels as the dictionaries seeded in the database', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const itemTypes = await backend.call('dicts.get', { code: 'petition_item_type' }, admin);
    const levels = await backend.call('dicts.get', { code: 'petition_level' }, admin);
    if (!itemTypes.ok || !levels.ok) throw new Error('dictionaries missing');
    expect(itemTypes.data.entries.map((e) => [e.code, e.label])).toEqual(
      PETITION_ITEM_TYPES.map((code) => [code, PETITION_ITEM_TYPE_LABELS[code]]),
    );
    expect(levels.data.entries.map((e) => [e.code, e.label])).toEqual(
      PETITION_LEVELS.map((code) => [code, PETITION_LEVEL_LABELS[code]]),
    );
  });

  it.each([
    ['county', 'county', 'county'],
    ['county', 'city', 'city'],
    ['city', 'county', 'city'],
    ['province', 'city', 'province'],
    ['city', 'national', 'national'],
    ['national', 'province', 'national'],
  ] as const)('the higher of %s and %s is %s', (a, b, higher) => {
    expect(higherLevel(a, b)).toBe(higher);
  });

  it('counts a case as escalated once petitioned above the county', () => {
    expect(PETITION_LEVELS.filter(isEscalated)).toEqual(['city', 'province', 'national']);
  });

  it('makes five or more petitioners a collective petition', () => {
    expect(COLLECTIVE_PETITION_MIN).toBe(5);
    expect([1, 4, 5, 6, 120].map(isCollective)).toEqual([false, false, true, true, true]);
  });
});
