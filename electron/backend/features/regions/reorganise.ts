import type { Region, RegionImpact } from '../../../../shared/contract/regions';
import { REGION_LEVEL_LABELS } from '../../../../shared/domain/regions';
import { invalidField } from '../../api/problems';
import type { HandlerContext } from '../../api/types';
import { audited } from '../../audit/writer';
import { countReferences, repointReferences, type RegionPath } from '../../ledger/region-moves';
import type { PlaceLevel } from '../../ledger/registry';
import { assertNameFree, regionOrThrow } from './upkeep';

/**
 * Moves and merges of regions (行政区划调整). A region's code is official and never changes: a
 * village moved to another township keeps its code, and its recorded parent, not the prefix of its
 * code, says where it lies. What names the region (records, units, accounts, child regions) moves
 * with it inside one audited transaction; a merged region is disabled, never deleted.
 */

type Place = Region & { level: PlaceLevel };

function placeOrThrow(ctx: HandlerContext, code: string, verb: string): Place {
  const region = regionOrThrow(ctx, code);
  if (region.level === 'county') return invalidField('code', `本县不能${verb}。`);
  if (!region.enabled) invalidField('code', `“${region.name}”已停用，不能${verb}；如需${verb}，请先重新启用它。`);
  return region as Place;
}

/** The region's own code and those of the regions above it, by level, as recorded. */
function pathOf(ctx: HandlerContext, code: string): RegionPath {
  const path: RegionPath = {};
  for (let region = regionOrThrow(ctx, code); region.level !== 'county';) {
    path[region.level] = region.code;
    region = regionOrThrow(ctx, region.parentCode!);
  }
  return path;
}

/** What the confirmation of a move or merge counts. */
export function regionImpact(ctx: HandlerContext, code: string): RegionImpact {
  const region = placeOrThrow(ctx, code, '移动或合并');
  return {
    region,
    references: [{ noun: '下级区划', count: region.childCount }, ...countReferences(ctx, region.level, code)],
  };
}

const summaryOf = (impact: RegionImpact) =>
  impact.references
    .filter((r) => r.count)
    .map((r) => `${r.noun} ${r.count}`)
    .join('，');

const nextSort = (ctx: HandlerContext, parentCode: string) =>
  (
    ctx.sql.prepare('SELECT coalesce(max(sort), 0) AS n FROM regions WHERE parent_code = ?').get(parentCode) as {
      n: number;
    }
  ).n;

/** A village to another township, or a grid to another village; its records follow it. */
export function moveRegion(ctx: HandlerContext, code: string, parentCode: string): Region {
  const region = placeOrThrow(ctx, code, '移动');
  if (region.level === 'township') {
    invalidField('code', '乡镇/街道直属本县，不能移动；如需并入另一乡镇/街道，请使用“合并”。');
  }
  const parent = regionOrThrow(ctx, parentCode);
  const parentLevel = region.level === 'grid' ? 'village' : 'township';
  const parentLabel = REGION_LEVEL_LABELS[parentLevel];
  if (parent.level !== parentLevel) {
    invalidField('parentCode', `${REGION_LEVEL_LABELS[region.level]}只能移到${parentLabel}之下，请重新选择“新上级”。`);
  }
  if (!parent.enabled) invalidField('parentCode', `${parentLabel}“${parent.name}”已停用，请选择在用的${parentLabel}。`);
  if (parent.code === region.parentCode) invalidField('parentCode', `“${region.name}”已在“${parent.name}”之下。`);
  assertNameFree(ctx, parent.code, region.name, 'parentCode');
  const impact = regionImpact(ctx, code);
  const event = { action: 'regions.move', entity: 'region', entityId: code, fields: ['parentCode'] };
  audited(ctx, { ...event, detail: `${region.parentCode} → ${parent.code}；${summaryOf(impact)}` }, () => {
    ctx.sql
      .prepare('UPDATE regions SET parent_code = ?, sort = ? WHERE code = ?')
      .run(parent.code, nextSort(ctx, parent.code) + 1, code);
    repointReferences(ctx, region.level, code, pathOf(ctx, code));
  });
  return regionOrThrow(ctx, code);
}

/**
 * Merges a region into another of the same level: its child regions, records, units and accounts
 * move to the target, and it is disabled (kept for history, never deleted).
 */
export function mergeRegion(ctx: HandlerContext, code: string, targetCode: string): Region {
  const region = placeOrThrow(ctx, code, '合并');
  if (targetCode === code) invalidField('targetCode', '不能并入自身，请选择另一个区划作为“并入目标”。');
  const target = regionOrThrow(ctx, targetCode);
  const label = REGION_LEVEL_LABELS[region.level];
  if (target.level !== region.level) {
    invalidField('targetCode', `只能并入同一层级的区划：“${region.name}”是${label}，“${target.name}”不是。`);
  }
  if (!target.enabled)
    invalidField('targetCode', `${label}“${target.name}”已停用，请选择在用的${label}作为“并入目标”。`);
  const twin = ctx.sql
    .prepare(
      'SELECT a.name FROM regions a JOIN regions b ON b.name = a.name WHERE a.parent_code = ? AND b.parent_code = ?',
    )
    .get(code, targetCode) as { name: string } | undefined;
  if (twin) {
    invalidField(
      'targetCode',
      `“${region.name}”和“${target.name}”之下都有“${twin.name}”，请先将其中一个改名或合并，再合并上级。`,
    );
  }
  const impact = regionImpact(ctx, code);
  // Accounts scoped to the merged township change scope: they sign in again, as after users.update.
  const rescoped = ctx.sql.prepare('SELECT id FROM users WHERE region_code = ?').pluck().all(code) as string[];
  const event = { action: 'regions.merge', entity: 'region', entityId: code, fields: ['parentCode', 'disabledAt'] };
  audited(ctx, { ...event, detail: `并入 ${target.code}；${summaryOf(impact)}` }, () => {
    ctx.sql
      .prepare('UPDATE regions SET parent_code = ?, sort = sort + ? WHERE parent_code = ?')
      .run(target.code, nextSort(ctx, target.code), code);
    repointReferences(ctx, region.level, code, pathOf(ctx, target.code));
    ctx.sql.prepare('UPDATE regions SET disabled_at = ? WHERE code = ?').run(ctx.now().toISOString(), code);
  });
  for (const userId of rescoped) ctx.sessions.removeUser(userId);
  return regionOrThrow(ctx, target.code);
}
