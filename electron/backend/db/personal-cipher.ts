import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Db } from './connection';

/**
 * Personal values at rest (ID numbers, phones, addresses) and attachment files: AES-256-GCM with
 * a random 96-bit IV per value, so equal values never look equal. Exact matching (the repeat
 * petitioner, 不再受理's final case) goes through a blind index: HMAC-SHA256 of the normalised
 * value under a key derived from the data key, truncated to 128 bits.
 */
const VALUE_PREFIX = 'e1:';
/** The first bytes of a sealed attachment file ("ZZE1"): no PDF, PNG or JPEG starts so. */
const FILE_MAGIC = Buffer.from('ZZE1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BLOCK_BYTES = 16;

/** A stored value's IV, ciphertext and tag. */
function unwrap(value: string): Buffer {
  if (!value.startsWith(VALUE_PREFIX)) throw new Error('personal value not sealed');
  return Buffer.from(value.slice(VALUE_PREFIX.length), 'base64');
}

export type BlindKind = 'id' | 'phone';

const NORMALISE: Record<BlindKind, (value: string) => string> = {
  id: (value) => value.trim().toUpperCase(),
  phone: (value) => value.replace(/\D/g, ''),
};

export class PersonalCipher {
  private readonly blindKey: Buffer;

  /** `key` is read only to hand it to a worker thread's own cipher (workers/runner.ts), never written anywhere. */
  constructor(readonly key: Buffer) {
    this.blindKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'zongzhi blind index', 32));
  }

  private encrypt(clear: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(clear), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  }

  private decrypt(sealed: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  }

  /** A value as stored; null and '' stay as they are (nothing to hide, and '' is a column's default). */
  seal(value: string | null): string | null {
    if (value === null || value === '') return value;
    return VALUE_PREFIX + this.encrypt(Buffer.from(value, 'utf8')).toString('base64');
  }

  /** A stored value in clear. A value without the prefix is refused: clear data where sealed is due is a fault. */
  open(value: string | null): string | null {
    if (value === null || value === '') return value;
    return this.decrypt(unwrap(value)).toString('utf8');
  }

  /**
   * Many stored values in clear, only to be masked (a masked export of 100,000 cases holds some
   * 300,000): the GCM keystream of all of them in one AES call, XORed here, instead of a decipher
   * per value (four fifths of the time). The tag is not checked, so a tampered value would show
   * wrong characters, never more than its mask shows; anything shown in full goes through `open`.
   */
  readForMasking(values: ReadonlyArray<string | null>): Array<string | null> {
    const sealed = values.map((value) => (value === null || value === '' ? null : unwrap(value)));
    const lengths = sealed.map((bytes) => (bytes ? bytes.length - IV_BYTES - TAG_BYTES : 0));
    const blocks = lengths.map((length) => Math.ceil(length / BLOCK_BYTES));
    // GCM encrypts block k of a value under the counter IV ‖ (k + 2), big-endian.
    const counters = Buffer.alloc(blocks.reduce((sum, n) => sum + n, 0) * BLOCK_BYTES);
    let at = 0;
    sealed.forEach((bytes, i) => {
      for (let k = 0; k < blocks[i]!; k += 1, at += BLOCK_BYTES) {
        bytes!.copy(counters, at, 0, IV_BYTES);
        counters.writeUInt32BE(k + 2, at + IV_BYTES);
      }
    });
    const ecb = createCipheriv('aes-256-ecb', this.key, null).setAutoPadding(false);
    const stream = Buffer.concat([ecb.update(counters), ecb.final()]);
    at = 0;
    return sealed.map((bytes, i) => {
      if (!bytes) return values[i] as string | null;
      const clear = Buffer.allocUnsafe(lengths[i]!);
      for (let j = 0; j < clear.length; j += 1) clear[j] = bytes[IV_BYTES + j]! ^ stream[at + j]!;
      at += blocks[i]! * BLOCK_BYTES;
      return clear.toString('utf8');
    });
  }

  blind(kind: BlindKind, value: string | null): string | null {
    if (value === null) return null;
    const normal = NORMALISE[kind](value);
    if (normal === '') return null;
    return createHmac('sha256', this.blindKey).update(`${kind}:${normal}`).digest().subarray(0, 16).toString('base64');
  }

  sealFile(bytes: Buffer): Buffer {
    return Buffer.concat([FILE_MAGIC, this.encrypt(bytes)]);
  }

  openFile(stored: Buffer): Buffer {
    if (!isSealedFile(stored)) throw new Error('attachment file not sealed');
    return this.decrypt(stored.subarray(FILE_MAGIC.length));
  }
}

export const isSealedFile = (bytes: Buffer): boolean => bytes.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC);

const ciphers = new WeakMap<Db, PersonalCipher>();

/**
 * Gives a connection the cipher, in SQL as `zz_seal(v)`, `zz_open(v)` and `zz_blind(kind, v)`
 * (migrations and statements seal and match without the key passing through them) and in code
 * as `cipherOf(db)`.
 */
export function installCipher(db: Db, cipher: PersonalCipher): void {
  ciphers.set(db, cipher);
  db.function('zz_seal', { deterministic: false }, (value: unknown) => cipher.seal(value as string | null));
  db.function('zz_open', { deterministic: true }, (value: unknown) => cipher.open(value as string | null));
  db.function('zz_blind', { deterministic: true }, (kind: unknown, value: unknown) =>
    cipher.blind(kind as BlindKind, value as string | null),
  );
}

export function cipherOf(db: Db): PersonalCipher {
  const cipher = ciphers.get(db);
  if (!cipher) throw new Error('connection opened without the personal data key');
  return cipher;
}
