import type { BoardCategory } from '../../../../shared/contract/board';

export const UNCLASSIFIED = '未分类';

/** The categories with their labels, most first, then by code, up to `limit`. */
export function topCategories(
  rows: Array<{ code: string; count: number }>,
  labels: Map<string, string>,
  limit: number,
): BoardCategory[] {
  return [...rows]
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, limit)
    .map((r) => ({ code: r.code, label: r.code ? (labels.get(r.code) ?? r.code) : UNCLASSIFIED, count: r.count }));
}
