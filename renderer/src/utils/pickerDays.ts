import { countyDate } from '@shared/domain/time';
import { formatDate } from './datetime';

/*
 * `disabled-date` rules for the forms' date pickers, against the county's today (read at each call:
 * the app stays open past midnight). The picker hands over the day's local midnight.
 */

/** Deadlines (办理时限, 完成时限, 下次复评): a day already past cannot be picked. */
export const beforeToday = (date: Date): boolean => formatDate(date) < countyDate(new Date());

/** Days something happened (发现, 调整, 研判, 会议 …): the backend refuses a day after today. */
export const afterToday = (date: Date): boolean => formatDate(date) > countyDate(new Date());
