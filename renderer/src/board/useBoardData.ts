import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import type { TownshipBoundary } from '@shared/contract/board';
import { PAGE_SIZE_MAX } from '@shared/contract/define';
import { ApiError, call } from '@/api/client';
import { listTownships } from '@/api/townships';
import { useSystemStore } from '@/app/systemStore';

export interface TownshipFigures {
  code: string;
  name: string;
  villages: number;
  grids: number;
}

const REFRESH_MS = 60_000;

/**
 * Grids per township, summed from the villages' child counts. A county has a few hundred villages,
 * so this is one or two pages; a board aggregate method can replace it when the board grows.
 */
async function gridsByTownship(): Promise<Map<string, number>> {
  const grids = new Map<string, number>();
  for (let page = 1; ; page += 1) {
    const result = await call('regions.list', { level: 'village', page, pageSize: PAGE_SIZE_MAX });
    for (const village of result.items) {
      if (village.parentCode) grids.set(village.parentCode, (grids.get(village.parentCode) ?? 0) + village.childCount);
    }
    if (result.items.length === 0 || page * PAGE_SIZE_MAX >= result.total) return grids;
  }
}

/** The board's figures and the township boundary, refreshed every minute while the board is shown. */
export function useBoardData() {
  const system = useSystemStore();
  const boundary = shallowRef<TownshipBoundary | null>(null);
  const townships = shallowRef<TownshipFigures[]>([]);
  const loaded = ref(false);
  const error = ref('');
  const updatedAt = shallowRef<Date | null>(null);

  async function loadFigures(countyCode: string): Promise<void> {
    // The boundary can be large: fetch it until one is there; a newly imported one shows on reload.
    const [list, grids, nextBoundary] = await Promise.all([
      listTownships(countyCode),
      gridsByTownship(),
      boundary.value ?? call('board.boundary', {}),
    ]);
    townships.value = list.map((region) => ({
      code: region.code,
      name: region.name,
      villages: region.childCount,
      grids: grids.get(region.code) ?? 0,
    }));
    boundary.value = nextBoundary;
  }

  /** Loads everything; resolves with the error message to show, or '' when all went well. */
  async function load(): Promise<string> {
    await system.refresh();
    if (system.error) return system.error;
    try {
      if (system.county) await loadFigures(system.county.code);
      updatedAt.value = new Date();
      return '';
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      return failure.message;
    }
  }

  async function refresh(): Promise<void> {
    // On failure the last figures stay up, with the error shown beside them.
    error.value = await load();
    loaded.value = true;
  }

  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    void refresh();
    timer = setInterval(() => void refresh(), REFRESH_MS);
  });
  onBeforeUnmount(() => clearInterval(timer));

  return { system, boundary, townships, loaded, error, updatedAt };
}
