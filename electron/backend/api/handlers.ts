import type { MethodName } from '../../../shared/contract';
import { attachmentsHandlers } from '../features/attachments/handlers';
import { auditHandlers } from '../features/audit/handlers';
import { authHandlers } from '../features/auth/handlers';
import { boardHandlers } from '../features/board/handlers';
import { dictsHandlers } from '../features/dicts/handlers';
import { holidaysHandlers } from '../features/holidays/handlers';
import { peopleHandlers } from '../features/people/handlers';
import { personalHandlers } from '../features/personal/handlers';
import { petitionExportHandlers } from '../features/petitions/export-handlers';
import { petitionsHandlers } from '../features/petitions/handlers';
import { regionsHandlers } from '../features/regions/handlers';
import { settingsHandlers } from '../features/settings/handlers';
import { systemHandlers } from '../features/system/handlers';
import { unitsHandlers } from '../features/units/handlers';
import { usersHandlers } from '../features/users/handlers';
import type { HandlerMap } from './types';

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
  ...boardHandlers,
  ...petitionsHandlers,
  ...petitionExportHandlers,
  ...attachmentsHandlers,
  ...holidaysHandlers,
} satisfies HandlerMap<MethodName>;
