import { z } from 'zod';
import { isValidDate } from '../domain/ledger/calendar';
import type { Access } from '../domain/roles';
import './messages';

/**
 * One contract method: its zod input schema, the access it needs (checked by the backend on every
 * call) and, as a type only, its output. `summary` is the Chinese one-line description.
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly access: Access;
  readonly summary: string;
  /** Type carrier for the output; never set at run time. */
  readonly __output?: O;
}

/** `defineMethod<Output>()({ input, access, summary })`: the output type is named, the input inferred. */
export const defineMethod =
  <O>() =>
  <I extends z.ZodType>(def: { input: I; access: Access; summary: string }): MethodDef<I, O> =>
    def;

/** Methods that take no input. */
export const noInput = z.object({}).strict();

export const PAGE_SIZE_MAX = 200;

/** Paging fields shared by every list method; pages count from 1. */
export const pageFields = {
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A search keyword: trimmed, bounded, optional. */
export const keywordField = z.string().trim().max(50).optional();

/** A calendar date `YYYY-MM-DD` that exists, its Chinese message naming the field. */
export const dateField = (label: string) =>
  z.string().refine(isValidDate, { error: `“${label}”应为 YYYY-MM-DD 格式的真实日期` });

/** A statistics page's input: the period it counts (the records received in it); none counts every record. */
export const figuresInput = z
  .object({
    period: z
      .object({ from: dateField('统计起始日期'), to: dateField('统计截止日期') })
      .strict()
      .refine((p) => p.from <= p.to, { path: ['to'], error: '“统计截止日期”不能早于“统计起始日期”，请重新选择' })
      .optional(),
  })
  .strict();
