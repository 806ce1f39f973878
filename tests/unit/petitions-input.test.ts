import { describe, expect, it } from 'vitest';
import { must, PETITIONER, petitionBackend, registration } from '../helpers/petitions';

/** Registration and correction refuse what cannot be true, naming the field (today is 2026-11-22). */
describe('a case registered or corrected with an ID number or dates that cannot be', () => {
  it('refuses a wrong check digit, naming the petitioner, and writes nothing', async () => {
    const { backend, officer } = await petitionBackend();
    const result = await backend.call(
      'petitions.create',
      registration({ petitioners: [PETITIONER, { name: '李四', idNumber: '110105194912310010' }] }),
      officer,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: [{ path: 'petitioners.1.idNumber', message: '第 2 位信访人的身份证号校验位不正确，请核对' }],
      },
    });
    const { n } = backend.services.sql.db.prepare('SELECT count(*) AS n FROM petitions').get() as { n: number };
    expect(n).toBe(0);
  });

  it('stores a legacy 15-digit number upgraded to 18 digits, so the same person is found again', async () => {
    const { backend, officer } = await petitionBackend();
    const legacy = { name: '赵六', idNumber: '110105491231002' };
    const first = await must(backend.call('petitions.create', registration({ petitioners: [legacy] }), officer));
    const stored = backend.services.sql.db
      .prepare('SELECT zz_open(id_number) AS id_number FROM petitioners WHERE petition_id = ?')
      .get(first.petition.id);
    expect(stored).toEqual({ id_number: '11010519491231002X' });
    const again = await must(
      backend.call(
        'petitions.create',
        registration({ petitioners: [{ name: '赵六', idNumber: '11010519491231002X' }] }),
        officer,
      ),
    );
    expect(again).toMatchObject({ linked: true, petition: { id: first.petition.id, petitionCount: 2 } });
  });

  it('refuses a receipt in the future and a first petition after the receipt, naming each field', async () => {
    const { backend, officer } = await petitionBackend();
    expect(await backend.call('petitions.create', registration({ receivedDate: '2026-11-23' }), officer)).toMatchObject(
      {
        ok: false,
        error: { details: [{ path: 'receivedDate', message: '“登记日期”不能晚于今天（2026-11-22）' }] },
      },
    );
    expect(
      await backend.call(
        'petitions.create',
        registration({ firstPetitionDate: '2026-11-21', receivedDate: '2026-11-20' }),
        officer,
      ),
    ).toMatchObject({
      ok: false,
      error: { details: [{ path: 'receivedDate', message: '“登记日期”不能早于首次信访日期（2026-11-21）' }] },
    });
  });

  it('checks a correction of the dates the same way, and leaves the case as it was', async () => {
    const { backend, officer } = await petitionBackend();
    const { petition } = await must(backend.call('petitions.create', registration(), officer));
    const { id, version, townshipCode, summary, receivedDate, highestLevel } = petition;
    const corrected = await backend.call(
      'petitions.update',
      { id, version, townshipCode, summary, receivedDate, highestLevel, firstPetitionDate: '2026-12-01' },
      officer,
    );
    expect(corrected).toMatchObject({
      ok: false,
      error: {
        details: expect.arrayContaining([
          { path: 'firstPetitionDate', message: '“首次信访日期”不能晚于今天（2026-11-22）' },
        ]),
      },
    });
    expect(await must(backend.call('petitions.get', { id }, officer))).toMatchObject({
      version,
      firstPetitionDate: '2026-10-01',
    });
  });
});
