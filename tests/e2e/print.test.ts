import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyDate } from '../../shared/domain/time';
import { SAMPLE_PNG } from '../helpers/files';
import { signedInClient } from './support/accounts';
import { signIn } from './support/auth';
import { SCREENSHOT_DIR, type Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import type { WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const OFFICER = { username: 'dayinzhiban', displayName: '周值班', roles: ['duty_officer'], password: 'Duty-2026-Own' };

/**
 * The page as paper: Chromium's own print (page.pdf, the print stylesheet: only the preview's
 * document), its text as pdftotext reads it, and its pages as 60 dpi PNGs to look at.
 */
async function printed(session: Session, name: string): Promise<{ text: string; pages: string[] }> {
  const pdf = join(SCREENSHOT_DIR, `${name}.pdf`);
  const ofThisPdf = (f: string) => f.startsWith(`${name}-pdf-`) && f.endsWith('.png');
  // Pages of an earlier run would be counted with this one's.
  for (const old of readdirSync(SCREENSHOT_DIR).filter(ofThisPdf)) rmSync(join(SCREENSHOT_DIR, old));
  await session.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOT_DIR, `${name}-pdf`)]);
  const pages = readdirSync(SCREENSHOT_DIR).filter(ofThisPdf);
  return { text, pages };
}

const pageSize = (pdf: string) =>
  execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Page size:\s+([\d.]+) x ([\d.]+)/)!;

