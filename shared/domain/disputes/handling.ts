/**
 * Who solves a dispute (分流): one of the mediation bodies or a unit it is routed to (归口), each with
 * its time limit; or the parties are guided to a court, arbitration or administrative review.
 */
import { addDays } from '../ledger/calendar';

export const HANDLING_KINDS = [
  'people_mediation',
  'administrative',
  'judicial',
  'professional',
  'lawyer',
  'unit',
] as const;
export type HandlingKind = (typeof HANDLING_KINDS)[number];

export const HANDLING_KIND_LABELS: Record<HandlingKind, string> = {
  people_mediation: '人民调解委员会',
  administrative: '行政调解',
  judicial: '司法调解',
  professional: '行业性专业性调解',
  lawyer: '律师调解',
  unit: '归口单位办理',
};

/**
 * Default time limits in calendar days from 分流, each a setting (`disputeTimeLimits`). People's
 * mediation is generally concluded within a month (《人民调解法》 practice); the courts' pre-suit
 * mediation takes 30 days; administrative, professional and lawyers' mediation follow the same
 * month in most provinces' rules; a unit the centre routes a matter to answers within 15 days.
 */
export const DEFAULT_DISPUTE_TIME_LIMITS: Record<HandlingKind, number> = {
  people_mediation: 30,
  administrative: 30,
  judicial: 30,
  professional: 30,
  lawyer: 30,
  unit: 15,
};

export type DisputeTimeLimits = Record<HandlingKind, number>;

/** A limit a setting may hold: 1 to 180 days. */
export const isTimeLimit = (days: unknown): days is number =>
  typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 180;

/** The day a routed dispute is due: the routing day plus its kind's limit. */
export const disputeDueDate = (routedOn: string, kind: HandlingKind, limits: DisputeTimeLimits): string =>
  addDays(routedOn, limits[kind] ?? DEFAULT_DISPUTE_TIME_LIMITS[kind]);

/** The paths outside mediation the parties are guided to (引导), or the next path after 调解不成. */
export const LEGAL_PATHS = ['litigation', 'arbitration', 'admin_review', 'other'] as const;
export type LegalPath = (typeof LEGAL_PATHS)[number];
export const LEGAL_PATH_LABELS: Record<LegalPath, string> = {
  litigation: '诉讼',
  arbitration: '仲裁',
  admin_review: '行政复议',
  other: '其他途径',
};

/** Handled by one unit, or together by several with the routed unit leading (协同). */
export const COORDINATIONS = ['single', 'joint'] as const;
export type Coordination = (typeof COORDINATIONS)[number];
export const COORDINATION_LABELS: Record<Coordination, string> = { single: '单独调处', joint: '协同调处' };
