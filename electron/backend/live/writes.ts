import type { MethodName, OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { LiveChange, LiveFeature } from '../../../shared/contract/live';
import type { LedgerKey } from '../../../shared/domain/ledger/records';
import type { TaskOwnerKind } from '../../../shared/domain/risks/tasks';
import type { Services } from '../api/types';
import { recordsMadeFrom } from '../ledger/record-links';
import type { Published } from './bus';

/**
 * Which methods change what a screen shows, and what each change concerns: one table, read by
 * dispatch after a method succeeded (its transaction has committed), so no handler publishes by
 * itself. A method missing here changes nothing a screen shows (a read, a sign-in, an export).
 */

type Described = Omit<Published, 'change'> & { change: Omit<LiveChange, 'kind'> };
/** What a call changed: its record, and any record it made in another ledger (`also`). */
type Describe<M extends MethodName> = (
  input: ParsedInputOf<M>,
  output: OutputOf<M>,
  services: Services,
) => Described & { also?: Described[] };

const LEDGER_FEATURES: Record<LedgerKey, LiveFeature> = {
  petition: 'petitions',
  hazard: 'hazards',
  assessment: 'assessments',
  dispute: 'disputes',
};
const OWNER_FEATURES: Record<TaskOwnerKind, LiveFeature> = {
  hazard: 'hazards',
  assessment: 'assessments',
  meeting: 'meetings',
};

/** The townships a ledger's record lies in, as its scope check reads them (none if it is gone). */
function townshipsOf(services: Services, ledger: LedgerKey, id: string): readonly string[] {
  const records = services.ledgers.records[ledger];
  const row = records.find(services.sql, id);
  return row === undefined ? [] : records.townshipsOf(services.sql, row);
}

/** The townships a meeting concerns (none for a county-wide one), as its tasks' rules read them. */
const meetingTownships = (services: Services, id: string): readonly string[] =>
  services.ledgers.taskOwners.meeting(services.sql, id)?.townshipCodes ?? [];

interface Written {
  id?: unknown;
  version?: unknown;
}

/**
 * One record of a ledger (or a meeting) changed: the answer names it (`written` finds it in an
 * answer that wraps it), or else the input does.
 */
function record<M extends MethodName>(
  feature: LiveFeature,
  townships: (services: Services, id: string) => readonly string[],
  written: (output: OutputOf<M>) => Written = (output) => output as Written,
): Describe<M> {
  return (input, output, services) => {
    const found = written(output);
    const id = typeof found.id === 'string' ? found.id : String((input as { id?: unknown }).id);
    const version = typeof found.version === 'number' ? found.version : undefined;
    return {
      change: { topic: feature, id, ...(version === undefined ? {} : { version }) },
      townships: townships(services, id),
    };
  };
}

/** A list as a whole changed (reference data, settings, a roster): nothing names a record. */
const whole =
  <M extends MethodName>(topic: LiveFeature | 'all'): Describe<M> =>
  () => ({ change: { topic }, townships: null });

/** A task (measure, assignment) changed: its owner's drawer shows it. */
const taskOwner: Describe<'tasks.create' | 'tasks.transition'> = (_input, task, services) => {
  const { ownerKind, ownerId } = task;
  const townships =
    ownerKind === 'meeting' ? meetingTownships(services, ownerId) : townshipsOf(services, ownerKind, ownerId);
  return { change: { topic: OWNER_FEATURES[ownerKind], id: ownerId }, townships };
};

const attachment: Describe<'attachments.upload'> = (input, _output, services) => ({
  change: { topic: LEDGER_FEATURES[input.entity], id: input.entityId },
  townships: townshipsOf(services, input.entity, input.entityId),
});

const imported: Describe<'imports.commit' | 'imports.undo'> = (_input, entry) => ({
  change: { topic: entry.kind },
  townships: null,
});

const inLedger =
  (ledger: LedgerKey) =>
  (services: Services, id: string): readonly string[] =>
    townshipsOf(services, ledger, id);
const petition = record('petitions', inLedger('petition'));
const hazard = record('hazards', inLedger('hazard'));
const assessment = record('assessments', inLedger('assessment'));
const dispute = record('disputes', inLedger('dispute'));
const meeting = record('meetings', meetingTownships);

/**
 * A dispute's step; 转出 also made a petition or a hazard (`features/disputes/conversion.ts`), whose
 * ledger's lists and the board must hear of it as of any registration.
 */
const disputeStep: Describe<'disputes.transition'> = (input, output, services) => {
  const step = dispute(input, output, services);
  if (input.action !== 'convert') return step;
  const also = recordsMadeFrom(services.sql, 'dispute', output.id).map(({ ledger, id }) => ({
    change: { topic: LEDGER_FEATURES[ledger], id },
    townships: townshipsOf(services, ledger, id),
  }));
  return { ...step, also };
};

const WRITES: { readonly [M in MethodName]?: Describe<M> } = {
  'petitions.create': record<'petitions.create'>('petitions', inLedger('petition'), (created) => created.petition),
  'petitions.update': petition,
  'petitions.void': petition,
  'petitions.restore': petition,
  'petitions.transition': petition,
  'petitions.addProgress': petition,
  'petitions.extend': petition,
  'petitions.supervise': petition,
  'hazards.create': hazard,
  'hazards.update': hazard,
  'hazards.void': hazard,
  'hazards.restore': hazard,
  'hazards.transition': hazard,
  'hazards.changeLevel': hazard,
  'hazards.addNote': hazard,
  'hazards.link': hazard,
  'hazards.unlink': hazard,
  'assessments.create': assessment,
  'assessments.update': assessment,
  'assessments.void': assessment,
  'assessments.restore': assessment,
  'assessments.transition': assessment,
  'assessments.recordReReview': assessment,
  'assessments.setEmergencyPlan': assessment,
  'disputes.create': dispute,
  'disputes.update': dispute,
  'disputes.void': dispute,
  'disputes.restore': dispute,
  'disputes.transition': disputeStep,
  'disputes.transfer': dispute,
  'meetings.create': meeting,
  'meetings.addDecision': meeting,
  'meetings.assignDecision': meeting,
  'tasks.create': taskOwner,
  'tasks.transition': taskOwner,
  'attachments.upload': attachment,
  'imports.commit': imported,
  'imports.undo': imported,
  'people.create': whole('people'),
  'people.update': whole('people'),
  'people.setEnabled': whole('people'),
  'units.create': whole('units'),
  'units.update': whole('units'),
  'units.setEnabled': whole('units'),
  'users.create': whole('users'),
  'users.update': whole('users'),
  'users.setEnabled': whole('users'),
  'users.resetPassword': whole('users'),
  'settings.update': whole('settings'),
  'settings.updateWork': whole('settings'),
  'settings.updateConclusionMapping': whole('settings'),
  'settings.updateCentreName': whole('settings'),
  'settings.updateDisputeTimeLimits': whole('settings'),
  'settings.updateBackup': whole('settings'),
  'settings.updateBoard': whole('settings'),
  'dicts.addEntry': whole('dicts'),
  'dicts.renameEntry': whole('dicts'),
  'dicts.setEntryEnabled': whole('dicts'),
  'regions.setUpCounty': whole('regions'),
  'regions.create': whole('regions'),
  'regions.rename': whole('regions'),
  'regions.move': whole('regions'),
  'regions.merge': whole('regions'),
  'regions.setEnabled': whole('regions'),
  'board.importBoundary': whole('board'),
  'duty.save': whole('duty'),
  'holidays.set': whole('holidays'),
  'reports.save': whole('reports'),
  'backup.run': whole('backup'),
  // A restore or the demo replaces everything a screen may show.
  'backup.restore': whole('all'),
  'system.loadDemo': whole('all'),
  'notifications.markRead': whole('notifications'),
};

/**
 * Methods whose steps may write or hide notices (ledger/notifications/): the bells hear a second
 * change on `notifications`, in the record's townships.
 */
const NOTIFYING: ReadonlySet<MethodName> = new Set<MethodName>([
  'petitions.transition',
  'petitions.supervise',
  'petitions.void',
  'petitions.restore',
  'hazards.transition',
  'hazards.void',
  'hazards.restore',
  'assessments.transition',
  'assessments.void',
  'assessments.restore',
  'disputes.transition',
  'disputes.void',
  'disputes.restore',
]);

/** Whether a method writes what a screen shows (dispatch holds it while a worker writes, api/dispatch.ts). */
export const changesScreens = (method: MethodName): boolean => method in WRITES;

/** The change a succeeded call made, or null when it changed nothing a screen shows. */
export function changeOf<M extends MethodName>(
  method: M,
  input: ParsedInputOf<M>,
  output: OutputOf<M>,
  services: Services,
): (Published & { also: Published[] }) | null {
  const describe = WRITES[method] as Describe<M> | undefined;
  if (!describe) return null;
  const { change, townships, also = [] } = describe(input, output, services);
  const published = (described: Described): Published => ({
    change: { ...described.change, kind: method },
    townships: described.townships,
  });
  return { ...published({ change, townships }), also: also.map(published) };
}

/**
 * Tells the bus of a succeeded call's change. The write has committed: a failure here is logged,
 * never turned into the call's error.
 */
export function publishChange<M extends MethodName>(
  services: Services,
  method: M,
  input: ParsedInputOf<M>,
  output: OutputOf<M>,
): void {
  try {
    const published = changeOf(method, input, output, services);
    if (!published) return;
    const { also, ...own } = published;
    services.live.publish(own);
    for (const other of also) services.live.publish(other);
    if (NOTIFYING.has(method)) {
      services.live.publish({ change: { topic: 'notifications', kind: method }, townships: published.townships });
    }
  } catch (error) {
    console.error(`[live] ${method} 的变更未能推送`, error);
  }
}
