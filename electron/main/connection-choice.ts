import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectionChoiceInput, type ConnectionChoice } from '../../shared/contract/connection';

/** The first-run choice, in the user's profile folder (userData), readable by its owner only. */
export const CHOICE_FILE = 'connection.json';

/** The saved choice; null when none was made (or the file is unreadable: the first-run page asks again). */
export function readChoice(userData: string): ConnectionChoice | null {
  try {
    const parsed = connectionChoiceInput.safeParse(JSON.parse(readFileSync(join(userData, CHOICE_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeChoice(userData: string, choice: ConnectionChoice): void {
  const file = join(userData, CHOICE_FILE);
  writeFileSync(file, JSON.stringify(choice, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
}
