import type { DemoScale } from '../../../shared/contract/system';
import {
  DEFAULT_DISPUTE_TIME_LIMITS,
  type HandlingKind,
  type LegalPath,
} from '../../../shared/domain/disputes/handling';
import type { PartyKind, PartySide } from '../../../shared/domain/disputes/intake';
import {
  DISPUTE_LEVEL_LABELS,
  DISPUTE_LEVELS,
  TRANSFER_DIRECTION_LABELS,
  transferDirection,
  type DisputeLevel,
} from '../../../shared/domain/disputes/levels';
import type { DisputeResult, DisputeStatus, Satisfaction } from '../../../shared/domain/disputes/statuses';
import { toDayNumber } from '../../../shared/domain/ledger/calendar';
import type { Db } from '../db/connection';
import { cipherOf } from '../db/personal-cipher';
import { BatchWriter, deferIndexes, type SqlValue } from './batch-writer';
import { demoDays } from './days';
import {
  AGREEMENTS,
  AMOUNTS,
  CATEGORIES,
  CATEGORY_UNITS,
  CHANNELS,
  COLOURS,
  CONVERT_REASONS,
  ESCALATE_REASONS,
  FAIL_REASONS,
  GROUP_CATEGORIES,
  GUIDE_REASONS,
  HANDLING,
  INTAKE_LEVELS,
  LEGAL_PATHS,
  ORGANISATION_CATEGORIES,
  ORGANISATION_NAMES,
  RESULTS,
  SATISFACTION_OTHER,
  SATISFACTION_SETTLED,
  SUMMARIES,
  SURNAMES,
  URGENCIES,
  VISIT_NOTES,
  VOLATILE_CATEGORIES,
  WITHDRAW_REASONS,
} from './dispute-mix';
import { fakeIdNumber, fakePhone } from './identity';
import { anyPersonName } from './names';
import { yearlyNumbers } from './numbers';
import { streamOf, weightedPicker } from './random';
import type { DemoRegion, DemoTownship } from './regions';
import { countyUnitName, type DemoUnit } from './units';
import { seededUuidV7 } from './uuid';

/**
 * The made-up disputes (矛盾纠纷): a year of intake at the small scale, three at the large (36,000 a
 * year), each at the stage its dates allow on the reference day: routed to a mediation body or a
 * unit, mediated (some jointly), concluded (about 95% settled), visited and closed out; some moved
 * up a level (上交) or down, some late today; only those of the last weeks may wait at an early stage
 * (`DEMO_DISPUTE_STALL_DAYS`). Parties are sealed as the feature seals them, with the
 * ID number's blind index; some applicants come back with a new dispute, linked as the same party.
 */
export const DEMO_DISPUTE_COUNTS: Record<DemoScale, number> = { small: 3_000, large: 108_000 };
const HISTORY_DAYS: Record<DemoScale, number> = { small: 365, large: 1_095 };
/** Ids look as if made from 2024-01-01 on. */
const ID_BASE_TIME = Date.UTC(2024, 0, 1);
/** Disputes between flushes: their rows are buffered, then written parents first. */
const FLUSH_EVERY = 1_000;
/** Applicants kept for a later dispute of the same person. */
const RETURNING_KEPT = 400;
/** Only disputes taken in within these days may still wait at an early stage; older ones moved on. */
export const DEMO_DISPUTE_STALL_DAYS = 28;

export interface DemoDisputeInput {
  scale: DemoScale;
  seed: number;
  townships: readonly DemoTownship[];
  villages: readonly DemoRegion[];
  grids: readonly DemoRegion[];
  units: readonly DemoUnit[];
  userId: string;
  /** The county's date the demo is laid out around. */
  today: string;
}

export type DemoDisputeCounts = Record<'disputes' | 'parties' | 'events' | 'transfers' | 'units' | 'links', number>;

interface Returning {
  name: string;
  idNumber: string;
  phone: string | null;
  disputeIds: string[];
}

const ORDER: Record<'received' | 'routed' | 'mediating' | 'result' | 'visited' | 'closed', number> = {
  received: 0,
  routed: 1,
  mediating: 2,
  result: 3,
  visited: 4,
  closed: 5,
};
type Stage = keyof typeof ORDER;

