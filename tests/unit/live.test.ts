import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import type { LiveChange } from '../../shared/contract/live';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import { visibleTo } from '../../electron/backend/live/bus';
import { follow } from '../../electron/backend/live/viewer';
import { signInAs } from '../helpers/backend';
import { intake, transition } from '../helpers/disputes';
import { hazardDraft } from '../helpers/hazards';
import { EAST, must, petitionBackend, registration, TOWN_UNIT, WEST } from '../helpers/petitions';

/** What one signed-in client hears on the feed, as its transport would follow it. */
function listen(backend: Backend, client: CallContext): LiveChange[] {
  const heard: LiveChange[] = [];
  follow(backend.services, { token: () => client.jar.get(), send: (change) => heard.push(change) });
  return heard;
}

// Each test builds a county with signed-in accounts: seconds on a busy 2-core machine.
describe('the change feed', { timeout: 20_000 }, () => {
  let backend: Backend | undefined;
  afterEach(() => backend?.close());

  it('tells a committed write to every viewer whose region holds the record, and no one else', async () => {
    const setup = await petitionBackend();
    backend = setup.backend;
    const east = await signInAs(backend, setup.admin, ['duty_officer'], EAST);
    const west = await signInAs(backend, setup.admin, ['duty_officer'], WEST);
    const county = listen(backend, setup.leader);
    const eastHeard = listen(backend, east.client);
    const westHeard = listen(backend, west.client);

    const { petition: created } = await must(
      backend.call('petitions.create', registration({ townshipCode: EAST }), setup.officer),
    );
    const expected = { topic: 'petitions', id: created.id, version: created.version, kind: 'petitions.create' };
    expect(county).toEqual([expected]);
    expect(eastHeard).toEqual([expected]);
    expect(westHeard).toEqual([]);

    // A change that names no record (reference data) reaches every region.
    await must(backend.call('units.create', { code: 'CSJ', name: '测试局', kind: 'county_department' }, setup.admin));
    expect(westHeard.map((change) => change.topic)).toEqual(['units']);
  });

  it('tells nothing of reads, refusals or a stale version', async () => {
    const setup = await petitionBackend();
    backend = setup.backend;
    const { petition: created } = await must(backend.call('petitions.create', registration(), setup.officer));
    const heard = listen(backend, setup.leader);
    await must(backend.call('petitions.get', { id: created.id }, setup.officer));
    await must(backend.call('petitions.list', {}, setup.officer));
    const stale = await backend.call(
      'petitions.void',
      { id: created.id, version: created.version + 5, reason: '重复登记' },
      setup.leader,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(heard).toEqual([]);
  });

  it('names a task by its owner, so the owner’s open drawer reads it again', async () => {
    const setup = await petitionBackend();
    backend = setup.backend;
    const hazard = await must(backend.call('hazards.create', hazardDraft(), setup.officer));
    const heard = listen(backend, setup.leader);
    const task = {
      ownerKind: 'hazard',
      ownerId: hazard.id,
      title: '约谈企业',
      unitId: TOWN_UNIT,
      dueDate: '2026-11-24',
    };
    await must(backend.call('tasks.create', task as InputOf<'tasks.create'>, setup.officer));
    expect(heard).toEqual([{ topic: 'hazards', id: hazard.id, kind: 'tasks.create' }]);
  });

  it('tells of a dispute’s 转为信访事项 / 转为风险隐患 on the target ledger too, in its townships', async () => {
    const setup = await petitionBackend();
    backend = setup.backend;
    const west = await signInAs(backend, setup.admin, ['duty_officer'], WEST);
    const heard = listen(backend, setup.leader);
    const westHeard = listen(backend, west.client);
    // The bells' second change (`notifications`) aside.
    const ledgers = () => heard.filter((change) => change.topic !== 'notifications');
    for (const target of ['petition', 'hazard'] as const) {
      const dispute = await must(backend.call('disputes.create', intake(), setup.officer));
      await transition(backend, setup.officer, dispute.id, {
        action: 'convert',
        convertedTo: target,
        reason: '转入相应台账办理',
        conversion: {
          category: target === 'hazard' ? 'wage_arrears' : null,
          itemType: null,
          title: '欠薪风险',
          level: null,
        },
      });
      const links = await must(backend.call('links.list', { ledger: 'dispute', id: dispute.id }, setup.officer));
      const made = links.find((link) => link.kind === 'converted')!;
      expect(made.ledger).toBe(target);
      expect(ledgers().slice(-2)).toEqual([
        { topic: 'disputes', id: dispute.id, version: 2, kind: 'disputes.transition' },
        { topic: target === 'petition' ? 'petitions' : 'hazards', id: made.id, kind: 'disputes.transition' },
      ]);
    }
    // Another step of a dispute tells of the dispute alone; the east's records reach no west account.
    const plain = await must(backend.call('disputes.create', intake(), setup.officer));
    await transition(backend, setup.officer, plain.id, {
      action: 'guide',
      legalPath: 'litigation',
      reason: '属法院受理范围',
    });
    expect(ledgers().at(-1)).toEqual({ topic: 'disputes', id: plain.id, version: 2, kind: 'disputes.transition' });
    expect(ledgers().filter((change) => change.kind === 'disputes.transition')).toHaveLength(5);
    expect(westHeard).toEqual([]);
  });

  it('keeps a locked session and a signed-out one from hearing anything', async () => {
    const setup = await petitionBackend();
    backend = setup.backend;
    const heard = listen(backend, setup.leader);
    await must(backend.call('auth.logout', {}, setup.leader));
    await must(backend.call('petitions.create', registration(), setup.officer));
    expect(heard).toEqual([]);
  });
});

describe('visibleTo', () => {
  const change: LiveChange = { topic: 'petitions', id: 'x', kind: 'petitions.update' };
  it('lets a county-wide account see everything and a township account only its own', () => {
    expect(visibleTo({ regionCode: null }, { change, townships: ['999901002000'] })).toBe(true);
    expect(visibleTo({ regionCode: EAST }, { change, townships: [EAST] })).toBe(true);
    expect(visibleTo({ regionCode: EAST }, { change, townships: [WEST] })).toBe(false);
    // A record without a township (county-wide) is out of a township account's scope, as its reads say.
    expect(visibleTo({ regionCode: EAST }, { change, townships: [] })).toBe(false);
    // A change that names no record.
    expect(visibleTo({ regionCode: EAST }, { change: { topic: 'units', kind: 'units.create' }, townships: null })).toBe(
      true,
    );
  });
});
