import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { passwordProblems } from '../../../shared/domain/password-policy';
import { AppError } from '../../../shared/errors';

/** The production cost, scrypt N=2^15 (r=8, p=1): about 100 ms and 32 MiB per hash on a workstation. */
export const PASSWORD_HASH_COST = 2 ** 15;
/** The cheapest cost the backend accepts: tests hash at it (BackendOptions.passwordHashCost). */
export const MIN_PASSWORD_HASH_COST = 2 ** 10;
const R = 8;
const P = 1;
const MAXMEM = 64 * 1024 * 1024;
const KEY_LENGTH = 32;

/** A power of two from MIN_PASSWORD_HASH_COST to PASSWORD_HASH_COST. */
export const isPasswordHashCost = (cost: number): boolean =>
  Number.isInteger(cost) && cost >= MIN_PASSWORD_HASH_COST && cost <= PASSWORD_HASH_COST && (cost & (cost - 1)) === 0;

const derive = (password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/**
 * `scrypt$N$r$p$salt$hash` (base64) at cost N: self-describing, so a hash made at one cost still
 * verifies after the cost changes.
 */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: cost, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', cost, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const decoys = new Map<number, Promise<string>>();

/** A hash at `cost` to verify against when the username is unknown, so both failures take the same time. */
export function decoyHash(cost: number): Promise<string> {
  let decoy = decoys.get(cost);
  if (!decoy) decoys.set(cost, (decoy = hashPassword(randomBytes(12).toString('hex'), cost)));
  return decoy;
}

/** Refuses a weak password with every rule it breaks, on the named field. */
export function assertStrongPassword(password: string, username: string, field: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `密码不符合要求：${problems.join('；')}。`, [
      { path: field, message: problems.join('；') },
    ]);
  }
}
