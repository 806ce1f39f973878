import { z } from 'zod';
import { defineMethod, noInput } from './define';

export interface SystemInfo {
  appName: string;
  version: string;
  /** Schema version of the open database (PRAGMA user_version). */
  schemaVersion: number;
  county: { code: string; name: string } | null;
  /** The centre's name (`centreNameOf`): the reports' issuing unit, the board's and the sign-in page's. */
  centreName: string;
  counts: { townships: number; villages: number; grids: number; units: number; people: number };
}

export const DEMO_SCALES = ['small', 'large'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

export interface DemoSummary {
  county: string;
  townships: number;
  villages: number;
  grids: number;
  units: number;
  people: number;
}

export const systemContract = {
  'system.info': defineMethod<SystemInfo>()({
    input: noInput,
    access: 'reference.read',
    summary: '查询应用与数据库概况',
  }),
  'system.loadDemo': defineMethod<DemoSummary>()({
    input: z
      .object({
        scale: z.enum(DEMO_SCALES).default('small'),
        seed: z.number().int().min(1).max(2_147_483_647).default(20261122),
      })
      .strict(),
    access: 'demo.load',
    summary: '向空数据库载入虚构的演示县数据',
  }),
};
