import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const electron = vi.hoisted(() => ({
  privileged: [] as unknown[],
  handlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) =>
      electron.handlers.set(scheme, handler),
  },
}));

const { handleAppProtocol, registerAppScheme, serveAppFile } = await import('../../electron/main/app-protocol');
const { APP_ENTRY_URL } = await import('../../electron/main/app-url');
const { CONTENT_SECURITY_POLICY } = await import('../../electron/backend/http/static-files');

/** A built renderer folder with a secret beside it, outside what may be served. */
function builtRenderer(): string {
  const outDir = tempDir();
  const root = join(outDir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>综治工作台</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'wOF2');
  writeFileSync(join(outDir, 'secret.txt'), 'top secret');
  return root;
}

const get = (url: string, root: string, method = 'GET') => serveAppFile({ url, method }, root);

beforeEach(() => {
  electron.privileged.length = 0;
  electron.handlers.clear();
});

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme with no other privilege', () => {
    registerAppScheme();
    expect(electron.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('serves index.html and the built files with their types and the CSP', async () => {
    const root = builtRenderer();
    const index = await get(APP_ENTRY_URL, root);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toBe('<!doctype html><title>综治工作台</title>');

    const types = {
      'app://zongzhi/assets/index-abc.js': 'text/javascript; charset=utf-8',
      'app://zongzhi/assets/index-abc.css': 'text/css; charset=utf-8',
      'app://zongzhi/assets/font.woff2': 'font/woff2',
      'app://zongzhi/': 'text/html; charset=utf-8',
      'app://zongzhi/index.html#/wall': 'text/html; charset=utf-8',
    };
    for (const [url, type] of Object.entries(types)) {
      const response = await get(url, root);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const root = builtRenderer();
    const head = await get(APP_ENTRY_URL, root, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get(APP_ENTRY_URL, root, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('refuses a path out of the renderer folder, plain or encoded, with 404', async () => {
    const root = builtRenderer();
    for (const url of [
      'app://zongzhi/../secret.txt',
      'app://zongzhi/assets/../../secret.txt',
      'app://zongzhi/%2e%2e/secret.txt',
      'app://zongzhi/..%2fsecret.txt',
      'app://zongzhi/assets/..%2f..%2fsecret.txt',
      'app://zongzhi/..%5csecret.txt',
      'app://zongzhi/%252e%252e/secret.txt',
      'app://zongzhi/index.html%00.js',
      'app://zongzhi/%E0%A4%A',
    ]) {
      const response = await get(url, root);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('未找到该页面。');
    }
  });

  it('answers 404 for unknown files, folders and other hosts', async () => {
    const root = builtRenderer();
    for (const url of ['app://zongzhi/missing.js', 'app://zongzhi/assets/', 'app://other/index.html']) {
      expect((await get(url, root)).status, url).toBe(404);
    }
  });

  it('is handled in the session by the file server on the given folder', async () => {
    const root = builtRenderer();
    handleAppProtocol(root);
    expect([...electron.handlers.keys()]).toEqual(['app']);
    const response = await electron.handlers.get('app')!({ url: APP_ENTRY_URL, method: 'GET' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('综治工作台');
  });
});
