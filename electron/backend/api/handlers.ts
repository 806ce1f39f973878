import type { MethodName } from '../../../shared/contract';
import { assessmentsHandlers } from '../features/assessments/handlers';
import { auditHandlers } from '../features/audit/handlers';
import { authHandlers } from '../features/auth/handlers';
import { backupHandlers } from '../features/backup/handlers';
import { boardHandlers } from '../features/board/handlers';
import { dictsHandlers } from '../features/dicts/handlers';
import { dutyHandlers } from '../features/duty/handlers';
import { exportsHandlers } from '../ledger/exports/handlers';
import { holidaysHandlers } from '../features/holidays/handlers';
import { peopleHandlers } from '../features/people/handlers';
import { personalHandlers } from '../features/personal/handlers';
import { petitionsHandlers } from '../features/petitions/handlers';
import { printingHandlers } from '../features/printing/handlers';
import { regionsHandlers } from '../features/regions/handlers';
import { reportsHandlers } from '../features/reports/handlers';
import { hazardsHandlers } from '../features/hazards/handlers';
import { disputesHandlers } from '../features/disputes/handlers';
import { meetingsHandlers } from '../features/meetings/handlers';
import { todayHandlers } from '../features/today/handlers';
import { settingsHandlers } from '../features/settings/handlers';
import { systemHandlers } from '../features/system/handlers';
import { unitsHandlers } from '../features/units/handlers';
import { usersHandlers } from '../features/users/handlers';
import { importHandlers } from '../import/handlers';
import { attachmentsHandlers } from '../ledger/attachments/handlers';
import { riskTasksHandlers } from '../ledger/tasks/handlers';
import { notificationsHandlers } from '../ledger/notifications/handlers';
import { searchHandlers } from '../ledger/search-handlers';
import { linksHandlers } from '../ledger/links-handlers';
import { importKinds } from './imports';
import type { HandlerMap } from './types';
import { workbenchHandlers } from './workbench';

/** The method table: every contract method has exactly one handler (checked by the type). */
export const handlers = {
  ...authHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...personalHandlers,
  ...systemHandlers,
  ...regionsHandlers,
  ...unitsHandlers,
  ...peopleHandlers,
  ...dictsHandlers,
  ...importHandlers(importKinds),
  ...boardHandlers,
  ...dutyHandlers,
  ...petitionsHandlers,
  ...exportsHandlers,
  ...attachmentsHandlers,
  ...linksHandlers,
  ...assessmentsHandlers,
  ...holidaysHandlers,
  ...reportsHandlers,
  ...backupHandlers,
  ...riskTasksHandlers,
  ...hazardsHandlers,
  ...disputesHandlers,
  ...meetingsHandlers,
  ...todayHandlers,
  ...searchHandlers,
  ...workbenchHandlers,
  ...notificationsHandlers,
  ...printingHandlers,
} satisfies HandlerMap<MethodName>;
