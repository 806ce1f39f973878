import type { RegionLevel } from '@shared/domain/regions';
import type { Result } from '@shared/errors';
import { invoke } from '@/api/client';
import { useRemoteOptions, type Option } from './useRemoteOptions';

const mapPage = <T>(result: Result<{ items: T[] }>, pick: (item: T) => Option): Result<Option[]> =>
  result.ok ? { ok: true, data: result.data.items.map(pick) } : result;

/** Handling units (承办单位) for a remote select. */
export const useUnitOptions = () =>
  useRemoteOptions(async (keyword) =>
    mapPage(await invoke('units.list', { keyword, pageSize: 50 }), (unit) => ({ id: unit.id, name: unit.name })),
  );

/** Responsible leaders (包案领导) for a remote select, shown with their post. */
export const useLeaderOptions = () =>
  useRemoteOptions(async (keyword) =>
    mapPage(await invoke('people.list', { role: 'leader', keyword, pageSize: 50 }), (person) => ({
      id: person.id,
      name: person.title ? `${person.name}（${person.title}）` : person.name,
    })),
  );

/** Responsible people (责任人) for a remote select. */
export const useResponsibleOptions = () =>
  useRemoteOptions(async (keyword) =>
    mapPage(await invoke('people.list', { role: 'responsible', keyword, pageSize: 50 }), (person) => ({
      id: person.id,
      name: person.name,
    })),
  );

/** Regions in use of one level for a remote select, by code, shown with their code. */
export const useRegionOptions = (level: RegionLevel) =>
  useRemoteOptions(async (keyword) =>
    mapPage(await invoke('regions.list', { level, keyword, pageSize: 50 }), (region) => ({
      id: region.code,
      name: `${region.name}（${region.code}）`,
    })),
  );
