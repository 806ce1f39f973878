import { z } from 'zod';
import type { DeadlineStage } from '../domain/ledger/deadlines';
import type { DisputeStatus } from '../domain/disputes/statuses';
import type { PetitionStatus } from '../domain/petitions/statuses';
import type { AssessmentConclusion } from '../domain/risks/assessment-levels';
import type { HazardLevel } from '../domain/risks/hazard-levels';
import type { HazardStatus } from '../domain/risks/hazard-statuses';
import type { MeetingLevel } from '../domain/risks/meetings';
import type { TaskKind, TaskOwnerKind, TaskStatus } from '../domain/risks/tasks';
import { defineMethod } from './define';

/** One section of the day: its first rows (capped) and how many there are in all. */
export interface TodayList<T> {
  items: T[];
  total: number;
}

export interface TodayHazard {
  id: string;
  hazardNo: string;
  title: string;
  level: HazardLevel;
  status: HazardStatus;
  townshipName: string;
  foundOn: string;
}

export interface TodayPetition {
  id: string;
  caseNo: string;
  summary: string;
  status: PetitionStatus;
  townshipName: string;
  receivedDate: string;
  dueDate: string | null;
  /** The 办理时限's deadline stage, as the petitions' list computes it. */
  stage: DeadlineStage | null;
  handlingUnitName: string | null;
}

export interface TodayDispute {
  id: string;
  disputeNo: string;
  summary: string;
  categoryLabel: string;
  status: DisputeStatus;
  townshipName: string;
  receivedOn: string;
  dueDate: string | null;
  /** The 办理时限's deadline stage (`disputeStage`): none before 分流. */
  stage: DeadlineStage | null;
  unitName: string | null;
}

export interface TodayNote {
  id: string;
  hazardId: string;
  hazardNo: string;
  hazardTitle: string;
  content: string;
  byName: string;
  at: string;
}

export interface TodayTask {
  id: string;
  ownerKind: TaskOwnerKind;
  ownerId: string;
  /** The owner's ledger number (hazard, assessment or meeting). */
  ownerNo: string;
  kind: TaskKind;
  title: string;
  unitName: string;
  startDate: string;
  dueDate: string;
  status: TaskStatus;
  stage: DeadlineStage | null;
}

export interface TodayMeetingDecision {
  id: string;
  meetingId: string;
  meetingNo: string;
  meetingLevel: MeetingLevel;
  topic: string;
  content: string;
  taskId: string | null;
}

export interface TodayAssessment {
  id: string;
  assessmentNo: string;
  matter: string;
  decision: AssessmentConclusion | null;
  decidedOn: string | null;
  nextReReviewOn: string | null;
}

/**
 * The daily loop (六日闭环) on one screen: what arrived today, today's analysis and assignments,
 * and what falls due today or became overdue today (its last day was yesterday). Sections the
 * user may not read (petitions without `petitions.read`, disputes without `disputes.read`) come back
 * empty with `readable` false.
 */
export interface TodayOverview {
  today: string;
  readable: { petitions: boolean; risks: boolean; disputes: boolean };
  arrived: {
    hazards: TodayList<TodayHazard>;
    petitions: TodayList<TodayPetition>;
    disputes: TodayList<TodayDispute>;
  };
  notes: TodayList<TodayNote>;
  assignments: TodayList<TodayTask>;
  meetingDecisions: TodayList<TodayMeetingDecision>;
  assessmentDecisions: TodayList<TodayAssessment>;
  dueToday: {
    petitions: TodayList<TodayPetition>;
    tasks: TodayList<TodayTask>;
    reReviews: TodayList<TodayAssessment>;
    disputes: TodayList<TodayDispute>;
  };
  overdueToday: {
    petitions: TodayList<TodayPetition>;
    disputes: TodayList<TodayDispute>;
    tasks: TodayList<TodayTask>;
    reReviews: TodayList<TodayAssessment>;
  };
}

export const TODAY_LIMIT_MAX = 100;

export const todayContract = {
  // risks.read: the daily loop is the risk ledger's (六日闭环), and every role that reads petitions
  // reads the risk ledger too; the petition sections are filled only for petitions.read.
  'today.overview': defineMethod<TodayOverview>()({
    input: z.object({ limit: z.number().int().min(1).max(TODAY_LIMIT_MAX).default(20) }).strict(),
    access: 'risks.read',
    summary: '今日：新收、研判、交办、议定与今日到期、今日超期事项',
  }),
};