// One web app and one page, in order: the case supervised and given a file before the first test is
// the one whose documents the later tests print.
describe('printing: previews laid out as official documents, printed by the browser', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  let caseNo: string;
  let supervisionId: string;
  let fileHash: string;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER], viewport: WIDE_VIEWPORT }));
    const api = await signedInClient(app.url, OFFICER);
    const open = await api<{ items: Array<{ id: string; caseNo: string }> }>('petitions.list', {
      status: 'resolving',
      pageSize: 1,
    });
    const target = open.data!.items[0]!;
    caseNo = target.caseNo;
    const supervised = await api<{ supervisions: Array<{ id: string }> }>('petitions.supervise', {
      id: target.id,
      kind: 'listed',
      reason: '群众反复到县上访，化解方案迟迟未落实',
    });
    supervisionId = supervised.data!.supervisions.at(-1)!.id;
    fileHash = createHash('sha256').update(SAMPLE_PNG).digest('hex');
    const uploaded = await api('attachments.upload', {
      entity: 'petition',
      entityId: target.id,
      fileName: '现场照片.png',
      base64: SAMPLE_PNG.toString('base64'),
    });
    expect(uploaded.ok).toBe(true);
    const today = countyDate(new Date());
    const saved = await api('duty.save', {
      date: today,
      entries: [
        { role: 'leader', name: '王带班', phone: '13812345678' },
        { role: 'officer', name: '周值班', phone: null },
      ],
    });
    expect(saved.ok).toBe(true);
    await signIn(session.page, app.url, OFFICER.username, OFFICER.password);
  });

  afterAll(() => stopApp(app, session));

  it('prints the current ledger list with its filter, every page ruled, and records the browser print', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/petitions?status=resolving`);
    await page.getByTestId('petitions-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('petitions-print').click();
    const preview = page.getByTestId('print-preview');
    await preview.getByTestId('list-print-table').locator('tbody tr').first().waitFor();
    const meta = await preview.getByTestId('list-print-meta').innerText();
    expect(meta).toContain('筛选条件：状态：化解中');
    expect(meta).not.toContain('只看已作废');
    const total = Number(meta.match(/共 (\d+) 条/)![1]);
    expect(await preview.getByTestId('list-print-table').locator('tbody tr').count()).toBe(total);
    await session.screenshots('print-ledger');

    const paper = await printed(session, 'print-ledger');
    expect(paper.text).toContain('信访积案台账');
    expect(paper.text).toContain('筛选条件：状态：化解中');
    // Nothing of the workstation behind the preview reaches the paper.
    expect(paper.text).not.toContain('打印预览');
    expect(paper.text).not.toContain('积案台账 ·');
    expect(paper.pages.length).toBeGreaterThan(0);
    const [, width, height] = pageSize(join(SCREENSHOT_DIR, 'print-ledger.pdf'));
    // A list prints across A4.
    expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([842, 595]);

    // 打印 in a browser: its print dialog (stubbed: headless has none), after the audit call.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    const recorded = page.waitForResponse((r) => r.url().endsWith('/api/print.record'));
    await preview.getByTestId('print-paper').click();
    expect((await recorded).status()).toBe(200);
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    await preview.getByTestId('print-close').click();
    await preview.waitFor({ state: 'detached' });
  });

  it('prints the 交办单 of a case from its drawer', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/petitions?keyword=${caseNo}`);
    await page.getByTestId(`petition-open-${caseNo}`).click();
    await page.getByTestId('petition-print-assignment').click();
    const preview = page.getByTestId('print-preview');
    await preview.getByTestId('assignment-table').waitFor();
    await session.screenshots('print-assignment');
    const paper = await printed(session, 'print-assignment');
    for (const part of ['信访事项交办单', caseNo, '承办单位', '办理时限', '签收人', '签收时间', '社会治理综合服务中心'])
      expect(paper.text).toContain(part);
    expect(paper.pages).toHaveLength(1);
    const [, width, height] = pageSize(join(SCREENSHOT_DIR, 'print-assignment.pdf'));
    expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([595, 842]);
    await preview.getByTestId('print-close').click();
    await preview.waitFor({ state: 'detached' });
  });

  it('prints the 挂牌督办通知 from the supervision line of the timeline', async () => {
    const { page } = session;
    await page.getByTestId(`timeline-action-s-${supervisionId}`).click();
    const preview = page.getByTestId('print-preview');
    await preview.getByTestId('doc-masthead').waitFor();
    await session.screenshots('print-supervision');
    const paper = await printed(session, 'print-supervision');
    for (const part of ['挂牌督办通知', '决定对该事项挂牌督办', '群众反复到县上访', caseNo, '附：事项基本情况'])
      expect(paper.text).toContain(part);
    await preview.getByTestId('print-close').click();
    await preview.waitFor({ state: 'detached' });
  });

  it('prints the case 一案一档: fields, the whole timeline, the attachments with their SHA-256', async () => {
    const { page } = session;
    await page.getByTestId('petition-print-dossier').click();
    const preview = page.getByTestId('print-preview');
    await preview.getByTestId('dossier-attachments').waitFor();
    await session.screenshots('print-dossier');
    const paper = await printed(session, 'print-dossier');
    for (const part of ['积案一案一档', caseNo, '一、基本情况', '二、办理记录', '督办：挂牌督办', '现场照片.png'])
      expect(paper.text).toContain(part);
    expect(paper.text).toContain(fileHash.slice(0, 16));
    await preview.getByTestId('print-close').click();
    await preview.waitFor({ state: 'detached' });
  });

  it('prints the month of the duty roster', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/duty`);
    await page.getByTestId('duty-table').waitFor();
    await page.getByTestId('duty-print').click();
    const preview = page.getByTestId('print-preview');
    await preview.getByTestId('duty-print-table').getByText('王带班').waitFor();
    await session.screenshots('print-duty');
    const paper = await printed(session, 'print-duty');
    const today = countyDate(new Date());
    expect(paper.text).toContain('值班表');
    expect(paper.text).toContain(`${today.slice(0, 4)}年${Number(today.slice(5, 7))}月`);
    expect(paper.text).toContain('王带班 138****5678');
    expect(paper.text).not.toContain('13812345678');
    await preview.getByTestId('print-close').click();
    await preview.waitFor({ state: 'detached' });
  });

  it.each([
    ['hazards', 'hazard', '风险隐患一案一档', '本台账不设附件'],
    ['assessments', 'assessment', '稳评一案一档', '三、附件清单'],
  ])('prints the 一案一档 of a record from the %s drawer', async (list, kind, title, attachments) => {
    const { page } = session;
    await page.goto(`${app.url}#/risks/${list}`);
    await page.getByTestId(`${list}-table`).locator('tbody tr').first().click();
    await page.getByTestId(`${kind}-print-dossier`).click();
    const preview = page.getByTestId('print-preview');
    await preview.getByText(attachments).waitFor();
    const paper = await printed(session, `print-dossier-${kind}`);
    for (const part of [title, '一、基本情况', '二、办理记录', attachments]) expect(paper.text).toContain(part);
    await preview.getByTestId('print-close').click();
    await preview.waitFor({ state: 'detached' });
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
