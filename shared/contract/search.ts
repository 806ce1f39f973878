import { z } from 'zod';
import type { LedgerKey } from '../domain/ledger/records';
import { defineMethod } from './define';

/** The most records a search shows of one ledger (its total says how many matched). */
export const SEARCH_LIMIT_MAX = 20;

/** One record a search found: its number and its text around the keyword. */
export interface SearchHit {
  id: string;
  number: string;
  /** The record's title or summary, cut around the keyword when long. */
  title: string;
  /** Where the keyword was found when the title lacks it (a description), cut around it; else null. */
  excerpt: string | null;
  /** The people it names (petitioners, the people of a hazard), masked. */
  people: string[];
}

/** One ledger's part of a search: its first records (newest first, an exact number first) and its total. */
export interface SearchGroup {
  ledger: LedgerKey;
  /** The ledger's name as a heading (信访积案). */
  title: string;
  total: number;
  items: SearchHit[];
}

export const searchContract = {
  // session: each ledger answers only for a caller who may read it, within their township.
  'search.all': defineMethod<{ groups: SearchGroup[] }>()({
    input: z
      .object({
        keyword: z.string().trim().min(1, { error: '请输入关键字' }).max(50, { error: '关键字不能超过 50 个字' }),
        limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(5),
      })
      .strict(),
    access: 'session',
    summary: '全局搜索：按台账分组的案号、信访人（脱敏）、诉求摘要、隐患与稳评名称',
  }),
};
