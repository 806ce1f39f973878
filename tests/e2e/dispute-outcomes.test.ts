import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyDate } from '../../shared/domain/time';
import { samplePdf } from '../helpers/files';
import { createAccount } from './support/accounts';
import { signIn, signOut } from './support/auth';
import { openSession, type Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { choose } from './support/select';
import { settled } from './support/settle';
import { cookieClient, E2E_ADMIN, startWebApp, type WebApp } from './support/serve';

const OFFICER = { username: 'jiufenyuan', displayName: '郑调处', roles: ['duty_officer'], password: 'Duty-2026-Own' };
const AGREEMENT = samplePdf('Mediation agreement of the two households');
const SETTLED = '两户村民宅基地界址争议（端到端测试：调解协议书）';
const CONVERTED = '村民多次反映征地补偿款未足额发放（端到端测试：转为信访事项）';

// One web app and one page: the officer settles one dispute with its agreement file and turns
// another into a petition; the administrator sets the time limits.
describe('a dispute’s outcomes and its time limits', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    app = await startWebApp({ demo: 'small' });
    await createAccount(app.url, app.api, OFFICER);
    session = await openSession({ width: 1600, height: 1000 });
    // Both disputes taken in and being mediated, through the contract as a workstation would.
    const api = cookieClient(app.url);
    await api('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const townships = await api<{ items: Array<{ code: string }> }>('regions.list', { level: 'township' });
    const units = await api<{ items: Array<{ id: string }> }>('units.list', {});
    for (const summary of [SETTLED, CONVERTED]) {
      const created = await api<{ id: string }>('disputes.create', {
        channel: 'visit',
        category: summary === SETTLED ? 'housing_land' : 'land_requisition',
        summary,
        receivedOn: countyDate(new Date()),
        townshipCode: townships.data!.items[0]!.code,
        riskColour: 'orange',
        parties: [{ kind: 'person', side: 'applicant', name: '孙立平', idNumber: '410102198001191234' }],
      });
      expect(created.ok, JSON.stringify(created.error)).toBe(true);
      const id = created.data!.id;
      const steps = [
        { action: 'route', handlingKind: 'people_mediation', unitId: units.data!.items[0]!.id },
        { action: 'startMediation', coordination: 'single', mediator: '刘调解员' },
      ];
      for (const step of steps) {
        const done = await api('disputes.transition', { id, ...step });
        expect(done.ok, JSON.stringify(done.error)).toBe(true);
      }
    }
  });

  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  async function openDispute(summary: string): Promise<void> {
    const { page } = session;
    await page.goto(`${app.url}#/disputes`);
    await page.getByTestId('disputes-table').getByText(summary).click();
    await page.getByTestId('dispute-drawer').getByText(summary).first().waitFor();
  }

  it('settles with the 调解协议书 uploaded in the step, lists it and downloads it byte for byte', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await openDispute(SETTLED);
    const drawer = page.getByTestId('dispute-drawer');
    await drawer.getByTestId('dispute-action-settle').click();
    const dialog = page.getByTestId('dispute-step-dialog');
    await dialog.waitFor();
    // Without the file the step is refused on its field.
    await page.getByTestId('dispute-step-submit').click();
    await dialog.getByText('请填写“调解协议书”').waitFor();
    await dialog.getByTestId('attachment-upload-input').setInputFiles({
      name: '宅基地界址调解协议书.pdf',
      mimeType: 'application/pdf',
      buffer: AGREEMENT,
    });
    await dialog.getByTestId('dispute-agreement-file').getByText('宅基地界址调解协议书.pdf').waitFor();
    await page.getByTestId('dispute-agreement').fill('按 1998 年界址图重新立界，费用各半');
    await page.getByTestId('dispute-judicial').getByText('已申请').click();
    await page.getByTestId('dispute-step-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    await drawer.getByTestId('dispute-status').getByText('调解成功').waitFor();
    const fields = drawer.getByTestId('dispute-fields');
    await fields.getByText('宅基地界址调解协议书.pdf').waitFor();
    expect(await fields.innerText()).toContain('已申请司法确认');
    await drawer.getByTestId('attachment-table').getByText('宅基地界址调解协议书.pdf').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      fields.getByRole('button', { name: '下载' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('宅基地界址调解协议书.pdf');
    expect(readFileSync((await download.path())!).equals(AGREEMENT)).toBe(true);
    await settled(page);
    await session.screenshots('dispute-agreement', drawer);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('turns a dispute into a petition in one step, linked both ways', async () => {
    const { page } = session;
    await openDispute(CONVERTED);
    const drawer = page.getByTestId('dispute-drawer');
    await drawer.getByTestId('dispute-action-convert').click();
    const dialog = page.getByTestId('dispute-step-dialog');
    await dialog.waitFor();
    await page.getByTestId('dispute-converted-to').getByText('信访事项').click();
    await dialog.getByTestId('dispute-conversion-hint').waitFor();
    await page.getByTestId('dispute-conversion-item-type').getByText('申诉求决').click();
    await choose(page, 'dispute-conversion-category');
    await page.getByTestId('dispute-reason').fill('当事人要求按信访程序办理');
    await settled(page);
    await session.screenshots('dispute-transfer-out-dialog', dialog);
    await page.getByTestId('dispute-step-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    await drawer.getByTestId('dispute-status').getByText('已转出').waitFor();
    const links = drawer.getByTestId('dispute-links');
    await links.getByText('已转为信访事项').waitFor();
    const caseNo = (await links.getByRole('button').innerText()).trim();
    expect(caseNo).toMatch(/^XF\d{4}-\d{6}$/);
    await settled(page);
    await session.screenshots('dispute-transfer-out', drawer);

    await links.getByRole('button', { name: caseNo }).click();
    const petition = page.getByTestId('petition-drawer');
    await petition.getByText(CONVERTED).first().waitFor();
    const back = petition.getByTestId('petition-links');
    await back.getByText('由矛盾纠纷').waitFor();
    expect(await back.innerText()).toMatch(/由矛盾纠纷\s*JF\d{4}-\d{6}\s*转入/);
    expect(await petition.innerText()).toContain('孙*平');
    expect(await petition.innerText()).not.toContain('410102198001191234');
    await settled(page);
    await session.screenshots('dispute-transfer-out-petition', petition);
    expect(session.pageErrors).toEqual([]);
    expect(session.offMachineRequests).toEqual([]);
  });

  it('lets the administrator set each handling kind’s time limit beside its default', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await signOut(page);
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    await page.goto(`${app.url}#/admin/settings`);
    const card = page.getByTestId('dispute-limits-page');
    const lawyer = page.getByTestId('dispute-limits-lawyer').locator('input');
    await card.getByText('人民调解委员会').waitFor();
    expect(await card.innerText()).toContain('默认 30日');
    expect(await card.innerText()).toContain('默认 15日');
    await lawyer.fill('');
    await page.getByTestId('dispute-limits-submit').click();
    await card.getByText('请填写“律师调解”的调处时限').waitFor();
    await lawyer.fill('45');
    await card.getByText('人民调解委员会').click(); // the number is taken on leaving it
    await settled(page);
    await session.screenshots('settings-dispute-limits', card);
    await page.getByTestId('dispute-limits-submit').click();
    await page.locator('.el-message-box').getByRole('button', { name: '保存' }).click();
    await page.getByText('调处时限已保存').waitFor();
    const work = await app.api<{ disputeTimeLimits: Record<string, number> }>('settings.getWork', {});
    expect(work.data!.disputeTimeLimits).toMatchObject({ lawyer: 45, people_mediation: 30, unit: 15 });
    expect(session.pageErrors).toEqual([]);
  });
});
