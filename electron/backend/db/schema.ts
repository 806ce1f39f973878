import type { RegionLevel } from '../../../shared/domain/regions';

/** Table shapes for Kysely's typed queries; columns as in the migrations. */
export interface Schema {
  regions: { code: string; name: string; level: RegionLevel; parent_code: string | null; sort: number };
  units: { id: string; code: string; name: string; kind: string; region_code: string | null; sort: number };
  people: { id: string; name: string; title: string; role: 'leader' | 'responsible'; unit_id: string; sort: number };
  dictionaries: { code: string; name: string; sort: number };
  dict_entries: { dict_code: string; code: string; label: string; sort: number; enabled: 0 | 1 };
  boundaries: {
    id: string;
    source_unit: string;
    approval_no: string;
    crs: string;
    data_date: string;
    geojson: string;
    imported_at: string;
    active: 0 | 1;
  };
}
