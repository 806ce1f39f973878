import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/files';
import { createAccount } from './support/accounts';
import { signIn, signOut } from './support/auth';
import { choose } from './support/select';
import { openSession, type Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { settled } from './support/settle';
import { startWebApp, type WebApp } from './support/serve';
import { disputeStep } from './support/dispute-step';

const OFFICER = { username: 'tiaojieyuan', displayName: '周调解', roles: ['duty_officer'], password: 'Duty-2026-Own' };
const LEADER = { username: 'jiufendaiban', displayName: '吴带班', roles: ['leader'], password: 'Lead-2026-Own' };
const SUMMARY = '两户村民因宅基地滴水檐争执（端到端测试）';
const UPWARD = '两村因灌溉水渠用水分配争执，村调委会调解不成（端到端测试）';

// One story on one web app and one page: the officer takes a dispute in and runs it to 回访, the
// leader closes it out.
describe('the disputes ledger', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  /** 防止民转刑's persons before the story: the demo's disputes count there too. */
  let preventedBefore: number;

  beforeAll(async () => {
    app = await startWebApp({ demo: 'small' });
    await createAccount(app.url, app.api, OFFICER);
    await createAccount(app.url, app.api, LEADER);
    session = await openSession({ width: 1600, height: 1000 });
  });

  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  /** 纠纷统计's 防止民转刑 persons, as the page shows them. */
  async function preventedPeople(): Promise<number> {
    const { page } = session;
    await page.goto(`${app.url}#/disputes/figures`);
    const figures = page.getByTestId('dispute-figures-page');
    await figures.getByTestId('figure-resolution_rate').waitFor();
    await settled(page);
    const text = (await figures.getByTestId('figure-prevented-people').textContent()) ?? '';
    const people = /涉及 (\d+) 人/.exec(text);
    if (!people) throw new Error(`防止民转刑人数未显示：${text}`);
    return Number(people[1]);
  }

  /** Opens a step of the open drawer, fills it through `fill` and submits it. */
  const step = (action: string, fill: () => Promise<void>, screenshot?: string) =>
    disputeStep(session, action, fill, screenshot);

  it('takes a dispute in with two parties, one removed and one added again, from the keyboard', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    preventedBefore = await preventedPeople();
    // From 纠纷统计 (its menu already open) to the ledger beside it.
    await page.getByRole('menuitem', { name: '纠纷台账' }).click();
    await page.getByTestId('disputes-table').waitFor();
    await page.getByTestId('disputes-create').click();
    const dialog = page.getByTestId('dispute-form-dialog');
    await dialog.waitFor();
    await choose(page, 'dispute-category', '邻里');
    await page.getByTestId('dispute-summary').fill(SUMMARY);
    await choose(page, 'dispute-township', '南关街道');
    await page.getByTestId('dispute-level').getByText('乡镇（街道）').click();
    await page.getByTestId('dispute-risk').getByText('黄').click();
    await page.getByTestId('dispute-party-name-0').fill('王建国');
    await page.getByTestId('dispute-party-id-0').fill('410102198001191234');
    await page.getByTestId('dispute-party-phone-0').fill('13812345678');
    await page.getByTestId('dispute-party-add').click();
    await page.getByTestId('dispute-party-name-1').fill('误添的一行');
    await page.getByTestId('dispute-party-remove-1').click();
    await page.getByTestId('dispute-party-add').click();
    await choose(page, 'dispute-party-side-1', '被申请方');
    await page.getByTestId('dispute-party-name-1').focus();
    await page.keyboard.type('李四海');
    await page.keyboard.press('Tab');
    await page.keyboard.type('410102198001191235');
    await settled(page);
    await session.screenshots('disputes-intake', dialog);
    await page.getByTestId('dispute-form-submit').click();
    // A wrong ID number is refused on its field and nothing is saved.
    await dialog.getByText('第 2 位当事人的身份证号校验位不正确').first().waitFor();
    await page.getByTestId('dispute-party-id-1').fill('');
    await page.getByTestId('dispute-form-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const drawer = page.getByTestId('dispute-drawer');
    await drawer.getByText(SUMMARY).waitFor();
    await drawer.getByTestId('dispute-status').getByText('已受理').waitFor();
    const text = await drawer.textContent();
    expect(text).toContain('王*国');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('410102198001191234');
  });

  it('routes it, mediates it jointly, records the agreement and the visit', async () => {
    const { page } = session;
    const drawer = page.getByTestId('dispute-drawer');
    await step('route', async () => {
      await choose(page, 'dispute-handling-kind', '人民调解委员会');
      await choose(page, 'dispute-unit', '南关街道', '南关');
    });
    await drawer.getByTestId('dispute-status').getByText('已分流').waitFor();
    await step('startMediation', async () => {
      await page.getByTestId('dispute-coordination').getByText('协同调处').click();
      await choose(page, 'dispute-co-units', '司法局', '司法');
      await page.getByTestId('dispute-mediator').fill('刘调解员');
    });
    await drawer.getByTestId('dispute-status').getByText('调处中').waitFor();
    await step(
      'settle',
      async () => {
        const dialog = page.getByTestId('dispute-step-dialog');
        await dialog.getByTestId('attachment-upload-input').setInputFiles({
          name: '调解协议书.pdf',
          mimeType: 'application/pdf',
          buffer: samplePdf('Agreement on the eaves'),
        });
        await dialog.getByTestId('dispute-agreement-file').waitFor();
        await page.getByTestId('dispute-agreement').fill('双方同意按原界址修缮滴水檐，费用各半');
        await page.getByTestId('dispute-judicial').getByText('已申请').click();
        await page.getByTestId('dispute-prevented-criminal').click();
        await page.getByTestId('dispute-prevented-people').locator('input').fill('2');
        await page.getByTestId('dispute-agreement').click(); // the number is taken on leaving it
      },
      'disputes-settle',
    );
    await drawer.getByTestId('dispute-status').getByText('调解成功').waitFor();
    expect(await drawer.getByTestId('dispute-fields').textContent()).toContain('防止民转刑 2 人');
    await step('visit', async () => {
      await page.getByTestId('dispute-satisfaction').getByText('满意', { exact: true }).click();
      await page.getByTestId('dispute-visit-note').fill('双方已按协议履行');
    });
    await drawer.getByTestId('dispute-status').getByText('已回访').waitFor();
    // 销号 is the leader's.
    expect(await drawer.getByTestId('dispute-action-closeOut').count()).toBe(0);
    await settled(page);
    await session.screenshots('disputes-drawer', drawer);
    expect(session.pageErrors).toEqual([]);
  });

  it('lets the leader close it out, and lists it', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    await signOut(page);
    await signIn(page, app.url, LEADER.username, LEADER.password);
    await page.goto(`${app.url}#/disputes`);
    const table = page.getByTestId('disputes-table');
    await table.getByText(SUMMARY).click();
    await step('closeOut', async () => {});
    await page.getByTestId('dispute-drawer').getByTestId('dispute-status').getByText('已销号').waitFor();
    await page.keyboard.press('Escape');
    await table.locator('.dispute-row', { hasText: SUMMARY }).getByText('已销号').waitFor();
    await settled(page);
    await session.screenshots('disputes-list');

    // 纠纷统计: the settled dispute counts in 化解率; its number opens the ledger on it.
    await page.goto(`${app.url}#/disputes/figures`);
    const figures = page.getByTestId('dispute-figures-page');
    await figures.getByTestId('figure-resolution_rate').waitFor();
    expect(await figures.getByTestId('figure-prevented-people').textContent()).toContain(
      `涉及 ${preventedBefore + 2} 人`,
    );
    await settled(page);
    await session.screenshots('disputes-figures');
    await figures.getByTestId('figure-resolution_rate-numerator').click();
    await page.getByTestId('disputes-figure-filter').waitFor();
    await table.getByText(SUMMARY).waitFor();
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  /** 上交率's numerator and denominator as 纠纷统计 shows them. */
  async function escalation(): Promise<[number, number]> {
    const { page } = session;
    await page.goto(`${app.url}#/disputes/figures`);
    const card = page.getByTestId('figure-escalation_rate');
    await card.waitFor();
    await settled(page);
    const count = async (part: string) =>
      Number(await card.getByTestId(`figure-escalation_rate-${part}`).textContent());
    return [await count('numerator'), await count('denominator')];
  }

  it('moves another dispute up from the village to the township with its reason, and 上交率 counts it', async () => {
    const { page } = session;
    await signOut(page);
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    const [upBefore, receivedBefore] = await escalation();
    await page.goto(`${app.url}#/disputes`);
    await page.getByTestId('disputes-create').click();
    const dialog = page.getByTestId('dispute-form-dialog');
    await dialog.waitFor();
    await choose(page, 'dispute-category', '山林土地');
    await page.getByTestId('dispute-summary').fill(UPWARD);
    await choose(page, 'dispute-township', '南关街道');
    await page.getByTestId('dispute-level').getByText('村（社区）').click();
    await page.getByTestId('dispute-party-name-0').fill('赵水生');
    await page.getByTestId('dispute-form-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const drawer = page.getByTestId('dispute-drawer');
    await drawer.getByText(UPWARD).waitFor();
    await step(
      'transfer',
      async () => {
        await page.getByTestId('dispute-transfer-level').getByText('乡镇（街道）').click();
        await page.getByTestId('dispute-transfer-reason').fill('涉及两个村，村调委会无法协调，上交街道');
      },
      'disputes-transfer',
    );
    const transfers = drawer.getByTestId('dispute-transfers');
    await transfers.getByText('涉及两个村，村调委会无法协调，上交街道').waitFor();
    expect(await transfers.textContent()).toMatch(/村（社区）.*乡镇（街道）/);
    await settled(page);
    await session.screenshots('disputes-transferred', drawer);
    await page.keyboard.press('Escape');

    // Honest 上交率: the dispute is one more taken in and one more moved up.
    expect(await escalation()).toEqual([upBefore + 1, receivedBefore + 1]);
    await session.screenshots('disputes-escalation', page.getByTestId('figure-escalation_rate'));
    await page.getByTestId('figure-escalation_rate-numerator').click();
    await page.getByTestId('disputes-figure-filter').waitFor();
    await page.getByTestId('disputes-table').getByText(UPWARD).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
