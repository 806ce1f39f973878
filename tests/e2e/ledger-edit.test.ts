import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from './support/accounts';
import { signIn, signOut } from './support/auth';
import { SCREENSHOT_VIEWPORTS, type Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { settled } from './support/settle';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

const OFFICER = { username: 'zhibanyuan', displayName: '王值班', roles: ['duty_officer'], password: 'Duty-2026-Own' };
const OTHER = { username: 'zhibanyuan2', displayName: '李值班', roles: ['duty_officer'], password: 'Duty-2026-Two' };
const LEADER = { username: 'daibanlingdao', displayName: '刘带班', roles: ['leader'], password: 'Lead-2026-Own' };
const STALE = '该记录已被他人修改，请刷新后重试。';

interface Detail {
  id: string;
  caseNo: string;
  version: number;
  summary: string;
  resolutionPlan: string;
  [field: string]: unknown;
}

interface HazardDetail {
  id: string;
  hazardNo: string;
  title: string;
  measures: string;
}

// One story on one web app and one browser page, in order: the case corrected in the first test is
// met by another officer's change in the second and voided in the third; the hazard and the
// assessment tests start from the page the one before signed out of.
describe('the ledger kernel in the drawers: corrections, conflicts, voiding', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  let other: ReturnType<typeof cookieClient>;
  let target: Detail;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER, OTHER, LEADER], viewport: SCREENSHOT_VIEWPORTS[0] }));
    other = await signedInClient(app.url, OTHER);
    const listed = await other<{ items: Array<{ id: string }> }>('petitions.list', {
      status: 'resolving',
      pageSize: 1,
    });
    target = (await other<Detail>('petitions.get', { id: listed.data!.items[0]!.id })).data!;
  });

  afterAll(() => stopApp(app, session));

  const screenshots = (name: string, subject?: Locator) => session.screenshots(name, subject);

  const LEDGERS = {
    petitions: { route: 'petitions', drawer: 'petition-drawer' },
    hazards: { route: 'risks/hazards', drawer: 'hazard-drawer' },
    assessments: { route: 'risks/assessments', drawer: 'assessment-drawer' },
  };

  /** Finds a record on its ledger's list page by its number and opens its drawer. */
  async function openRecord(ledger: keyof typeof LEDGERS, number: string): Promise<void> {
    const { page } = session;
    await page.goto(`${app.url}#/${LEDGERS[ledger].route}`);
    await page.getByTestId(`${ledger}-keyword`).fill(number);
    await page.getByTestId('search-submit').click();
    await page.getByTestId(`${ledger}-table`).locator('tbody tr', { hasText: number }).first().click();
    await page.getByTestId(LEDGERS[ledger].drawer).locator('.el-drawer__title', { hasText: number }).waitFor();
  }

  /**
   * Waits until a dialog has opened: shown and its fade-in over. FormDialog puts the cursor in the
   * first field only then, so typing before it could land in the wrong field.
   */
  async function opened(dialog: Locator): Promise<void> {
    await dialog.waitFor();
    await settled(session.page);
  }

  /** Closes the open drawer and signs out. */
  async function leave(ledger: keyof typeof LEDGERS): Promise<void> {
    await session.page.keyboard.press('Escape');
    await session.page.getByTestId(LEDGERS[ledger].drawer).waitFor({ state: 'hidden' });
    await signOut(session.page);
  }

  const openCase = () => openRecord('petitions', target.caseNo);

  const drawer = () => session.page.getByTestId('petition-drawer');
  const timeline = () => session.page.getByTestId('petition-timeline');

  it('lets a duty officer correct a case; the timeline shows the old and new values', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await openCase();
    await page.getByTestId('petition-edit').click();
    const dialog = page.getByTestId('petition-edit-dialog');
    await opened(dialog);
    expect(await page.getByTestId('petition-edit-summary').inputValue()).toBe(target.summary);
    await page.getByTestId('petition-edit-summary').fill(`${target.summary}（补录：涉及 12 户）`);
    await page.getByTestId('petition-edit-plan').fill('约谈开发商，限期完成整改');
    await page.getByTestId('petition-edit-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const summaryRow = timeline().getByTestId('ledger-change-summary');
    await summaryRow.getByText(`${target.summary}（补录：涉及 12 户）`).waitFor();
    expect(await summaryRow.locator('td').allInnerTexts()).toEqual([
      '诉求摘要',
      target.summary,
      `${target.summary}（补录：涉及 12 户）`,
    ]);
    const planRow = timeline().getByTestId('ledger-change-resolutionPlan');
    expect(await planRow.locator('td').allInnerTexts()).toEqual([
      '化解方案',
      target.resolutionPlan || '（空）',
      '约谈开发商，限期完成整改',
    ]);
    expect(await timeline().innerText()).toContain(OFFICER.displayName);
    await drawer().getByText('约谈开发商，限期完成整改').first().waitFor();
    await screenshots('ledger-correction', timeline().getByTestId('ledger-changes'));
  });

  it('keeps the typed text when someone else saved first, reloads and saves on the new version', async () => {
    const { page } = session;
    await page.getByTestId('petition-edit').click();
    const dialog = page.getByTestId('petition-edit-dialog');
    await opened(dialog);
    const mine = '申请人补充反映：楼道墙面同样渗水（第二次更正）';
    await page.getByTestId('petition-edit-summary').fill(mine);

    // Meanwhile another officer corrects the same case.
    const current = (await other<Detail>('petitions.get', { id: target.id })).data!;
    const { id, version, townshipCode, firstPetitionDate, receivedDate, highestLevel, itemType, category } = current;
    const changed = await other('petitions.update', {
      ...{ id, version, townshipCode, firstPetitionDate, receivedDate, highestLevel, itemType, category },
      summary: current.summary,
      responsibleId: current.responsibleId,
      resolutionPlan: current.resolutionPlan,
      stabilityMeasures: '社区网格员每日走访，专人包保',
    });
    expect(changed.ok).toBe(true);

    await page.getByTestId('petition-edit-submit').click();
    const alert = page.getByTestId('conflict-alert');
    await alert.getByText(STALE).waitFor();
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.getByTestId('petition-edit-summary').inputValue()).toBe(mine);
    await screenshots('ledger-conflict');

    await page.getByTestId('conflict-reload').click();
    await alert.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('petition-edit-measures').inputValue()).toBe('社区网格员每日走访，专人包保');
    expect(await page.getByTestId('petition-edit-summary').inputValue()).toBe(mine);
    await page.getByTestId('petition-edit-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    await timeline().getByTestId('ledger-change-summary').getByText(mine).waitFor();
    const shown = await timeline().innerText();
    expect(shown).toContain(OTHER.displayName);
    expect(shown).toContain('稳控措施');
    await drawer().getByText('社区网格员每日走访，专人包保').first().waitFor();
    await leave('petitions');
  });

  it('lets the leader void the case with a reason, which hides every step, and restore it', async () => {
    const { page } = session;
    await signIn(page, app.url, LEADER.username, LEADER.password);
    await openCase();
    await page.getByTestId('petition-void').click();
    const dialog = page.getByTestId('void-dialog');
    await opened(dialog);
    await page.getByTestId('void-submit').click();
    await dialog.getByText('必填，请填写').waitFor();
    await page.getByTestId('void-reason').fill('与另一积案重复录入');
    await page.getByTestId('void-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const banner = page.getByTestId('voided-banner');
    await banner.getByText(/本记录已作废（原因：与另一积案重复录入，\d{4}-\d\d-\d\d \d\d:\d\d）/).waitFor();
    expect(await page.getByTestId('petition-actions').count()).toBe(0);
    expect(await drawer().locator('[data-testid^="petition-action-"]').count()).toBe(0);
    expect(await page.getByTestId('petition-void').count()).toBe(0);
    await timeline().getByText('原因：与另一积案重复录入').waitFor();
    await screenshots('ledger-voided');

    // The list leaves the voided case out; 只看已作废 finds it again.
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
    await page.locator('.table-pager').getByText('共 0 条').waitFor();
    await page.getByTestId('petitions-voided').click();
    await page.getByTestId('search-submit').click();
    await page.getByTestId('petitions-table').locator('tbody tr', { hasText: target.caseNo }).first().click();
    await banner.waitFor();
    await page.getByTestId('voided-restore').click();
    await opened(dialog);
    await page.getByTestId('void-reason').fill('经核实为不同诉求，并非重复');
    await page.getByTestId('void-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await banner.waitFor({ state: 'hidden' });
    await page.getByTestId('petition-void').waitFor();
    await timeline().getByText('原因：经核实为不同诉求，并非重复').waitFor();
    const restored = (await other<Detail>('petitions.get', { id: target.id })).data!;
    expect(restored.voidedAt).toBeNull();
    await leave('petitions');
  });

  it('lets an officer correct a hazard and the leader void and restore it', async () => {
    const { page } = session;
    const listed = await other<{ items: Array<{ id: string }> }>('hazards.list', { status: 'resolving', pageSize: 1 });
    const hazard = (await other<HazardDetail>('hazards.get', { id: listed.data!.items[0]!.id })).data!;
    const measures = `${hazard.measures}；每周两次入户走访（更正）`;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await openRecord('hazards', hazard.hazardNo);
    await page.getByTestId('hazard-edit').click();
    const dialog = page.getByTestId('hazard-edit-dialog');
    await opened(dialog);
    expect(await page.getByTestId('hazard-edit-title').inputValue()).toBe(hazard.title);
    await page.getByTestId('hazard-edit-measures').fill(measures);
    await screenshots('hazard-edit');
    await page.getByTestId('hazard-edit-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const hazardTimeline = page.getByTestId('hazard-timeline');
    const row = hazardTimeline.getByTestId('ledger-change-measures');
    await row.getByText(measures).waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual(['稳控化解措施', hazard.measures || '（空）', measures]);
    await screenshots('hazard-correction', hazardTimeline.getByTestId('ledger-changes'));
    await leave('hazards');

    await signIn(page, app.url, LEADER.username, LEADER.password);
    await openRecord('hazards', hazard.hazardNo);
    await page.getByTestId('hazard-void').click();
    const voidDialog = page.getByTestId('void-dialog');
    await voidDialog.getByText(`作废风险隐患 ${hazard.hazardNo}`).waitFor();
    await opened(voidDialog);
    await page.getByTestId('void-reason').fill('测试录入，并非真实隐患');
    await page.getByTestId('void-submit').click();
    await voidDialog.waitFor({ state: 'hidden' });
    const banner = page.getByTestId('voided-banner');
    await banner.getByText(/本记录已作废（原因：测试录入，并非真实隐患，/).waitFor();
    expect(await page.getByTestId('hazard-actions').count()).toBe(0);
    expect(await page.getByTestId('hazard-drawer').locator('[data-testid^="hazard-action-"]').count()).toBe(0);
    await screenshots('hazard-voided');

    await page.getByTestId('voided-restore').click();
    await opened(voidDialog);
    await page.getByTestId('void-reason').fill('核实后确为在办隐患');
    await page.getByTestId('void-submit').click();
    await banner.waitFor({ state: 'hidden' });
    await page.getByTestId('hazard-void').waitFor();
    await hazardTimeline.getByText('原因：核实后确为在办隐患').waitFor();
    await leave('hazards');
  });

  it('sends the version with an assessment’s correction, and lets the leader void and restore it', async () => {
    const { page } = session;
    const listed = await other<{ items: Array<{ id: string; assessmentNo: string; matter: string }> }>(
      'assessments.list',
      { status: 'assessing', pageSize: 1 },
    );
    const assessment = listed.data!.items[0]!;
    const matter = `${assessment.matter}（更正）`;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await openRecord('assessments', assessment.assessmentNo);
    await page.getByTestId('assessment-action-edit').click();
    const dialog = page.getByTestId('assessment-form-dialog');
    await opened(dialog);
    await page.getByTestId('assessment-matter').fill(matter);
    await page.getByTestId('assessment-form-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const assessmentTimeline = page.getByTestId('assessment-timeline');
    const row = assessmentTimeline.getByTestId('ledger-change-matter');
    await row.getByText(matter).waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual(['事项名称', assessment.matter, matter]);
    await screenshots('assessment-correction', assessmentTimeline.getByTestId('ledger-changes'));
    await leave('assessments');

    await signIn(page, app.url, LEADER.username, LEADER.password);
    await openRecord('assessments', assessment.assessmentNo);
    await page.getByTestId('assessment-void').click();
    const voidDialog = page.getByTestId('void-dialog');
    await voidDialog.getByText(`作废稳评 ${assessment.assessmentNo}`).waitFor();
    await opened(voidDialog);
    await page.getByTestId('void-reason').fill('重复立项');
    await page.getByTestId('void-submit').click();
    await voidDialog.waitFor({ state: 'hidden' });
    const banner = page.getByTestId('voided-banner');
    await banner.getByText(/本记录已作废（原因：重复立项，/).waitFor();
    expect(await page.getByTestId('assessment-actions').count()).toBe(0);
    await screenshots('assessment-voided');

    await page.getByTestId('voided-restore').click();
    await opened(voidDialog);
    await page.getByTestId('void-reason').fill('并非重复立项');
    await page.getByTestId('void-submit').click();
    await banner.waitFor({ state: 'hidden' });
    await page.getByTestId('assessment-void').waitFor();
    await assessmentTimeline.getByText('原因：并非重复立项').waitFor();

    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
