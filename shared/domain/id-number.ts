/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 6 digits of the division code where it
 * was issued, the birth date as YYYYMMDD, a 3-digit sequence, and a check character computed from
 * the first 17 digits (ISO 7064 MOD 11-2), 0–9 or X. A typo in any one digit changes the check
 * character, so a wrong number is caught before it reaches a ledger. The forms, the backend and the
 * Excel imports all read a number through `checkIdNumber`.
 *
 * Legacy 15-digit numbers (issued before 1999: division code, YYMMDD of a birth in the 1900s, a
 * 3-digit sequence, no check character) are still in people's hands. They are accepted with a
 * warning and stored upgraded to 18 digits as the standard does it (19 inserted before the year,
 * the check character appended), so the same person is found again whichever form was typed.
 */
import { isValidDate } from './ledger/calendar';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

export interface IdNumberCheck {
  /** The number as stored: upper-case X, a 15-digit number upgraded to 18; the input when refused. */
  value: string;
  /** Why the number is refused, in words for the user (subject 身份证号), or null. */
  problem: string | null;
  /** Accepted, but the user should look again (a legacy 15-digit number), or null. */
  warning: string | null;
}

/** A division code's shape: 6 digits, the province part never starting with 0. */
const AREA_CODE = /^[1-9]\d{5}$/;

function birthProblem(birth: string): string | null {
  const date = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  return Number(birth.slice(0, 4)) >= 1900 && isValidDate(date)
    ? null
    : `身份证号中的出生日期 ${birth} 不是有效日期，请核对`;
}

/** Checks an identity number as typed or imported: 18 digits with a right check character, or a legacy 15. */
export function checkIdNumber(raw: string): IdNumberCheck {
  const value = raw.trim().toUpperCase();
  const refuse = (problem: string): IdNumberCheck => ({ value, problem, warning: null });
  if (!/^\d{17}[\dX]$/.test(value) && !/^\d{15}$/.test(value)) {
    return refuse('身份证号应为 18 位数字（末位可为 X），或 15 位旧号码');
  }
  if (!AREA_CODE.test(value.slice(0, 6))) return refuse('身份证号前 6 位地区码不正确，请核对');
  if (value.length === 15) {
    const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
    const problem = birthProblem(first17.slice(6, 14));
    if (problem) return refuse(problem);
    const upgraded = first17 + idCheckCharacter(first17);
    return {
      value: upgraded,
      problem: null,
      warning: `身份证号为 15 位旧号码，已按国家标准升为 18 位 ${upgraded}，请与证件核对`,
    };
  }
  const problem = birthProblem(value.slice(6, 14));
  if (problem) return refuse(problem);
  if (idCheckCharacter(value) !== value[17]) return refuse('身份证号校验位不正确，请核对');
  return { value, problem: null, warning: null };
}

/** The petitioner a message is about, counted from 1 as people read it: `第 2 位信访人的`. */
export const petitionerOrdinal = (index: number): string => `第 ${index + 1} 位信访人的`;
