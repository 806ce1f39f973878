/**
 * Region scope: a user bound to a township sees and changes only that township's records; a user
 * with no region (null) works county-wide. Township codes are `CCCCCCTTT000`; everything below a
 * township shares its first 9 digits.
 */
export const townshipPrefix = (townshipCode: string): string => townshipCode.slice(0, 9);

/** Whether a record in `regionCode` lies within `scope` (null scope: the whole county). */
export function inScope(scope: string | null, regionCode: string | null): boolean {
  if (scope === null) return true;
  return regionCode !== null && regionCode.startsWith(townshipPrefix(scope));
}
