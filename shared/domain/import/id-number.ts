/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 6 digits of the division code, the
 * birth date as YYYYMMDD, a 3-digit sequence, and a check character computed from the first 17
 * digits (ISO 7064 MOD 11-2), 0–9 or X. A typo in any one digit changes the check character, so a
 * wrong number is caught before it reaches a ledger.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** What is wrong with an identity number, in words for the user, or null when it is valid. */
export function idNumberProblem(raw: string): string | null {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return '身份证号应为 18 位数字（末位可为 X）';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) {
    return `身份证号中的出生日期 ${value.slice(6, 14)} 不是有效日期，请核对`;
  }
  if (idCheckCharacter(value) !== value[17]) return '身份证号校验位不符，请逐位核对';
  return null;
}
