/**
 * `npm run soak [-- --minutes 60 --interval 30 --scale large]`: the situation board left running in
 * Chromium, refreshing by itself, while its JS heap, DOM nodes and listeners are sampled after a
 * forced garbage collection. Not part of `npm test` (it runs for as long as it is told); the e2e
 * test checks the same over a few hundred quick refreshes. `--interval` below the settings'
 * minimum (10 s) is applied by rewriting the snapshot's refreshSeconds on its way to the page.
 * Needs a built renderer (`npx electron-vite build`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { APP_HEADER, APP_HEADER_VALUE, SESSION_KEY_HEADER, SESSION_KEY_STORAGE } from '../shared/contract/web-session';
import { memoryJar } from '../electron/backend/api/memory-jar';
import { openBackend } from '../electron/backend/app';
import { createHttpServer, listenOnLoopback } from '../electron/backend/http/server';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '60' },
    interval: { type: 'string', default: '30' },
    scale: { type: 'string', default: 'large' },
  },
});
const minutes = Number(values.minutes);
const interval = Number(values.interval);
const scale = values.scale === 'small' ? 'small' : 'large';
const ADMIN = {
  username: 'soak',
  displayName: '长稳测试管理员',
  password: 'Wall-2026-Steady!',
  auditor: { username: 'soak-audit', displayName: '长稳测试审计员', password: 'Wall-2026-Audit!' },
};

const dataDir = mkdtempSync(join(tmpdir(), 'zz-soak-'));
const backend = await openBackend(dataDir, { dailyBackups: false });
const admin = { transport: 'ipc', client: 'soak', jar: memoryJar() } as const;
const must = async (method: string, input: unknown) => {
  const result = await backend.dispatch(method, input, admin);
  if (!result.ok) throw new Error(`${method}：${result.error.message}`);
};
await must('auth.setup', ADMIN);
console.log(`载入${scale === 'large' ? '大规模' : '小规模'}演示数据……`);
await must('system.loadDemo', { scale });

const server = createHttpServer({ dispatch: backend.dispatch, staticDir: resolve('out/renderer') });
const port = await listenOnLoopback(server, 0);
const url = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  // Signed in before the page opens: the context's requests share the browser's cookies, and the
  // page finds its half of the session where it keeps it.
  const login = await context.request.post(`${url}api/auth.login`, {
    data: { username: ADMIN.username, password: ADMIN.password },
    headers: { origin: new URL(url).origin, [APP_HEADER]: APP_HEADER_VALUE },
  });
  if (!login.ok()) throw new Error(`登录失败：${await login.text()}`);
  const key = login.headers()[SESSION_KEY_HEADER] ?? '';
  await context.addInitScript(([name, value]) => localStorage.setItem(name!, value!), [SESSION_KEY_STORAGE, key]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let refreshes = 0;
  await page.route('**/api/board.snapshot', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { data?: { refreshSeconds: number } };
    if (body.data) body.data.refreshSeconds = interval;
    refreshes += 1;
    await route.fulfill({ response, json: body });
  });
  await page.goto(`${url}#/board`);
  await page.locator('[data-testid="board"][data-loaded="true"]').waitFor({ timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { refreshes, heapMb: heap.usedSize / 1_048_576, nodes: dom.nodes, listeners: dom.jsEventListeners };
  };
  const started = Date.now();
  const samples = [await sample()];
  console.log(`大屏已打开，每 ${interval} 秒刷新，运行 ${minutes} 分钟；每分钟记录一次（强制回收后）`);
  console.log('分钟  刷新次数  堆内存 MB  DOM 节点  监听器');
  while (Date.now() - started < minutes * 60_000) {
    await page.waitForTimeout(Math.min(60_000, minutes * 60_000 - (Date.now() - started)));
    const s = await sample();
    samples.push(s);
    const minute = ((Date.now() - started) / 60_000).toFixed(1);
    console.log(
      `${minute.padStart(4)}  ${String(s.refreshes).padStart(8)}  ${s.heapMb.toFixed(2).padStart(9)}  ${String(s.nodes).padStart(8)}  ${String(s.listeners).padStart(6)}`,
    );
  }
  // Steady: the last third's heap no higher than the first third's peak by more than 10%.
  const third = Math.max(1, Math.floor(samples.length / 3));
  const early = Math.max(...samples.slice(0, third).map((s) => s.heapMb));
  const late = Math.max(...samples.slice(-third).map((s) => s.heapMb));
  const steady = late <= early * 1.1 && errors.length === 0;
  console.log(
    `${refreshes} 次刷新；前三分之一堆峰值 ${early.toFixed(2)} MB，后三分之一 ${late.toFixed(2)} MB；页面错误 ${errors.length} 个`,
  );
  console.log(steady ? '结论：内存平稳' : '结论：内存增长或页面出错，请检查');
  process.exitCode = steady ? 0 : 1;
} finally {
  await browser.close();
  server.close();
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
