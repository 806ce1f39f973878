import { idCheckCharacter } from '../../../shared/domain/id-number';
import type { Random } from './random';

/** Obviously made-up: 9999… is no real division code, so no real identity number starts so. */
const ID_NUMBER_PREFIX = '999901';

export const digits = (random: Random, n: number): string => {
  let text = '';
  for (let i = 0; i < n; i++) text += String(random.int(0, 9));
  return text;
};

/** A made-up 18-character identity number on the 9999… code, with a correct check character. */
export function fakeIdNumber(random: Random, birth: string): string {
  const body = `${ID_NUMBER_PREFIX}${birth.replace(/-/g, '')}${digits(random, 3)}`;
  return body + idCheckCharacter(body);
}

/** A made-up mobile number on 199. */
export const fakePhone = (random: Random): string => `199${digits(random, 8)}`;
