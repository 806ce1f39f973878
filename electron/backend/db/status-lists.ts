import { CONCLUDED_STATUSES } from '../../../shared/domain/petitions/statuses';
import { OPEN_TASK_STATUSES } from '../../../shared/domain/risks/tasks';

/** A list of code values as an SQL `IN` list: the domain's constants, never user input. */
const inList = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;

/** Petition statuses that count as concluded (化解 or 销号). */
export const CONCLUDED_SQL = inList(CONCLUDED_STATUSES);
/** Task statuses still open (待落实, 落实中). */
export const OPEN_TASK_SQL = inList(OPEN_TASK_STATUSES);
