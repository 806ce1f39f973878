import { z } from 'zod';
import {
  BOUNDARY_MATCH_BY,
  BOUNDARY_MAX_BYTES,
  BOUNDARY_SIZE_MESSAGE,
  type BoundaryImportReport,
} from '../domain/board/boundary';
import type { RiskBand } from '../domain/board/risk-index';
import type { DutyRole } from '../domain/board/duty';
import { isValidDate } from '../domain/ledger/calendar';
import type { MetricResult } from '../domain/ledger/figures';
import type { HazardLevel } from '../domain/risks/hazard-levels';
import { defineMethod, noInput } from './define';

export type { BoundaryImportReport, BoundaryMatch } from '../domain/board/boundary';

/** Where the township boundaries came from; shown on the map (see docs/domain.md, maps and the law). */
export interface BoundarySource {
  sourceUnit: string;
  /** 审图号; empty for the made-up demo county. */
  approvalNo: string;
  /** Coordinate reference system, e.g. CGCS2000 or WGS84. */
  crs: string;
  /** Date of the boundary data, YYYY-MM-DD. */
  dataDate: string;
}

export interface TownshipBoundary {
  source: BoundarySource;
  /** GeoJSON FeatureCollection of Polygon/MultiPolygon; each feature's `properties.code` is a township code. */
  geojson: {
    type: 'FeatureCollection';
    features: Array<{
      type: 'Feature';
      properties: { code: string; name: string };
      geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
    }>;
  };
}

/** Open hazards (发现, 化解中) by colour level. */
export type HazardLevelCounts = Record<HazardLevel, number>;

/** One township on the board: its risk index and the counts behind it. */
export interface BoardTownship {
  code: string;
  name: string;
  /** 0–100, see shared/domain/board/risk-index.ts for the formula. */
  riskIndex: number;
  /** 低/中/较高/高: the map colour (RISK_BAND_LABELS, RISK_BAND_COLORS). */
  band: RiskBand;
  openHazards: HazardLevelCounts;
  /** 在办积案: cases not yet 已化解 or 已销号. */
  openCases: number;
  /** 超期积案: open cases past their deadline today. */
  overdueCases: number;
  /** 化解率 as the petition figures define it (resolution_rate in shared/domain/petitions/metrics.ts). */
  resolution: MetricResult;
  /** Open measures and assigned tasks past their deadline, of hazards, assessments and meetings of this township. */
  overdueTasks: number;
}

export interface BoardTotals {
  openHazards: HazardLevelCounts;
  openCases: number;
  /** 化解率 and 办结率 (resolution_rate, conclusion_rate) as the petition figures define them. */
  resolution: MetricResult;
  conclusion: MetricResult;
  overdue: {
    cases: number;
    /** Counted once even when a task's assessment covers several townships; county-level meetings' tasks included. */
    tasks: number;
  };
  /** Registered with today's date (received / found today). */
  today: { cases: number; hazards: number };
}

/** One day of the 30-day trend, oldest first, ending today. */
export interface BoardTrendDay {
  date: string;
  newCases: number;
  newHazards: number;
  /** Cases whose 化解 date is this day (and not reopened since). */
  resolvedCases: number;
}

/** A category among open items, with its dictionary label. */
export interface BoardCategory {
  code: string;
  label: string;
  count: number;
}

/** [lng, lat, level] of one open hazard with coordinates. */
export type BoardHazardPoint = [number, number, HazardLevel];

export const BOARD_ALERT_KINDS = ['hazard_found', 'hazard_raised', 'collective_petition', 'case_overdue'] as const;
export type BoardAlertKind = (typeof BOARD_ALERT_KINDS)[number];

/**
 * One line of the ticker. Built only from the township, the category, the level or kind and the
 * time: never a name, a number, a phone or a summary.
 */
export interface BoardAlert {
  /** ISO timestamp (UTC); a case's overdue alert is the county's midnight after its last day. */
  at: string;
  kind: BoardAlertKind;
  /** The hazard's colour for hazard alerts, else null. */
  level: HazardLevel | null;
  townshipName: string;
  categoryLabel: string;
  /** Ready to show, e.g. `11-22 09:30 东镇 欠薪 风险隐患升为红色`. */
  text: string;
}

/** One township on the map's disputes layer and in its drill-down. */
export interface BoardDisputeTownship {
  code: string;
  /** Taken in (受理) today. */
  today: number;
  /** Taken in (受理) in the board's window. */
  received: number;
  /** 化解率 of those taken in over the window. */
  resolution: MetricResult;
  /** Open now (已受理, 已分流, 调处中), whenever taken in. */
  open: number;
}

/**
 * The disputes (矛盾纠纷) on the board, counted by 受理日期 over the days of the trend (`from` to
 * today): counts only, never a party, a number or a summary.
 */
