import type { z } from 'zod';
import { fail, type Result } from '../errors';
import { assessmentsContract } from './assessments';
import { attachmentsContract } from './attachments';
import { auditContract } from './audit';
import { authContract } from './auth';
import { backupContract } from './backup';
import { boardContract } from './board';
import { connectionContract } from './connection';
import { dictsContract } from './dicts';
import { disputeExportContract } from './dispute-exports';
import { disputesContract } from './disputes';
import { dutyContract } from './duty';
import { exportsContract } from './exports';
import { holidaysContract } from './holidays';
import { importsContract } from './imports';
import { linksContract } from './links';
import { peopleContract } from './people';
import { personalContract } from './personal';
import { petitionExportContract } from './petition-export';
import { petitionsContract } from './petitions';
import { printContract } from './print';
import { regionsContract } from './regions';
import { reportsContract } from './reports';
import { riskExportContract } from './risk-exports';
import { hazardsContract } from './hazards';
import { meetingsContract } from './meetings';
import { notificationsContract } from './notifications';
import { riskTasksContract } from './risk-tasks';
import { searchContract } from './search';
import { settingsContract } from './settings';
import { systemContract } from './system';
import { todayContract } from './today';
import { workbenchContract } from './workbench';
import { unitsContract } from './units';
import { usersContract } from './users';

/** Every method the renderer may call, `feature.verb` → input schema and output type. */
export const contract = {
  ...authContract,
  ...usersContract,
  ...auditContract,
  ...settingsContract,
  ...personalContract,
  ...systemContract,
  ...connectionContract,
  ...regionsContract,
  ...unitsContract,
  ...peopleContract,
  ...dictsContract,
  ...importsContract,
  ...boardContract,
  ...dutyContract,
  ...petitionsContract,
  ...holidaysContract,
  ...reportsContract,
  ...petitionExportContract,
  ...exportsContract,
  ...attachmentsContract,
  ...linksContract,
  ...assessmentsContract,
  ...backupContract,
  ...riskTasksContract,
  ...hazardsContract,
  ...disputesContract,
  ...disputeExportContract,
  ...meetingsContract,
  ...riskExportContract,
  ...todayContract,
  ...searchContract,
  ...workbenchContract,
  ...notificationsContract,
  ...printContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may send (defaults still optional). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Exclude<Contract[M]['__output'], undefined>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** The one answer, on every layer, to a method name that is not in the contract. */
export const unknownMethod = (method: unknown): Result<never> =>
  fail('NOT_FOUND', `没有名为“${String(method).slice(0, 80)}”的功能接口。`);

export type { Page } from './define';
