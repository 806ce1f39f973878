import type { Random } from './random';

/** 2026-01-01T00:00:00Z: the demo's ids look as if made from then on. */
const DEMO_BASE_TIME = Date.UTC(2026, 0, 1);

/** Two hex digits per byte value: a table lookup is several times faster than toString/padStart. */
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex16 = (n: number): string => BYTE_HEX[(n >>> 8) & 0xff]! + BYTE_HEX[n & 0xff]!;
const hex32 = (n: number): string => hex16(n >>> 16) + hex16(n);

/**
 * A maker of valid UUIDv7 ids (RFC 9562) that is reproducible: the timestamp starts at a fixed
 * time and moves 1 ms per id (so ids sort in the order they were made), and the 74 random bits
 * come from the seeded source instead of the system's.
 */
export function seededUuidV7(random: Random, baseTime = DEMO_BASE_TIME): () => string {
  let tick = 0;
  return () => {
    const time = baseTime + tick++;
    const a = random.uint32();
    const b = random.uint32();
    const c = random.uint32();
    // 48-bit time; version 7 in the 13th digit; variant 0b10 in the top bits of the 17th.
    return (
      `${hex32(Math.floor(time / 0x10000))}-${hex16(time % 0x10000)}-${hex16(0x7000 | (a & 0xfff))}-` +
      `${hex16(0x8000 | (b & 0x3fff))}-${hex16(b >>> 16)}${hex32(c)}`
    );
  };
}
