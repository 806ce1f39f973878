import type { Permission } from '@shared/domain/roles';

/** The permissions that give a user a section of 工作台 (as workbench.get decides them). */
export const ROLE_SECTIONS: readonly Permission[] = [
  'petitions.write',
  'risks.write',
  'petitions.closeOut',
  'risks.closeOut',
  'disputes.write',
  'disputes.closeOut',
  'system.backup',
  'audit.read',
];