export interface BoardDisputes {
  /** The window's first day (BOARD_TREND_DAYS to today). */
  from: string;
  /** Taken in today. */
  today: number;
  /** Taken in over the window. */
  received: number;
  /** 化解率 of those taken in over the window (resolution_rate of shared/domain/disputes/figures.ts). */
  resolution: MetricResult;
  /** Open now, whenever taken in. */
  open: number;
  /** The window's disputes by category, most first (at most BOARD_DISPUTE_CATEGORY_LIMIT). */
  categories: BoardCategory[];
  /** Every township, in the county's order: the map's disputes layer. */
  townships: BoardDisputeTownship[];
}

/** Today's duty roster on the board: role and name only (never the phone). */
export interface BoardDutyEntry {
  role: DutyRole;
  name: string;
}

/**
 * Everything the situation board shows, in one call: aggregates only. No petitioner's name, ID
 * number, phone or address, and no free text that could hold them (summaries, notes) is in it.
 */
export interface BoardSnapshot {
  generatedAt: string;
  /** The county's date the figures are counted for. */
  today: string;
  countyName: string | null;
  /** The centre's name (`centreNameOf`), under the board's title; null before the county is set up. */
  centreName: string | null;
  /** The active boundary's source (shown on the map), or null before one is imported. */
  boundarySource: BoundarySource | null;
  /** In the county's township order. */
  townships: BoardTownship[];
  totals: BoardTotals;
  trends: BoardTrendDay[];
  categories: {
    /** Open hazards by category, most first (at most BOARD_CATEGORY_LIMIT). */
    hazards: BoardCategory[];
    /** Open cases by category, most first (unclassified as 未分类). */
    petitions: BoardCategory[];
  };
  /** The townships by risk index, highest first; equal indexes share a rank (1, 2, 2, 4), listed by code. */
  ranking: Array<{ rank: number; code: string; name: string; riskIndex: number; band: RiskBand }>;
  /** Open hazards with coordinates, red first, then orange, yellow, blue; capped. */
  hazardPoints: { points: BoardHazardPoint[]; omitted: number };
  /** Latest alerts, newest first. */
  ticker: BoardAlert[];
  disputes: BoardDisputes;
  duty: BoardDutyEntry[];
  refreshSeconds: number;
}

export const BOARD_CATEGORY_LIMIT = 8;
export const BOARD_DISPUTE_CATEGORY_LIMIT = 5;
export const BOARD_POINT_LIMIT = 5000;
export const BOARD_TICKER_LIMIT = 20;
export const BOARD_TREND_DAYS = 30;

const boundaryFileFields = {
  /**
   * The GeoJSON text as uploaded; checked for size before it is parsed. Up to 20 MB over IPC (the
   * desktop app); web mode's request limit (http/server.ts MAX_BODY_BYTES) is lower.
   */
  geojson: z.string().min(1, '请选择边界文件（GeoJSON）').max(BOUNDARY_MAX_BYTES, BOUNDARY_SIZE_MESSAGE),
  /** The feature property holding each township's name or code, e.g. NAME or XZQDM. */
  property: z.string().trim().min(1, '请填写乡镇名称或代码所在的属性字段名').max(60),
  /** Whether that property holds the township's name or its 12-digit division code. */
  matchBy: z.enum(BOUNDARY_MATCH_BY),
  /** Features the administrator assigned by hand: position (from 1) → township code. */
  assignments: z
    .record(z.string().regex(/^\d{1,6}$/), z.string().regex(/^\d{12}$/, { error: '乡镇代码应为 12 位数字' }))
    .default({}),
};

export const boardContract = {
  'board.boundary': defineMethod<TownshipBoundary | null>()({
    input: noInput,
    access: 'board.read',
    summary: '取本县乡镇边界（未导入时为空）',
  }),
  'board.snapshot': defineMethod<BoardSnapshot>()({
    input: noInput,
    access: 'board.read',
    summary: '态势大屏的全部数据（仅汇总数字，不含任何个人信息）',
  }),
  // Asked by main in client mode for the board window; pages never call it (main refuses it from them).
  'board.openDisplay': defineMethod<null>()({
    input: noInput,
    access: 'board.read',
    summary: '为工作站的态势大屏窗口开启只读大屏会话（客户端模式，由程序自动调用）',
  }),
  'board.importBoundaryPreview': defineMethod<BoundaryImportReport>()({
    input: z.object(boundaryFileFields).strict(),
    access: 'boundaries.import',
    summary: '检查乡镇边界文件并预览与本县乡镇的对应情况（不保存）',
  }),
  'board.importBoundary': defineMethod<BoundaryImportReport>()({
    input: z
      .object({
        ...boundaryFileFields,
        sourceUnit: z.string().trim().min(1, '请填写边界数据的来源单位，例如某县自然资源局').max(60),
        approvalNo: z.string().trim().min(1, '请填写审图号（地图须经审核，审图号见边界数据的提供函）').max(60),
        crs: z.string().trim().min(1, '请填写坐标系，例如 CGCS2000 或 WGS84').max(40),
        dataDate: z.string().refine(isValidDate, { error: '“数据日期”应为 YYYY-MM-DD 格式的真实日期' }),
      })
      .strict(),
    access: 'boundaries.import',
    summary: '导入乡镇边界并设为当前使用的边界',
  }),
};
