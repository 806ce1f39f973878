import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyDate } from '../../shared/domain/time';
import { samplePdf } from '../helpers/files';
import { signIn } from './support/auth';
import type { Session } from './support/browser';
import { settled } from './support/settle';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const OFFICER = { username: 'yuanpingyuan', displayName: '袁稳评', roles: ['duty_officer'], password: 'Duty-2026-Own' };
const MATTER = '西关农贸市场改造（端到端测试：应急预案）';
const PLAN = samplePdf('Emergency plan of the market works');

describe('an assessment’s emergency plan as a document', () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER], viewport: WIDE_VIEWPORT }));
  });

  afterAll(() => stopApp(app, session));

  it('uploads the plan with its summary and date in the drawer, shows it and downloads it byte for byte', async () => {
    const { page } = session;
    const api = cookieClient(app.url);
    await api('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const units = await api<{ items: Array<{ id: string }> }>('units.list', {});
    const townships = await api<{ items: Array<{ code: string }> }>('regions.list', { level: 'township' });
    const created = await api<{ id: string }>('assessments.create', {
      matter: MATTER,
      matterType: 'project',
      proposingUnitId: units.data!.items[0]!.id,
      townshipCodes: [townships.data!.items[0]!.code],
      peopleAffected: 140,
      registeredOn: countyDate(new Date()),
    });
    expect(created.ok, JSON.stringify(created.error)).toBe(true);

    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/risks/assessments`);
    await page.getByTestId('assessments-table').getByText(MATTER).click();
    const drawer = page.getByTestId('assessment-drawer');
    const plan = drawer.getByTestId('assessment-emergency-plan');
    await plan.getByText('未制定').waitFor();

    await plan.getByTestId('assessment-plan-open').click();
    const dialog = page.getByTestId('assessment-plan-dialog');
    await dialog.getByTestId('attachment-upload-input').setInputFiles({
      name: '农贸市场改造应急预案.pdf',
      mimeType: 'application/pdf',
      buffer: PLAN,
    });
    await dialog.getByTestId('assessment-plan-file').getByText('农贸市场改造应急预案.pdf').waitFor();
    await dialog.getByTestId('assessment-plan-summary').fill('成立施工期处置专班，分区值守，摊位过渡安置');
    await page.getByTestId('assessment-plan-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    expect(await plan.getByTestId('assessment-plan-summary-shown').innerText()).toBe(
      '成立施工期处置专班，分区值守，摊位过渡安置',
    );
    expect(await plan.innerText()).toContain(countyDate(new Date()));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      plan.getByTestId('assessment-plan-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('农贸市场改造应急预案.pdf');
    expect(readFileSync((await download.path())!).equals(PLAN)).toBe(true);
    await settled(page);
    await session.screenshots('assessment-emergency-plan', plan);
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
