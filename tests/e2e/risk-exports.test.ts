import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth';
import type { Session } from './support/browser';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';
import { readExport } from '../helpers/export-file';

const OFFICER = { username: 'fengxiandc', displayName: '吴导出', roles: ['duty_officer'], password: 'Duty-2026-Own' };
/** A word in the titles of this test's hazards only: the list is filtered to them. */
const MARK = '导出核对';

describe('the risk ledger exports', () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER], viewport: WIDE_VIEWPORT }));
  });

  afterAll(() => stopApp(app, session));

  it('exports the filtered hazard list, people masked, as a real xlsx', async () => {
    const api = cookieClient(app.url);
    await api('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const township = (
      await api<{ items: Array<{ code: string; name: string }> }>('regions.list', { level: 'township' })
    ).data!.items[0]!;
    const category = (
      await api<{ entries: Array<{ code: string; label: string }> }>('dicts.get', {
        code: 'hazard_category',
      })
    ).data!.entries[0]!;
    const hazard = (title: string, foundOn: string, people: Array<{ name: string; phone: string | null }>) =>
      api('hazards.create', {
        title,
        category: category.code,
        level: 'orange',
        foundOn,
        townshipCode: township.code,
        peopleInvolved: people.length,
        people,
      });
    expect((await hazard(`${MARK}：征地补偿分歧`, '2026-11-02', [{ name: '孙建国', phone: '13812345678' }])).ok).toBe(
      true,
    );
    expect((await hazard(`${MARK}：物业纠纷`, '2026-11-03', [])).ok).toBe(true);

    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/risks/hazards`);
    await page.getByTestId('hazards-keyword').fill(MARK);
    await page.getByTestId('hazards-search').getByTestId('search-submit').click();
    await page.waitForFunction(() => document.querySelectorAll('.hazard-row').length === 2);

    await page.getByTestId('hazards-export').click();
    const dialog = page.getByTestId('hazard-export-dialog');
    await dialog.waitFor();
    await page.waitForFunction(() => !document.querySelector('.dialog-fade-enter-active'));
    expect(await dialog.textContent()).toContain('导出 2 条风险隐患');
    expect(await page.getByTestId('hazard-export-unmasked').count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('hazard-export-start').click(),
    ]);
    await page.getByTestId('hazard-export-done').waitFor();
    expect(await page.getByTestId('hazard-export-progress').textContent()).toContain('已写入 2 / 2 行');
    // The bar grows with a CSS transition: the picture is taken once it is full.
    await page.waitForFunction(() => {
      const inner = document.querySelector('.el-progress-bar__inner')?.getBoundingClientRect().width ?? 0;
      const outer = document.querySelector('.el-progress-bar__outer')?.getBoundingClientRect().width ?? 1;
      return inner >= outer - 1;
    });
    await session.screenshot('hazard-export-done');

    expect(download.suggestedFilename()).toMatch(/^风险隐患台账_\d{8}-\d{4}\.xlsx$/);
    const { rows } = await readExport(await readFile((await download.path())!), '风险隐患台账');
    expect(rows[0]).toEqual([
      '编号',
      '名称',
      '类别',
      '等级',
      '状态',
      '来源',
      '乡镇/街道',
      '村/社区',
      '发现日期',
      '包保领导',
      '责任人',
      '涉及人数',
      '涉及人员',
      '联系电话',
    ]);
    // The list's order (found, newest first); the person masked.
    expect(
      rows.slice(1).map((row) => [row[1], row[2], row[3], row[4], row[6], row[8], row[11], row[12], row[13]]),
    ).toEqual([
      [`${MARK}：物业纠纷`, category.label, '橙色', '发现', township.name, '2026-11-03', 0, null, null],
      [`${MARK}：征地补偿分歧`, category.label, '橙色', '发现', township.name, '2026-11-02', 1, '孙*国', '138****5678'],
    ]);

    await page.getByTestId('hazard-export-close').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(session.pageErrors).toEqual([]);
    expect(session.offMachineRequests).toEqual([]);
  });
});
