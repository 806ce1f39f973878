import { describe, expect, it } from 'vitest';
import { levelOfCode, parentCodeOf } from '../../shared/domain/regions';

describe('division codes', () => {
  it.each([
    ['999901000000', 'county', null],
    ['999901001000', 'township', '999901000000'],
    ['999901001002', 'village', '999901001000'],
    ['999901001002003', 'grid', '999901001002'],
  ] as const)('%s is a %s whose parent is %s', (code, level, parent) => {
    expect(levelOfCode(code)).toBe(level);
    expect(parentCodeOf(code)).toBe(parent);
  });

  it.each(['99990100100', '9999010010001', '99990100a000', '999901000001', '999901001002000', ''])(
    'rejects the malformed code %j',
    (code) => {
      expect(levelOfCode(code)).toBeNull();
      expect(parentCodeOf(code)).toBeNull();
    },
  );
});
