import type { Generated } from 'kysely';
import type { LedgerChangeKind, LedgerKey } from '../../../shared/domain/ledger/records';
import type { RecordLinkKind } from '../../../shared/domain/ledger/links';
import type { NotificationKind } from '../../../shared/domain/notifications';
import type { RegionLevel } from '../../../shared/domain/regions';
import type { Role } from '../../../shared/domain/roles';
import type { PetitionItemType, PetitionLevel } from '../../../shared/domain/petitions/classification';
import type { PetitionStatus } from '../../../shared/domain/petitions/statuses';
import type { ReplyKind } from '../../../shared/domain/petitions/procedure';
import type { AuditResult } from '../../../shared/contract/audit';
import type { ReportKind } from '../../../shared/domain/reports/document';
import type { HazardLevel } from '../../../shared/domain/risks/hazard-levels';
import type { HazardSource } from '../../../shared/domain/risks/hazard-record';
import type { HazardNoteKind, HazardStatus, HazardTrend } from '../../../shared/domain/risks/hazard-statuses';
import type { TaskAction, TaskKind, TaskOwnerKind, TaskStatus } from '../../../shared/domain/risks/tasks';
import type {
  AssessmentDimension,
  AssessmentMatterType,
  ConsultationMethod,
} from '../../../shared/domain/risks/assessment-content';
import type { AssessmentConclusion, RiskLevel } from '../../../shared/domain/risks/assessment-levels';
import type { AssessmentAction, AssessmentStatus } from '../../../shared/domain/risks/assessment-statuses';
import type { MeetingLevel } from '../../../shared/domain/risks/meetings';
import type { DutyRole } from '../../../shared/domain/board/duty';
import type { AttachmentEntity, AttachmentMime, AttachmentPurpose } from '../../../shared/domain/attachments';
import type {
  DisputeChannel,
  DisputeRiskColour,
  DisputeUrgency,
  PartyKind,
  PartySide,
} from '../../../shared/domain/disputes/intake';
import type { Coordination, HandlingKind, LegalPath } from '../../../shared/domain/disputes/handling';
import type { DisputeLevel } from '../../../shared/domain/disputes/levels';
import type {
  ConversionTarget,
  DisputeResult,
  DisputeStatus,
  Satisfaction,
} from '../../../shared/domain/disputes/statuses';

