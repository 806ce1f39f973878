import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/backend/api/dispatch';
import { handlers } from '../../electron/backend/api/handlers';
import { AppError } from '../../shared/errors';
import { newClient, signInAdmin, signInAs, testBackend } from '../helpers/backend';

describe('dispatch', () => {
  it('answers a valid call with the ok envelope', async () => {
    const backend = await testBackend();
    const testCall = await signInAdmin(backend);
    const result = await backend.dispatch('regions.list', {}, testCall);
    expect(result).toEqual({ ok: true, data: { items: [], total: 0, page: 1, pageSize: 20 } });
  });

  it('refuses every non-public method without a session, before looking at the input', async () => {
    const backend = await testBackend();
    const result = await backend.dispatch('regions.list', { pageSize: 'lots' }, newClient());
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录。' } });
  });

  it('refuses a method that is not in the contract', async () => {
    const backend = await testBackend();
    const testCall = await signInAdmin(backend);
    const result = await backend.dispatch('regions.drop', {}, testCall);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!result.ok && result.error.message).toContain('regions.drop');
  });

  it('refuses a control character in any string as VALIDATION naming the field, never a fault', async () => {
    const backend = await testBackend();
    const { client: testCall } = await signInAs(backend, await signInAdmin(backend), ['duty_officer']);
    for (const method of ['petitions.list', 'hazards.list', 'assessments.list', 'units.list', 'people.list'] as const) {
      const result = await backend.dispatch(method, { keyword: '张\u0000三' }, testCall);
      expect(result, method).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: '输入有误：“keyword”含有不可见的控制字符，请删除后重新输入，请修改后重试。',
          details: [{ path: 'keyword', message: '含有不可见的控制字符，请删除后重新输入' }],
        },
      });
    }
    const nested = await backend.dispatch('petitions.list', { keyword: '张三\u001b', category: 'x\u007f' }, testCall);
    expect(!nested.ok && nested.error.details?.map((d) => d.path)).toEqual(['keyword', 'category']);
    // Tab, line feed and carriage return are text; the search simply finds nothing.
    expect(await backend.dispatch('petitions.list', { keyword: '张\t三\r\n' }, testCall)).toMatchObject({ ok: true });
  });

  it('returns VALIDATION with Chinese details naming each bad field', async () => {
    const backend = await testBackend();
    const testCall = await signInAdmin(backend);
    const result = await backend.dispatch(
      'regions.list',
      { keyword: 'x'.repeat(51), pageSize: 500, level: 'planet' },
      testCall,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/^输入有误/);
    expect(result.error.details).toEqual(
      expect.arrayContaining([
        { path: 'keyword', message: '不能超过 50 个字符，请删减' },
        { path: 'pageSize', message: '不能大于 200' },
        { path: 'level', message: '不在可选范围内，请从列表中选择' },
      ]),
    );
  });

  it('rejects unknown fields and wrong types', async () => {
    const backend = await testBackend();
    const testCall = await signInAdmin(backend);
    const extra = await backend.dispatch('regions.list', { page: 1, role: 'admin' }, testCall);
    expect(extra).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: '', message: expect.stringContaining('role') }] },
    });
    const wrongType = await backend.dispatch('regions.get', { code: 12 }, testCall);
    expect(wrongType).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'code', message: '应为文字，请检查' }] },
    });
    const missing = await backend.dispatch('regions.get', {}, testCall);
    expect(missing).toMatchObject({ ok: false, error: { details: [{ path: 'code', message: '必填，请填写' }] } });
  });

  it('passes an AppError through as its envelope and hides unexpected errors behind INTERNAL', async () => {
    const backend = await testBackend();
    const testCall = await signInAdmin(backend);
    const logged: unknown[] = [];
    const dispatch = createDispatch(
      {
        ...handlers,
        'regions.get': () => {
          throw new AppError('CONFLICT', '冲突了');
        },
        'units.list': () => {
          throw new Error('SQLITE_CORRUPT: secret detail');
        },
      },
      backend.services,
      (_message, error) => logged.push(error),
    );
    expect(await dispatch('regions.get', { code: '999901000000' }, testCall)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '冲突了' },
    });
    const internal = await dispatch('units.list', {}, testCall);
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });
});
