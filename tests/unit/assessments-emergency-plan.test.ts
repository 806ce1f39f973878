import { describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/files';
import { signInAs } from '../helpers/backend';
import { assessmentBackend, assessmentInput, must, WEST } from '../helpers/assessments';

type Setup = Awaited<ReturnType<typeof assessmentBackend>>;

async function withAssessment() {
  const setup = await assessmentBackend();
  const assessment = await must(setup.backend.call('assessments.create', assessmentInput(), setup.officer));
  return { ...setup, assessment };
}

const uploadPlan = (setup: Setup, entityId: string, client = setup.officer) =>
  setup.backend.call(
    'attachments.upload',
    {
      entity: 'assessment',
      entityId,
      purpose: 'emergency_plan',
      fileName: '老街改造应急预案.pdf',
      base64: samplePdf().toString('base64'),
    },
    client,
  );

const PLAN = { summary: '成立处置专班，分片包干，值守疏导', drawnUpOn: '2026-11-20' };

describe('a 稳评’s emergency plan as a document', () => {
  it('uploads the plan’s file, records its summary and date, and hands the file back unchanged', async () => {
    const setup = await withAssessment();
    const { backend, officer, assessment } = setup;
    const file = await must(uploadPlan(setup, assessment.id));
    expect(file).toMatchObject({ entity: 'assessment', purpose: 'emergency_plan', fileName: '老街改造应急预案.pdf' });
    const saved = await must(
      backend.call(
        'assessments.setEmergencyPlan',
        { id: assessment.id, version: assessment.version, ...PLAN, attachmentId: file.id },
        officer,
      ),
    );
    expect(saved.emergencyPlan).toEqual({ ...PLAN, file: { id: file.id, fileName: '老街改造应急预案.pdf' } });
    expect(saved.version).toBe(assessment.version + 1);
    expect(saved.events.at(-1)?.note).toBe(
      '应急预案（2026-11-20制定）：成立处置专班，分片包干，值守疏导\n预案文件：老街改造应急预案.pdf',
    );
    const listed = await must(
      backend.call('attachments.list', { entity: 'assessment', entityId: assessment.id }, setup.leader),
    );
    expect(listed.map((a) => a.id)).toEqual([file.id]);
    const read = await must(backend.call('attachments.read', { id: file.id }, setup.leader));
    expect(Buffer.from(read.base64, 'base64').equals(samplePdf())).toBe(true);
  });

  it('refuses a plan dated in the future, without a summary, or citing a file of another record, naming the field', async () => {
    const setup = await withAssessment();
    const { backend, officer, assessment } = setup;
    const plan = (over: object) =>
      backend.call(
        'assessments.setEmergencyPlan',
        { id: assessment.id, version: assessment.version, ...PLAN, ...over },
        officer,
      );
    expect(await plan({ drawnUpOn: '2026-11-23' })).toMatchObject({
      ok: false,
      error: { details: [{ path: 'drawnUpOn', message: '“制定日期”不能晚于今天（2026-11-22）' }] },
    });
    expect(await plan({ summary: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'summary' }] },
    });
    const other = await must(backend.call('assessments.create', assessmentInput({ matter: '新桥建设' }), officer));
    const foreign = await must(uploadPlan(setup, other.id));
    expect(await plan({ attachmentId: foreign.id })).toMatchObject({
      ok: false,
      error: {
        details: [{ path: 'attachmentId', message: '所选预案文件不是本稳评上传的应急预案，请重新上传。' }],
      },
    });
    expect(await must(backend.call('assessments.get', { id: assessment.id }, officer))).toMatchObject({
      version: assessment.version,
      emergencyPlan: null,
    });
  });

  it('lets only the assessment’s readers see its files and its writers add them; another township’s user finds nothing', async () => {
    const setup = await withAssessment();
    const { backend, admin, assessment } = setup;
    const file = await must(uploadPlan(setup, assessment.id));
    const west = (await signInAs(backend, admin, ['duty_officer'], WEST)).client;
    const notFound = { ok: false, error: { code: 'NOT_FOUND' } };
    expect(await uploadPlan(setup, assessment.id, west)).toMatchObject(notFound);
    expect(
      await backend.call('attachments.list', { entity: 'assessment', entityId: assessment.id }, west),
    ).toMatchObject(notFound);
    expect(await backend.call('attachments.read', { id: file.id }, west)).toMatchObject(notFound);
    expect(
      await backend.call(
        'assessments.setEmergencyPlan',
        { id: assessment.id, version: assessment.version, ...PLAN, attachmentId: file.id },
        west,
      ),
    ).toMatchObject(notFound);
    for (const role of ['sysadmin', 'auditor'] as const) {
      const other = (await signInAs(backend, admin, [role])).client;
      expect(await uploadPlan(setup, assessment.id, other)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await backend.call('attachments.read', { id: file.id }, other)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: '您没有查看稳评附件的权限。' },
      });
    }
    // The leader reads the risk ledger but works none of it.
    expect(await uploadPlan(setup, assessment.id, setup.leader)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您没有为稳评上传附件的权限。' },
    });
  });
});
