import type { Generated } from 'kysely';
import type { RegionLevel } from '../../../shared/domain/regions';
import type { Role } from '../../../shared/domain/roles';
import type { AuditResult } from '../../../shared/contract/audit';

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
  users: {
    id: string;
    username: string;
    display_name: string;
    unit_id: string | null;
    region_code: string | null;
    phone: string | null;
    enabled: 0 | 1;
    password_hash: string;
    password_changed_at: string;
    must_change_password: 0 | 1;
    failed_attempts: number;
    locked_until: string | null;
    created_at: string;
    updated_at: string;
  };
  user_roles: { user_id: string; role: Role };
  password_history: { seq: Generated<number>; user_id: string; password_hash: string; created_at: string };
  settings: { key: string; value: string; updated_at: string };
  audit_log: {
    seq: number;
    at: string;
    user_id: string | null;
    username: string | null;
    roles: string;
    client: string;
    action: string;
    entity: string | null;
    entity_id: string | null;
    result: AuditResult;
    fields: string;
    detail: string;
    prev_hash: string;
    hash: string;
  };
}
