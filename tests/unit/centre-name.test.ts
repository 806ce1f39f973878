import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { newClient, signInAdmin, signInAs, testBackend } from '../helpers/backend';
import { must } from '../helpers/petitions';

/** A county that is not the demo, set up by its administrator, with a duty officer. */
async function zhongmu() {
  const backend = await testBackend();
  const admin = await signInAdmin(backend);
  await must(backend.call('regions.setUpCounty', { divisionCode: '410122', name: '中牟县' }, admin));
  await must(
    backend.call('regions.create', { parentCode: '410122000000', code: '410122100000', name: '城关镇' }, admin),
  );
  const officer = (await signInAs(backend, admin, ['duty_officer'])).client;
  return { backend, admin, officer };
}

async function docxText(setup: Awaited<ReturnType<typeof zhongmu>>): Promise<string> {
  const { backend, officer } = setup;
  const draft = await must(backend.call('reports.draft', {}, officer));
  const saved = await must(backend.call('reports.save', { document: { ...draft, signer: '刘带班' } }, officer));
  const file = await must(backend.call('reports.docx', { id: saved.id }, officer));
  const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
  return zip.file('word/document.xml')!.async('string');
}

describe('the centre’s name', () => {
  it('is the county’s 社会治理综合服务中心 by default: in the report, on the board and the sign-in page', async () => {
    const setup = await zhongmu();
    const { backend, officer } = setup;
    expect((await must(backend.call('reports.draft', {}, officer))).issuer).toBe('中牟县社会治理综合服务中心');
    expect(await docxText(setup)).toContain('中牟县社会治理综合服务中心');
    expect(await must(backend.call('board.snapshot', {}, officer))).toMatchObject({
      countyName: '中牟县',
      centreName: '中牟县社会治理综合服务中心',
    });
    expect((await must(backend.call('auth.status', {}, newClient()))).centreName).toBe('中牟县社会治理综合服务中心');
  });

  it('takes the administrator’s own name everywhere, audited, and refuses one too long', async () => {
    const setup = await zhongmu();
    const { backend, admin, officer } = setup;
    const saved = await must(backend.call('settings.updateCentreName', { centreName: ' 中牟县综治中心 ' }, admin));
    expect(saved.centreName).toBe('中牟县综治中心');
    const xml = await docxText(setup);
    expect(xml).toContain('中牟县综治中心');
    expect(xml).not.toContain('社会治理综合服务中心');
    expect((await must(backend.call('board.snapshot', {}, officer))).centreName).toBe('中牟县综治中心');
    expect((await must(backend.call('system.info', {}, officer))).centreName).toBe('中牟县综治中心');
    const audit = backend.services.sql.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'settings.update' AND entity_id = 'work'")
      .all();
    expect(audit).toEqual([{ detail: '中心名称： → 中牟县综治中心' }]);

    const tooLong = await backend.call('settings.updateCentreName', { centreName: '中'.repeat(41) }, admin);
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'centreName', message: '中心名称不超过 40 个字' }] },
    });
    expect(await backend.call('settings.updateCentreName', { centreName: '<b>中心</b>' }, admin)).toMatchObject({
      ok: false,
      error: { details: [{ path: 'centreName', message: '中心名称只能由汉字、字母、数字、括号和间隔号组成' }] },
    });
    expect(await backend.call('settings.updateCentreName', { centreName: '' }, officer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
