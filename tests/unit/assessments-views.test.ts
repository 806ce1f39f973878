import { describe, expect, it } from 'vitest';
import { assessmentBackend, assessmentInput, must } from '../helpers/assessments';

describe('assessments: the views gathered', () => {
  it('keeps supporters, opponents and neutrals per method and names them on the timeline of a correction', async () => {
    const setup = await assessmentBackend();
    const { backend, officer } = setup;
    const created = await must(
      backend.call(
        'assessments.create',
        assessmentInput({
          consultations: [
            { method: 'questionnaire', count: 300, participants: 300, supporters: 260, opponents: 15, neutrals: 25 },
            { method: 'forum', count: 2, participants: 40 },
          ],
        }),
        officer,
      ),
    );
    expect(created.consultations).toEqual([
      { method: 'questionnaire', count: 300, participants: 300, supporters: 260, opponents: 15, neutrals: 25 },
      { method: 'forum', count: 2, participants: 40, supporters: null, opponents: null, neutrals: null },
    ]);
    const { id, version } = created;
    const corrected = await must(
      backend.call(
        'assessments.update',
        {
          ...assessmentInput(),
          id,
          version,
          consultations: [
            created.consultations[0]!,
            { method: 'hearing', count: 1, participants: 20, supporters: 12, opponents: 5, neutrals: 3 },
          ],
        },
        officer,
      ),
    );
    expect(corrected.consultations[1]).toMatchObject({ method: 'hearing', supporters: 12, opponents: 5, neutrals: 3 });
    const fields = JSON.parse(
      backend.services.sql.db
        .prepare('SELECT fields FROM ledger_changes WHERE record_id = ?')
        .pluck()
        .get(id) as string,
    ) as Array<{ field: string; to: string }>;
    expect(fields.find((f) => f.field === 'consultations')?.to).toBe(
      '问卷调查 300 次（300 人），支持 260、反对 15、中立 25；听证会 1 次（20 人），支持 12、反对 5、中立 3',
    );
  });

  it('refuses more views than people who took part, naming the field', async () => {
    const { backend, officer } = await assessmentBackend();
    const refused = await backend.call(
      'assessments.create',
      assessmentInput({
        consultations: [{ method: 'forum', count: 1, participants: 10, supporters: 8, opponents: 3, neutrals: 0 }],
      }),
      officer,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'consultations.0.supporters' }] },
    });
  });
});
