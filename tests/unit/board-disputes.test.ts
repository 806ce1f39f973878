import { describe, expect, it } from 'vitest';
import { intake, transition } from '../helpers/disputes';
import { EAST, must, petitionBackend, TOWN_UNIT, WEST } from '../helpers/petitions';

/**
 * A hand-built week of disputes, looked at on 2026-11-22 (the board's window: 2026-10-24 to today):
 * - 东镇: 邻里 today, settled and visited; 邻里 11-20, mediation failed; 房屋宅基地 10-24 (the
 *   window's first day), withdrawn; 生产经营 10-23 (before the window), open; 道路交通事故 today, voided;
 * - 西街道: 合同 11-21 (received), 劳动争议 today (routed), 消费 11-01 and 医疗 11-02, all open.
 */
async function disputeWeek() {
  const setup = await petitionBackend();
  const { backend, officer, leader } = setup;
  const create = async (over: Parameters<typeof intake>[0]) =>
    must(backend.call('disputes.create', intake(over), officer));
  const step = (id: string, input: Record<string, unknown>) => transition(backend, officer, id, input as never);
  const mediate = async (id: string) => {
    await step(id, { action: 'route', handlingKind: 'people_mediation', unitId: TOWN_UNIT });
    await step(id, { action: 'startMediation', coordination: 'single', mediator: '刘调解员' });
  };
  const west = { townshipCode: WEST, villageCode: null };

  const settled = await create({ receivedOn: '2026-11-22' });
  await mediate(settled.id);
  await step(settled.id, { action: 'settle', agreement: '双方同意按原界址修缮', judicialConfirmation: 'no' });
  await step(settled.id, { action: 'visit', satisfaction: 'satisfied', visitNote: '双方履行协议' });
  const failed = await create({ receivedOn: '2026-11-20' });
  await mediate(failed.id);
  await step(failed.id, { action: 'fail', legalPath: 'litigation', reason: '分歧过大' });
  const withdrawn = await create({ category: 'housing_land', receivedOn: '2026-10-24' });
  await step(withdrawn.id, { action: 'withdraw', reason: '当事人自行和解' });
  await create({ category: 'business', receivedOn: '2026-10-23' });
  const voided = await create({ category: 'traffic', receivedOn: '2026-11-22' });
  await must(backend.call('disputes.void', { id: voided.id, version: voided.version, reason: '重复录入' }, leader));

  await create({ ...west, category: 'contract', receivedOn: '2026-11-21' });
  const routed = await create({ ...west, category: 'labour', receivedOn: '2026-11-22' });
  await step(routed.id, { action: 'route', handlingKind: 'unit', unitId: TOWN_UNIT });
  await create({ ...west, category: 'consumer', receivedOn: '2026-11-01' });
  await create({ ...west, category: 'medical', receivedOn: '2026-11-02' });
  return setup;
}

describe('board.snapshot: disputes', { timeout: 30_000 }, () => {
  it('counts today’s intake, the window’s 化解率, top categories and each township’s disputes', async () => {
    const { backend, leader } = await disputeWeek();
    const board = await must(backend.call('board.snapshot', {}, leader));
    expect(board.disputes).toEqual({
      from: '2026-10-24',
      today: 2,
      received: 7,
      // 化解率: the one settled (visited since) of the seven taken in over the window.
      resolution: { numerator: 1, denominator: 7, rate: 1 / 7 },
      open: 5,
      // Top five: 邻里 twice, then the ones taken in once by code; 医疗 is the sixth.
      categories: [
        { code: 'neighbour', label: '邻里', count: 2 },
        { code: 'consumer', label: '消费', count: 1 },
        { code: 'contract', label: '合同', count: 1 },
        { code: 'housing_land', label: '房屋宅基地', count: 1 },
        { code: 'labour', label: '劳动争议', count: 1 },
      ],
      // 东镇: the settled one of its three (the voided one left out); 西街道: four open, none settled.
      townships: [
        { code: EAST, today: 1, received: 3, resolution: { numerator: 1, denominator: 3, rate: 1 / 3 }, open: 1 },
        { code: WEST, today: 1, received: 4, resolution: { numerator: 0, denominator: 4, rate: 0 }, open: 4 },
      ],
    });
  });

  it('holds no party, number or summary of a dispute', async () => {
    const { backend, officer } = await disputeWeek();
    const text = JSON.stringify(await must(backend.call('board.snapshot', {}, officer)));
    for (const word of [
      '王建国',
      '王*国',
      '410102198001191234',
      '13812345678',
      '东一村经济合作社',
      '相邻宅基地滴水檐纠纷',
      '刘调解员',
      'JF2026',
    ])
      expect(text).not.toContain(word);
  });

  it('is all zeros, every township listed, on a county with no disputes', async () => {
    const { backend, officer } = await petitionBackend();
    const board = await must(backend.call('board.snapshot', {}, officer));
    expect(board.disputes).toEqual({
      from: '2026-10-24',
      today: 0,
      received: 0,
      resolution: { numerator: 0, denominator: 0, rate: null },
      open: 0,
      categories: [],
      townships: [
        { code: EAST, today: 0, received: 0, resolution: { numerator: 0, denominator: 0, rate: null }, open: 0 },
        { code: WEST, today: 0, received: 0, resolution: { numerator: 0, denominator: 0, rate: null }, open: 0 },
      ],
    });
  });
});
