import { z } from 'zod';
import type { MetricResult } from '../domain/ledger/figures';
import type { AuditEntry, AuditVerification } from './audit';
import type { BackupStatus } from './backup';
import type { ImportLogEntry } from './imports';
import type { SupervisionQueueItem } from './petitions';
import type { TodayDispute, TodayHazard, TodayList, TodayPetition, TodayTask } from './today';
import { defineMethod, noInput } from './define';

/** 值班员: what waits for the officer's next step, in the account's scope. */
export interface DutyWorkbench {
  /** 排查: to be classified (梳理分类). */
  toClassify: TodayList<TodayPetition>;
  /** 梳理分类 or 已受理: to be assigned (交办). */
  toAssign: TodayList<TodayPetition>;
  /** 已交办 or 化解中 whose 办理时限 falls within the due-soon window: progress is due. */
  progressDue: TodayList<TodayPetition>;
  /** Open measures and tasks due within the due-soon window. */
  measuresDue: TodayList<TodayTask>;
  overdue: { petitions: TodayList<TodayPetition>; tasks: TodayList<TodayTask> };
  /** Disputes waiting on the officer (who may work disputes). */
  disputes?: DutyDisputes;
}

/** 值班员's disputes: to route, routed but not yet handled, awaiting 回访, and on the clock. */
export interface DutyDisputes {
  /** 已受理: to be routed (分流) or guided. */
  toRoute: TodayList<TodayDispute>;
  /** 已分流: 调处 not started. */
  routed: TodayList<TodayDispute>;
  /** A result recorded, awaiting 回访. */
  toVisit: TodayList<TodayDispute>;
  /** The supervision queue: routed or handled, 临期 or 超期, the earliest due first. */
  supervision: TodayList<TodayDispute>;
  overdue: TodayList<TodayDispute>;
}

/** A unit's account (one bound to a unit): the disputes routed to its unit, or handled with it. */
export interface UnitWorkbench {
  unitId: string;
  unitName: string;
  disputes: { handling: TodayList<TodayDispute>; dueSoon: TodayList<TodayDispute>; overdue: TodayList<TodayDispute> };
}

export type WorkbenchRateCode = 'conclusion_rate' | 'resolution_rate' | 'on_time_rate';

export interface WorkbenchRate {
  code: WorkbenchRateCode;
  name: string;
  numeratorLabel: string;
  denominatorLabel: string;
  result: MetricResult;
  /** The rate of the cases received in each of the last 6 months (统计's monthly series), oldest first. */
  trend: Array<{ month: string; result: MetricResult }>;
}

/** 带班领导: what waits for the leader's approval or pressure. */
export interface LeaderWorkbench {
  /** 已化解, awaiting 销号 (each kind only for the leader who may approve it). */
  closeOut: { petitions: TodayList<TodayPetition>; hazards: TodayList<TodayHazard> };
  /** The first entries of the supervision queue (督办队列), in its order of urgency. */
  supervision: TodayList<SupervisionQueueItem>;
  /**
   * Open cases whose 包案领导 is the signed-in leader: the people record of role 包案领导 bearing
   * the account's name; null when there is none.
   */
  myCases: TodayList<TodayPetition> | null;
  rates: WorkbenchRate[];
  /** 已回访 disputes awaiting 销号, and the overdue ones (who may close disputes out). */
  disputes?: { closeOut: TodayList<TodayDispute>; overdue: TodayList<TodayDispute> };
}

/** 系统管理员: the state of the installation. */
export interface AdminWorkbench {
  backup: BackupStatus & { count: number };
  /** The last check of the audit chain (at start-up or by the auditor); null before any. */
  audit: Pick<AuditVerification, 'ok' | 'message' | 'verifiedAt'> | null;
  disk: { freeBytes: number; totalBytes: number };
  /** The years whose working-day calendar is due but not entered (the next one from 1 November). */
  calendar: { nextYear: number; missingYears: number[] };
  imports: TodayList<ImportLogEntry>;
}

/** 审计员: failures, refusals and alarms of the audit log in the last days. */
export interface AuditorWorkbench {
  since: string;
  events: TodayList<AuditEntry>;
}

/** The sections of 工作台 the caller's permissions allow; the others are absent. */
export interface Workbench {
  today: string;
  duty?: DutyWorkbench;
  leader?: LeaderWorkbench;
  unit?: UnitWorkbench;
  admin?: AdminWorkbench;
  auditor?: AuditorWorkbench;
}

/** The menu's live counts; a count the caller may not see is absent. */
export interface WorkbenchBadges {
  /** Cases in the supervision queue (督办). */
  supervision?: number;
  /** Disputes in their supervision queue (routed or handled, 临期 or 超期), for who works or closes them. */
  disputeSupervision?: number;
  /** Cases, hazards and disputes awaiting 销号. */
  closeOut?: number;
  /** Overdue cases, measures and disputes in the caller's scope. */
  overdue?: number;
}

export const WORKBENCH_LIMIT_MAX = 20;
/** How far back the auditor's security events reach. */
export const SECURITY_EVENT_DAYS = 30;

export const workbenchContract = {
  'workbench.get': defineMethod<Workbench>()({
    input: z.object({ limit: z.number().int().min(1).max(WORKBENCH_LIMIT_MAX).default(8) }).strict(),
    access: 'session',
    summary: '工作台：按角色列出待办、待审批销号、督办、系统状态和安全事件',
  }),
  'workbench.badges': defineMethod<WorkbenchBadges>()({
    input: noInput,
    access: 'session',
    summary: '菜单角标：督办、待销号、超期的条数',
  }),
};