/**
 * Writes the disputes through BatchWriters inside the caller's transaction; the keyword index is
 * built afterwards with the others'. The parties', events' and transfers' indexes are built once
 * the rows are in (a sort beats a hundred thousand random inserts), from their own definitions.
 */
export function writeDemoDisputes(db: Db, input: DemoDisputeInput): DemoDisputeCounts {
  const cipher = cipherOf(db);
  const random = streamOf(input.seed, 'disputes');
  const newId = seededUuidV7(streamOf(input.seed, 'dispute-ids'), ID_BASE_TIME);
  const { day, at } = demoDays(random);
  const total = DEMO_DISPUTE_COUNTS[input.scale];
  const refDay = toDayNumber(input.today);

  const pickTownship = weightedPicker<DemoTownship>(
    input.townships.map((t) => [
      t,
      (t.type === 'subdistrict' ? 1.5 : t.type === 'town' ? 1.1 : 0.8) * (0.6 + random.next() * 0.8),
    ]),
  );
  const pickChannel = weightedPicker(CHANNELS);
  const pickCategory = weightedPicker(CATEGORIES);
  const pickHandling = weightedPicker(HANDLING);
  const pickUrgency = weightedPicker(URGENCIES);
  const pickColour = weightedPicker(COLOURS);
  const pickIntakeLevel = weightedPicker(INTAKE_LEVELS);
  const pickResult = weightedPicker(RESULTS);
  const pickLegalPath = weightedPicker(LEGAL_PATHS);
  const satisfactionOf = { settled: weightedPicker(SATISFACTION_SETTLED), other: weightedPicker(SATISFACTION_OTHER) };
  const childrenOf = (regions: readonly DemoRegion[]) => {
    const map = new Map<string, DemoRegion[]>();
    for (const region of regions) map.set(region.parentCode!, [...(map.get(region.parentCode!) ?? []), region]);
    return map;
  };
  const villagesOf = childrenOf(input.villages);
  const gridsOf = childrenOf(input.grids);
  const governmentOf = new Map(input.units.filter((u) => u.regionCode).map((u) => [u.regionCode!, u]));
  const unitByName = new Map(input.units.map((u) => [u.name, u]));
  const countyUnit = (name: string): DemoUnit => {
    const unit = unitByName.get(countyUnitName(name));
    if (!unit) throw new Error(`演示数据：没有单位“${name}”`);
    return unit;
  };
  const departments = input.units.filter((u) => !u.regionCode);
  /** The body that handles it: the township's (its mediation committee) below the county, else the county's. */
  const handlerOf = (kind: HandlingKind, category: string, level: DisputeLevel, township: DemoTownship): DemoUnit => {
    const local = level === 'village' || level === 'township';
    if (kind === 'judicial') return countyUnit('县人民法院');
    if (kind === 'lawyer') return countyUnit('县司法局');
    if ((kind === 'people_mediation' || kind === 'administrative') && local) {
      return governmentOf.get(township.code) ?? countyUnit('县司法局');
    }
    if (kind === 'people_mediation') return countyUnit('县司法局');
    return countyUnit(random.pick(CATEGORY_UNITS[category]!));
  };

  const manual = { rowsPerTransaction: Number.POSITIVE_INFINITY };
  const writer = (table: string, columns: string[]) => new BatchWriter(db, table, columns, manual);
  const disputes = writer('disputes', [
    'id',
    'dispute_no',
    'channel',
    'category',
    'summary',
    'received_on',
    'township_code',
    'village_code',
    'grid_code',
    'people_involved',
    'amount_involved',
    'urgency',
    'risk_colour',
    'level',
    'escalated',
    'status',
    'result',
    'handling_kind',
    'unit_id',
    'legal_path',
    'coordination',
    'mediator',
    'agreement',
    'judicial_confirmation',
    'converted_to',
    'prevented_criminal',
    'prevented_criminal_people',
    'prevented_collective',
    'satisfaction',
    'visit_note',
    'routed_on',
    'due_date',
    'result_on',
    'visited_on',
    'closed_on',
    'created_by',
    'created_at',
    'updated_at',
  ]);
  const parties = writer('dispute_parties', [
    'id',
    'dispute_id',
    'kind',
    'side',
    'name',
    'id_number',
    'phone',
    'id_number_bi',
    'phone_bi',
    'sort',
  ]);
  const events = writer('dispute_events', [
    'id',
    'dispute_id',
    'action',
    'from_status',
    'to_status',
    'note',
    'unit_id',
    'by_user',
    'at',
  ]);
  const transfers = writer('dispute_transfers', [
    'id',
    'dispute_id',
    'from_level',
    'to_level',
    'direction',
    'reason',
    'by_user',
    'at',
  ]);
  const coUnits = writer('dispute_units', ['dispute_id', 'unit_id']);
  const links = writer('dispute_links', ['dispute_id', 'related_id', 'reason']);
  // Parents first: the foreign keys are checked row by row.
  const writers = [disputes, parties, events, transfers, coUnits, links];
  const user = input.userId;
  const disputeNo = yearlyNumbers('JF', 6);
  const returning: Returning[] = [];

  const rebuildIndexes = deferIndexes(db, ['dispute_parties', 'dispute_events', 'dispute_transfers', 'dispute_links']);

  const history = HISTORY_DAYS[input.scale];
  const received = Array.from(
    { length: total },
    () => refDay - Math.floor(history * Math.pow(random.next(), 1.05)),
  ).sort((a, b) => a - b);

  for (const [index, receivedDay] of received.entries()) {
    if (index % FLUSH_EVERY === 0) for (const w of writers) w.flush();
    const id = newId();
    const number = disputeNo(day(receivedDay));
    const township = pickTownship(random);
    const villages = villagesOf.get(township.code) ?? [];
    const village = villages.length && random.next() < 0.95 ? random.pick(villages) : null;
    const channel = pickChannel(random);
    const grids = village ? (gridsOf.get(village.code) ?? []) : [];
    const grid = grids.length && (channel === 'grid' || random.next() < 0.5) ? random.pick(grids) : null;
    const category = pickCategory(random);
    const surname = random.pick(SURNAMES);
    const place = village?.name ?? township.name;
    const summary = random.pick(SUMMARIES[category]!).replace('{v}', place).replace('{s}', surname);
    const group = GROUP_CATEGORIES.has(category) && random.next() < 0.4;
    const peopleInvolved = group ? random.int(5, 60) : random.int(2, 4);
    const range = AMOUNTS[category];
    const amount = range && random.next() < 0.8 ? Math.round(random.int(range[0], range[1]) / 100) * 100 : null;

    // The life's days; a stage is reached only if its day is on or before the reference day. A recent
    // dispute may stall at a stage; an older one has moved on (the draw is made either way, so the
    // stream, and every value after it, stays the same).
    const drawn = random.next();
    const stall = refDay - receivedDay <= DEMO_DISPUTE_STALL_DAYS ? drawn : 1;
    const outcome = pickResult(random);
    const guided = outcome === 'guided';
    let level = pickIntakeLevel(random);
    const moves: Array<{ n: number; to: DisputeLevel }> = [];
    const routeDay = receivedDay + random.int(0, 2);
    const r = random.next();
    if (!guided && r < 0.07 && level !== 'city') {
      // 上交 before it is routed; a few go on to the city.
      const to = DISPUTE_LEVELS[DISPUTE_LEVELS.indexOf(level) + 1]!;
      moves.push({ n: random.int(receivedDay, routeDay), to });
      if (to === 'county' && random.next() < 0.08) moves.push({ n: routeDay, to: 'city' });
    } else if (!guided && r < 0.09 && level === 'county') {
      moves.push({ n: random.int(receivedDay, routeDay), to: 'township' });
    }
    const kind = pickHandling(random);
    const limit = DEFAULT_DISPUTE_TIME_LIMITS[kind];
    const startDay = routeDay + random.int(0, 3);
    const late = random.next() < 0.18;
    const resultDay = guided
      ? receivedDay + random.int(0, 2)
      : startDay + (late ? limit + random.int(1, 40) : random.int(2, Math.max(2, limit - 1 - (startDay - routeDay))));
    const visitDay = resultDay + random.int(2, 15);
    const closeDay = visitDay + random.int(1, 10);
    let stage: Stage = 'received';
    if (guided) {
      if (stall >= 0.01 && resultDay <= refDay) stage = 'result';
    } else {
      if (stall >= 0.008 && routeDay <= refDay) stage = 'routed';
      if (stage === 'routed' && startDay <= refDay) stage = 'mediating';
      if (stage === 'mediating' && stall >= 0.02 && resultDay <= refDay) stage = 'result';
    }
    if (stage === 'result' && stall >= 0.04 && visitDay <= refDay) stage = 'visited';
    if (stage === 'visited' && stall >= 0.07 && closeDay <= refDay) stage = 'closed';
    const reached = (s: Stage) => ORDER[stage] >= ORDER[s];

    const createdAt = at(receivedDay);
    let lastStep = createdAt;
    const event = (
      n: number,
      action: string,
      from: DisputeStatus | null,
      to: DisputeStatus,
      note = '',
      unit: string | null = null,
    ) => {
      let when = at(n);
      // Steps on the same day keep their order.
      if (when <= lastStep) when = new Date(Date.parse(lastStep) + 60_000).toISOString();
      lastStep = when;
      events.add([newId(), id, action, from, to, note, unit, user, when]);
      return when;
    };
    event(receivedDay, 'register', null, 'received');

    let escalated = 0;
    for (const move of moves) {
      if (move.n > refDay) continue;
      const direction = transferDirection(level, move.to);
      const reason = random.pick(ESCALATE_REASONS[direction]);
      const note = `${TRANSFER_DIRECTION_LABELS[direction]}至${DISPUTE_LEVEL_LABELS[move.to]}：${reason}`;
      const when = event(move.n, direction === 'up' ? 'escalate' : 'delegate', 'received', 'received', note);
      transfers.add([newId(), id, level, move.to, direction, reason, user, when]);
      if (direction === 'up') escalated = 1;
      level = move.to;
    }

    // A dispute guided elsewhere at intake is never routed nor mediated.
    const routed = !guided && reached('routed');
    let status: DisputeStatus = 'received';
    let unit: DemoUnit | null = null;
    let coordination: string | null = null;
    let mediator: string | null = null;
    if (routed) {
      unit = handlerOf(kind, category, level, township);
      event(routeDay, 'route', 'received', 'routed', '', unit.id);
      status = 'routed';
    }
    if (!guided && reached('mediating')) {
      coordination = random.next() < 0.12 ? 'joint' : 'single';
      mediator = anyPersonName(random);
      event(startDay, 'startMediation', 'routed', 'mediating', mediator);
      status = 'mediating';
      if (coordination === 'joint') {
        const others = random.shuffled(departments.filter((d) => d.id !== unit!.id)).slice(0, random.int(1, 2));
        for (const other of others) coUnits.add([id, other.id]);
      }
    }
    let result: DisputeResult | null = null;
    let legalPath: LegalPath | null = null;
    let agreement: string | null = null;
    let judicial: number | null = null;
    let converted: string | null = null;
    let preventedCriminal = 0;
    let preventedPeople = 0;
    let preventedCollective = 0;
    if (reached('result')) {
      result = outcome;
      const action = {
        settled: 'settle',
        guided: 'guide',
        unsettled: 'fail',
        withdrawn: 'withdraw',
        converted: 'convert',
      }[outcome];
      let note: string;
      if (outcome === 'settled') {
        agreement = random.pick(AGREEMENTS);
        judicial = random.next() < 0.15 ? 1 : 0;
        note = agreement;
        if (VOLATILE_CATEGORIES.has(category) && random.next() < 0.05) {
          preventedCriminal = 1;
          preventedPeople = random.int(1, 3);
        }
        if (peopleInvolved >= 5 && random.next() < 0.25) preventedCollective = 1;
      } else if (outcome === 'guided' || outcome === 'unsettled') {
        legalPath = pickLegalPath(random);
        note = random.pick(outcome === 'guided' ? GUIDE_REASONS : FAIL_REASONS);
      } else if (outcome === 'withdrawn') {
        note = random.pick(WITHDRAW_REASONS);
      } else {
        converted = random.next() < 0.6 ? 'petition' : 'hazard';
        note = random.pick(CONVERT_REASONS);
      }
      event(resultDay, action, status, outcome, note);
      status = outcome;
    }
    let satisfaction: Satisfaction | null = null;
    let visitNote: string | null = null;
    if (reached('visited')) {
      satisfaction = (outcome === 'settled' ? satisfactionOf.settled : satisfactionOf.other)(random);
      visitNote = random.pick(VISIT_NOTES[satisfaction === 'unsatisfied' ? 'unsatisfied' : 'ok']);
      event(visitDay, 'visit', status, 'visited', visitNote);
      status = 'visited';
    }
    if (reached('closed')) {
      event(closeDay, 'closeOut', 'visited', 'closed');
      status = 'closed';
    }

    // Parties: an applicant (now and then one who came before, or two), a respondent person or body.
    const again = returning.length > 20 && random.next() < 0.05 ? random.pick(returning) : null;
    const applicants = again ? 1 : random.next() < 0.1 ? 2 : 1;
    let sort = 0;
    const party = (kind: PartyKind, side: PartySide, name: string, idNumber: string | null, phone: string | null) =>
      parties.add([
        newId(),
        id,
        kind,
        side,
        name,
        cipher.seal(idNumber),
        cipher.seal(phone),
        cipher.blind('id', idNumber),
        cipher.blind('phone', phone),
        sort++,
      ]);
    for (let k = 0; k < applicants; k++) {
      if (again) {
        party('person', 'applicant', again.name, again.idNumber, again.phone);
        for (const related of again.disputeIds) links.add([id, related, 'same_party']);
        again.disputeIds.push(id);
        continue;
      }
      const name = (k === 0 ? surname : random.pick(SURNAMES)) + anyPersonName(random).slice(1);
      const birth = day(toDayNumber('1950-01-01') + random.int(0, 365 * 52));
      const idNumber = random.next() < 0.75 ? fakeIdNumber(random, birth) : null;
      const phone = random.next() < 0.9 ? fakePhone(random) : null;
      party('person', 'applicant', name, idNumber, phone);
      if (idNumber && random.next() < 0.1) {
        returning.push({ name, idNumber, phone, disputeIds: [id] });
        if (returning.length > RETURNING_KEPT) returning.shift();
      }
    }
    if (ORGANISATION_CATEGORIES.has(category) && random.next() < 0.7) {
      party('organisation', 'respondent', random.pick(ORGANISATION_NAMES).replace('{v}', place), null, null);
    } else {
      const birth = day(toDayNumber('1950-01-01') + random.int(0, 365 * 52));
      const idNumber = random.next() < 0.4 ? fakeIdNumber(random, birth) : null;
      party('person', 'respondent', anyPersonName(random), idNumber, random.next() < 0.5 ? fakePhone(random) : null);
    }

    const row: SqlValue[] = [
      id,
      number,
      channel,
      category,
      summary,
      day(receivedDay),
      township.code,
      village?.code ?? null,
      grid?.code ?? null,
      peopleInvolved,
      amount,
      pickUrgency(random),
      pickColour(random),
      level,
      escalated,
      status,
      result,
      routed ? kind : null,
      unit?.id ?? null,
      legalPath,
      coordination,
      mediator,
      agreement,
      judicial,
      converted,
      preventedCriminal,
      preventedPeople,
      preventedCollective,
      satisfaction,
      visitNote,
      routed ? day(routeDay) : null,
      routed ? day(routeDay + limit) : null,
      reached('result') ? day(resultDay) : null,
      reached('visited') ? day(visitDay) : null,
      reached('closed') ? day(closeDay) : null,
      user,
      createdAt,
      lastStep,
    ];
    disputes.add(row);
  }
  const counts = writers.map((w) => w.finish().rows);
  rebuildIndexes();
  const [d, p, e, t, u, l] = counts as [number, number, number, number, number, number];
  return { disputes: d, parties: p, events: e, transfers: t, units: u, links: l };
}
