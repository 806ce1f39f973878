import { UNDER_REVIEW } from '../../../shared/domain/petitions/procedure';
import { OPEN_STATUSES } from '../../../shared/domain/petitions/statuses';
import { DECIDED_ASSESSMENT_STATUSES } from '../../../shared/domain/risks/assessment-statuses';
import { OPEN_HAZARD_STATUSES } from '../../../shared/domain/risks/hazard-statuses';
import { OPEN_TASK_STATUSES } from '../../../shared/domain/risks/tasks';

/** A list of code values as an SQL `IN` list: the domain's constants, never user input. */
export const inList = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;

/** Petition statuses still open (the reply owed): the list the partial index `petitions_open_due` names. */
export const OPEN_CASE_SQL = inList(OPEN_STATUSES);
/** Petition statuses under 复查 / 复核: the organ owes its opinion. */
export const UNDER_REVIEW_CASE_SQL = inList(UNDER_REVIEW);
/** Task statuses still open (待落实, 落实中). */
export const OPEN_TASK_SQL = inList(OPEN_TASK_STATUSES);
/** Hazard statuses still open (发现, 化解中). */
export const OPEN_HAZARD_SQL = inList(OPEN_HAZARD_STATUSES);
/** Assessment statuses from the decision on (已决策, 跟踪中, 已归档). */
export const DECIDED_ASSESSMENT_SQL = inList(DECIDED_ASSESSMENT_STATUSES);