/** Table shapes for Kysely's typed queries; columns as in the migrations. */
export interface Schema {
  regions: {
    code: string;
    name: string;
    level: RegionLevel;
    parent_code: string | null;
    sort: number;
    disabled_at: string | null;
  };
  units: {
    id: string;
    code: string;
    name: string;
    kind: string;
    region_code: string | null;
    sort: number;
    disabled_at: string | null;
  };
  people: {
    id: string;
    name: string;
    title: string;
    role: 'leader' | 'responsible';
    unit_id: string;
    sort: number;
    phone: string;
    disabled_at: string | null;
  };
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
  petitions: {
    id: string;
    case_no: string;
    item_type: PetitionItemType | null;
    category: string | null;
    township_code: string;
    summary: string;
    first_petition_date: string;
    received_date: string;
    petition_count: number;
    highest_level: PetitionLevel;
    status: PetitionStatus;
    handling_unit_id: string | null;
    leader_id: string | null;
    responsible_id: string | null;
    assigned_date: string | null;
    due_date: string | null;
    extension_days: number | null;
    extension_reason: string | null;
    extension_approved_by: string | null;
    resolution_plan: string;
    stability_measures: string;
    outcome: string | null;
    resolved_date: string | null;
    closed_date: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
    /** Raised by every change; a change names the version it read (the ledger kernel). */
    version: number;
    voided_at: string | null;
    void_reason: string | null;
    /** The import that created the record (migration 0014); null when registered in the app. */
    import_id: string | null;
    /** The procedure (migration 0017): acceptance or refusal, objection, reply, 复查, 复核. */
    accepted_date: string | null;
    refused_date: string | null;
    objection_date: string | null;
    reply_date: string | null;
    reply_kind: ReplyKind | null;
    review_requested_date: string | null;
    review_decided_date: string | null;
    re_review_requested_date: string | null;
    re_review_hearing_days: number | null;
    re_review_decided_date: string | null;
    /** Art. 34's date (extension included), for 申诉求决 items once accepted. */
    conclusion_due_date: string | null;
    /** A 不再受理 item: the final case on the same facts. */
    final_case_id: string | null;
  };
  petitioners: {
    id: string;
    petition_id: string;
    name: string;
    id_number: string | null;
    phone: string | null;
    address: string | null;
    is_primary: 0 | 1;
    sort: number;
    /** Blind indexes (db/personal-cipher.ts) of the ID number and phone, which are stored sealed. */
    id_number_bi: string | null;
    phone_bi: string | null;
  };
  petition_events: {
    id: string;
    petition_id: string;
    kind: 'register' | 'transition' | 'repeat' | 'extension' | 'update';
    action: string | null;
    from_status: PetitionStatus | null;
    to_status: PetitionStatus | null;
    unit_id: string | null;
    reason: string;
    by_user: string;
    at: string;
  };
  petition_progress: { id: string; petition_id: string; date: string; content: string; by_user: string; at: string };
  petition_supervisions: {
    id: string;
    petition_id: string;
    kind: 'interview' | 'notice' | 'listed';
    reason: string;
    by_user: string;
    at: string;
  };
  petition_closeouts: { id: string; petition_id: string; approved_by: string; evidence: string; at: string };
  holidays: { date: string; kind: 'holiday' | 'workday'; name: string };
  attachments: {
    id: string;
    entity: AttachmentEntity;
    entity_id: string;
    purpose: AttachmentPurpose;
    file_name: string;
    mime: AttachmentMime;
    size: number;
    sha256: string;
    stored_name: string;
    uploaded_by: string;
    uploaded_at: string;
  };
  petition_closeout_attachments: { closeout_id: string; attachment_id: string };
  hazards: {
    id: string;
    hazard_no: string;
    title: string;
    category: string;
    source: HazardSource;
    description: string;
    level: HazardLevel;
    status: HazardStatus;
    found_on: string;
    township_code: string;
    village_code: string | null;
    grid_code: string | null;
    lng: number | null;
    lat: number | null;
    people_involved: number | null;
    leader_id: string | null;
    responsible_id: string | null;
    plan: string;
    measures: string;
    outcome: string | null;
    level_changed_on: string;
    resolved_on: string | null;
    closed_on: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
    /** Raised by every change; a change names the version it read (the ledger kernel). */
    version: number;
    voided_at: string | null;
    void_reason: string | null;
    /** The import that created the record (migration 0014); null when registered in the app. */
    import_id: string | null;
  };
  disputes: {
    id: string;
    dispute_no: string;
    channel: DisputeChannel;
    category: string;
    summary: string;
    received_on: string;
    township_code: string;
    village_code: string | null;
    grid_code: string | null;
    people_involved: number | null;
    amount_involved: number | null;
    urgency: DisputeUrgency;
    risk_colour: DisputeRiskColour;
    level: DisputeLevel;
    /** 1 once ever moved up a level (the 上交率 counts it). */
    escalated: number;
    status: DisputeStatus;
    result: DisputeResult | null;
    handling_kind: HandlingKind | null;
    unit_id: string | null;
    legal_path: LegalPath | null;
    coordination: Coordination | null;
    mediator: string | null;
    agreement: string | null;
    agreement_attachment_id: string | null;
    judicial_confirmation: number | null;
    converted_to: ConversionTarget | null;
    prevented_criminal: number;
    prevented_criminal_people: number;
    prevented_collective: number;
    satisfaction: Satisfaction | null;
    visit_note: string | null;
    routed_on: string | null;
    due_date: string | null;
    result_on: string | null;
    visited_on: string | null;
    closed_on: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
    version: number;
    voided_at: string | null;
    void_reason: string | null;
    import_id: string | null;
  };
  /** ID number and phone sealed; `_bi` their blind indexes. */
  dispute_parties: {
    id: string;
    dispute_id: string;
    kind: PartyKind;
    side: PartySide;
    name: string;
    id_number: string | null;
    phone: string | null;
    id_number_bi: string | null;
    phone_bi: string | null;
    sort: number;
  };
  dispute_events: {
    id: string;
    dispute_id: string;
    action: string;
    from_status: DisputeStatus | null;
    to_status: DisputeStatus;
    note: string;
    unit_id: string | null;
    by_user: string;
    at: string;
  };
  dispute_transfers: {
    id: string;
    dispute_id: string;
    from_level: DisputeLevel;
    to_level: DisputeLevel;
    direction: 'up' | 'down';
    reason: string;
    by_user: string;
    at: string;
  };
  dispute_units: { dispute_id: string; unit_id: string };
  dispute_links: { dispute_id: string; related_id: string; reason: 'same_party' | 'same_matter' };
  record_links: {
    id: string;
    from_ledger: LedgerKey;
    from_id: string;
    to_ledger: LedgerKey;
    to_id: string;
    kind: RecordLinkKind;
    by_user: string;
    at: string;
  };
  hazard_people: { id: string; hazard_id: string; name: string; phone: string | null; sort: number };
  hazard_events: {
    id: string;
    hazard_id: string;
    action: string;
    from_status: HazardStatus | null;
    to_status: HazardStatus;
    note: string;
    by_user: string;
    at: string;
  };
  hazard_level_changes: {
    id: string;
    hazard_id: string;
    from_level: HazardLevel;
    to_level: HazardLevel;
    changed_on: string;
    reason: string;
    by_user: string;
    at: string;
  };
  hazard_notes: {
    id: string;
    hazard_id: string;
    kind: HazardNoteKind;
    noted_on: string;
    content: string;
    trend: HazardTrend | null;
    suggested_level: HazardLevel | null;
    by_user: string;
    at: string;
  };
  hazard_links: {
    hazard_id: string;
    target_kind: 'petition' | 'assessment';
    target_id: string;
    by_user: string;
    at: string;
  };
  risk_tasks: {
    id: string;
    owner_kind: TaskOwnerKind;
    owner_id: string;
    kind: TaskKind;
    title: string;
    unit_id: string;
    start_date: string;
    due_date: string;
    status: TaskStatus;
    progress_note: string;
    completed_on: string | null;
    outcome: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  risk_task_events: {
    id: string;
    task_id: string;
    action: 'create' | TaskAction;
    from_status: TaskStatus | null;
    to_status: TaskStatus;
    note: string;
    due_date: string | null;
    by_user: string;
    at: string;
  };
  assessments: {
    id: string;
    assessment_no: string;
    matter: string;
    matter_type: AssessmentMatterType;
    description: string;
    proposing_unit_id: string;
    assessing_body: string | null;
    people_affected: number;
    registered_on: string;
    status: AssessmentStatus;
    risk_level_before: RiskLevel | null;
    risk_level_after: RiskLevel | null;
    recommended_conclusion: AssessmentConclusion | null;
    recommendation_reason: string;
    /** The emergency plan (应急预案, migration 0016): its summary (null: none), the day drawn up, its file. */
    emergency_plan_summary: string | null;
    emergency_plan_on: string | null;
    emergency_plan_attachment_id: string | null;
    decision: AssessmentConclusion | null;
    decided_by: string | null;
    decided_on: string | null;
    decision_reason: string | null;
    implemented_on: string | null;
    last_reviewed_on: string | null;
    next_re_review_on: string | null;
    archive_note: string | null;
    archived_on: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
    /** Raised by every change; a change names the version it read (the ledger kernel). */
    version: number;
    voided_at: string | null;
    void_reason: string | null;
    /** The import that created the record (migration 0014); null when registered in the app. */
    import_id: string | null;
  };
  assessment_townships: { assessment_id: string; township_code: string; sort: number };
  assessment_findings: { assessment_id: string; dimension: AssessmentDimension; finding: string };
  assessment_consultations: {
    assessment_id: string;
    method: ConsultationMethod;
    count: number;
    participants: number | null;
    /** Views gathered by that method (migration 0015); null when not recorded. */
    supporters: number | null;
    opponents: number | null;
    neutrals: number | null;
  };
  assessment_risks: { assessment_id: string; sort: number; description: string; level: RiskLevel };
  assessment_events: {
    id: string;
    assessment_id: string;
    kind: 'register' | 'update' | 'transition' | 're_review';
    action: AssessmentAction | null;
    from_status: AssessmentStatus | null;
    to_status: AssessmentStatus | null;
    note: string;
    by_user: string;
    at: string;
  };
  assessment_re_reviews: {
    id: string;
    assessment_id: string;
    reviewed_on: string;
    finding: string;
    risk_level: RiskLevel;
    next_re_review_on: string | null;
    by_user: string;
    at: string;
  };
  ledger_changes: {
    id: string;
    ledger: LedgerKey;
    record_id: string;
    kind: LedgerChangeKind;
    /** JSON of `FieldChange[]`, personal values masked. */
    fields: string;
    reason: string;
    by_user: string;
    at: string;
  };
  reports: {
    id: string;
    kind: ReportKind;
    report_date: string;
    issue_no: string;
    title: string;
    document: string;
    created_by: string;
    created_at: string;
  };
  meetings: {
    id: string;
    meeting_no: string;
    level: MeetingLevel;
    held_on: string;
    topic: string;
    chaired_by: string;
    township_code: string | null;
    village_code: string | null;
    location: string;
    summary: string;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  meeting_attendees: { meeting_id: string; sort: number; name: string; unit: string };
  meeting_items: { meeting_id: string; item_kind: 'hazard' | 'assessment' | 'petition'; item_id: string; sort: number };
  meeting_decisions: {
    id: string;
    meeting_id: string;
    sort: number;
    content: string;
    decided_on: string;
    task_id: string | null;
    by_user: string;
    at: string;
  };
  duty_roster: { date: string; role: DutyRole; name: string; phone: string | null; sort: number };
  imports: {
    id: string;
    kind: string;
    file_name: string;
    sha256: string;
    sheet: string;
    rows: number;
    creates: number;
    updates: number;
    by_user: string;
    at: string;
    county_date: string;
    undone_at: string | null;
  };
  /** What an import created: its ledger records by number, or units and people made on the spot, by id. */
  import_records: { import_id: string; record_key: string; entity: 'record' | 'unit' | 'person' };
  import_mappings: { kind: string; header: string; field: string };
  board_hazard_tallies: { township_code: string; level: HazardLevel; category: string; open: number };
  board_case_categories: { category: string; open: number };
  /** Figure tallies kept by triggers (db/figure-tallies.ts, migration 0018). */
  petition_due_tallies: { township_code: string; unit_id: string; due_date: string; open: number };
  hazard_totals: { township_code: string; found: number; resolved: number };
  petition_day_tallies: { township_code: string; day: string; received: number; resolved: number; concluded: number };
  hazard_day_tallies: { township_code: string; day: string; found: number; resolved: number };
  board_alerts: {
    id: Generated<number>;
    at: string;
    kind: 'hazard_found' | 'hazard_raised' | 'collective_petition';
    source_id: string;
    township_code: string;
    category: string;
    level: HazardLevel | null;
  };
  /** The notification centre (migration 0023): notices to an account, a unit or both; reads per account. */
  notifications: {
    id: string;
    kind: NotificationKind;
    ledger: LedgerKey;
    record_id: string;
    record_no: string;
    township_code: string | null;
    user_id: string | null;
    unit_id: string | null;
    actor_id: string | null;
    text: string;
    due_date: string | null;
    hidden: number;
    created_at: string;
  };
  notification_reads: { user_id: string; notification_id: string; read_at: string };
}
