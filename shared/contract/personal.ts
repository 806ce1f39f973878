import { z } from 'zod';
import { defineMethod } from './define';

/** The personal fields that can be revealed, per entity; later ledgers add theirs. */
export const REVEALABLE = {
  user: ['phone'],
  person: ['phone'],
  petitioner: ['name', 'idNumber', 'phone', 'address'],
} as const;
export type RevealEntity = keyof typeof REVEALABLE;
export type RevealField = (typeof REVEALABLE)[RevealEntity][number];
const REVEAL_FIELDS = ['phone', 'name', 'idNumber', 'address'] as const satisfies readonly RevealField[];

export const personalRevealInput = z
  .object({
    entity: z.enum(Object.keys(REVEALABLE) as [RevealEntity, ...RevealEntity[]]),
    id: z.uuid({ error: '记录编号格式不正确' }),
    field: z.enum(REVEAL_FIELDS),
    reason: z.string().trim().min(4, { error: '请说明查看原因（至少 4 个字）' }).max(200),
  })
  .strict();

export const personalContract = {
  'personal.reveal': defineMethod<{ value: string | null }>()({
    input: personalRevealInput,
    access: 'personal.reveal',
    summary: '说明原因后查看一项个人信息的原文（记入审计日志）',
  }),
};
