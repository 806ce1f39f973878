import { describe, expect, it } from 'vitest';
import { ledgers } from '../../electron/backend/api/ledgers';
import { assessmentInput } from '../helpers/assessments';
import { hazardDraft, seedBoundary } from '../helpers/hazards';
import { must, petitionBackend, registration } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

/** The ids a list method finds for a keyword, as the officer searches. */
async function found(setup: Setup, method: 'petitions.list' | 'hazards.list' | 'assessments.list', keyword: string) {
  const page = await must(setup.backend.call(method, { keyword }, setup.officer));
  return page.items.map((row) => row.id);
}

/** Each keyword index as a plain table, rows in rowid order. */
const indexRows = (setup: Setup) =>
  ['petitions_search', 'hazards_search', 'assessments_search'].map((table) =>
    setup.backend.services.sql.db.prepare(`SELECT rowid, * FROM ${table} ORDER BY rowid`).all(),
  );

describe('the kernel’s keyword index, kept by registration and corrections', () => {
  it('finds a petition by its corrected summary and no longer by the words taken out', async () => {
    const setup = await petitionBackend();
    const { petition } = await must(
      setup.backend.call(
        'petitions.create',
        registration({ summary: '反映小区物业乱收费', separateCase: true }),
        setup.officer,
      ),
    );
    expect(await found(setup, 'petitions.list', '物业')).toEqual([petition.id]);
    expect(await found(setup, 'petitions.list', '王建国')).toEqual([petition.id]);

    await must(
      setup.backend.call(
        'petitions.update',
        {
          id: petition.id,
          version: petition.version,
          townshipCode: petition.townshipCode,
          summary: '反映征地补偿款未到位',
          firstPetitionDate: petition.firstPetitionDate,
          receivedDate: petition.receivedDate,
        },
        setup.officer,
      ),
    );
    expect(await found(setup, 'petitions.list', '补偿款')).toEqual([petition.id]);
    expect(await found(setup, 'petitions.list', '物业')).toEqual([]);
    // The petitioners' names stay indexed beside the corrected summary.
    expect(await found(setup, 'petitions.list', '王建国')).toEqual([petition.id]);
  });

  it('finds a hazard by the people a correction names and no longer by those it removed', async () => {
    const setup = await petitionBackend();
    seedBoundary(setup.backend);
    const hazard = await must(setup.backend.call('hazards.create', hazardDraft(), setup.officer));
    expect(await found(setup, 'hazards.list', '赵大勇')).toEqual([hazard.id]);

    const { level: _level, ...descriptive } = hazardDraft();
    await must(
      setup.backend.call(
        'hazards.update',
        { id: hazard.id, version: hazard.version, ...descriptive, people: [{ name: '钱小红', phone: null }] },
        setup.officer,
      ),
    );
    expect(await found(setup, 'hazards.list', '钱小红')).toEqual([hazard.id]);
    expect(await found(setup, 'hazards.list', '赵大勇')).toEqual([]);
    // Two names are two values: a keyword never spans the end of one and the start of the next.
    await must(
      setup.backend.call(
        'hazards.update',
        {
          id: hazard.id,
          version: hazard.version + 1,
          ...descriptive,
          people: [
            { name: '钱小红', phone: null },
            { name: '孙立', phone: null },
          ],
        },
        setup.officer,
      ),
    );
    expect(await found(setup, 'hazards.list', '孙立')).toEqual([hazard.id]);
    expect(await found(setup, 'hazards.list', '红孙')).toEqual([]);
  });

  it('finds an assessment by its corrected matter and no longer by the old one', async () => {
    const setup = await petitionBackend();
    const created = await must(setup.backend.call('assessments.create', assessmentInput(), setup.officer));
    expect(await found(setup, 'assessments.list', '棚户区')).toEqual([created.id]);
    await must(
      setup.backend.call(
        'assessments.update',
        { id: created.id, version: created.version, ...assessmentInput({ matter: '西街道垃圾焚烧厂选址' }) },
        setup.officer,
      ),
    );
    expect(await found(setup, 'assessments.list', '焚烧厂')).toEqual([created.id]);
    expect(await found(setup, 'assessments.list', '棚户区')).toEqual([]);
  });

  it('builds in bulk the same index the write paths keep one record at a time', async () => {
    const setup = await petitionBackend();
    seedBoundary(setup.backend);
    await must(setup.backend.call('petitions.create', registration({ separateCase: true }), setup.officer));
    await must(
      setup.backend.call(
        'petitions.create',
        registration({
          separateCase: true,
          summary: '反映噪音扰民',
          petitioners: [
            { name: '李四', idNumber: null, phone: null, address: null },
            { name: '张三', idNumber: null, phone: null, address: null },
          ],
        }),
        setup.officer,
      ),
    );
    await must(setup.backend.call('hazards.create', hazardDraft(), setup.officer));
    await must(setup.backend.call('assessments.create', assessmentInput(), setup.officer));
    const kept = indexRows(setup);
    expect(kept.map((rows) => rows.length)).toEqual([2, 1, 1]);

    for (const index of ledgers.searchIndexes) index.rebuild(setup.backend.services.sql.db);
    expect(indexRows(setup)).toEqual(kept);
  });
});
