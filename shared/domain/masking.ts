/**
 * Masking of personal data, the one set used by lists, details, the board and exports.
 * Seeing a full value is a separate, permission-checked and audited call.
 */

/** `410***********1234`: the first 3 and last 4 characters of an 18-character ID number. */
export function maskIdNumber(value: string): string {
  const text = value.trim();
  if (text.length <= 7) return '*'.repeat(text.length);
  return `${text.slice(0, 3)}${'*'.repeat(text.length - 7)}${text.slice(-4)}`;
}

/** `138****5678` for a mobile number; other numbers keep their first 3 and last 4 digits likewise. */
export function maskPhone(value: string): string {
  const text = value.trim();
  if (text.length <= 7) return '*'.repeat(text.length);
  return `${text.slice(0, 3)}${'*'.repeat(text.length - 7)}${text.slice(-4)}`;
}

/** Keeps the surname: `张*`, `李*明`, `欧阳**` (a two-character surname kept for names of 4+). */
export function maskName(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length <= 1) return chars.length ? '*' : '';
  if (chars.length === 2) return `${chars[0]}*`;
  if (chars.length === 3) return `${chars[0]}*${chars[2]}`;
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 2)}`;
}

/** Keeps the first 6 characters (roughly county and township), masks the rest: `青禾县南关街道****`. */
export function maskAddress(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length <= 6) return `${chars.slice(0, Math.ceil(chars.length / 2)).join('')}****`;
  return `${chars.slice(0, 6).join('')}****`;
}
