import { z } from 'zod';
import { DUTY_DAY_MAX, DUTY_RANGE_MAX_DAYS, DUTY_ROLES, type DutyRole } from '../domain/board/duty';
import { compareDates, addDays, isValidDate } from '../domain/ledger/calendar';
import { defineMethod } from './define';

export interface DutyEntry {
  role: DutyRole;
  name: string;
  /** Office or duty phone; shown on the workstation, never on the board. */
  phone: string | null;
}

export interface DutyDay {
  date: string;
  entries: DutyEntry[];
}

const date = (label: string) => z.string().refine(isValidDate, { error: `“${label}”应为 YYYY-MM-DD 格式的真实日期` });

export const dutyEntryInput = z
  .object({
    role: z.enum(DUTY_ROLES),
    name: z.string().trim().min(1, '请填写值班人员姓名').max(20),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^[0-9+\-\s()]*$/, '电话只能包含数字、空格和 + - ( )，请检查')
      .nullish()
      .transform((phone) => phone || null),
  })
  .strict();

export const dutyContract = {
  'duty.list': defineMethod<DutyDay[]>()({
    input: z
      .object({ from: date('开始日期'), to: date('结束日期') })
      .strict()
      .superRefine(({ from, to }, ctx) => {
        if (!isValidDate(from) || !isValidDate(to)) return;
        if (compareDates(from, to) > 0)
          ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
        else if (compareDates(to, addDays(from, DUTY_RANGE_MAX_DAYS - 1)) > 0)
          ctx.addIssue({
            code: 'custom',
            path: ['to'],
            message: `一次最多查询 ${DUTY_RANGE_MAX_DAYS} 天，请缩短日期范围`,
          });
      }),
    access: 'board.read',
    summary: '查询值班表（按日期范围，只列出已排班的日期）',
  }),
  'duty.save': defineMethod<DutyDay>()({
    input: z
      .object({
        date: date('值班日期'),
        entries: z.array(dutyEntryInput).max(DUTY_DAY_MAX),
      })
      .strict()
      .superRefine(({ entries }, ctx) => {
        const seen = new Set<string>();
        entries.forEach((entry, i) => {
          const key = `${entry.role}|${entry.name}`;
          if (seen.has(key))
            ctx.addIssue({
              code: 'custom',
              path: ['entries', i, 'name'],
              message: `“${entry.name}”在同一岗位重复填写，请删去一行`,
            });
          seen.add(key);
        });
      }),
    access: 'duty.write',
    summary: '保存某一天的值班表（整天替换；空列表即清空当天）',
  }),
};
