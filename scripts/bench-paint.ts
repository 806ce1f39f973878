/**
 * The bench's paint case: the wall display opened cold in headless Chromium, as a wall PC on the
 * LAN opens it each morning (`/wall?token=…` on the board's own server, scripts and data served
 * from this process). Per run, a fresh browser context (no cache): first contentful paint, the
 * moment the map's ECharts `finished` event set `data-ready="true"` (EChart.vue), and the JavaScript
 * fetched before the first data request. Median and p95 over the runs, the machine's load printed.
 *
 *   npm run bench -- --only paint [--scale small|large] [--no-build]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { memoryJar } from '../electron/backend/api/memory-jar';
import { openBackend } from '../electron/backend/app';
import { displayCall } from '../electron/backend/auth/display';
import { createBoardServer } from '../electron/backend/http/board-server';
import { listenOnLoopback } from '../electron/backend/http/server';

export const PAINT_TARGETS = { firstPaintMs: 1500, mapDrawnMs: 2500 } as const;
const RUNS = 7;
const TOKEN = 'bench-paint-token-0123456789abcdef';
const ADMIN = {
  username: 'firstscreen',
  displayName: '首屏测试管理员',
  password: 'Wall-2026-Paint!',
  auditor: { username: 'firstscreen-audit', displayName: '首屏测试审计员', password: 'Wall-2026-Audit!' },
};

interface PaintRun {
  firstPaintMs: number;
  mapDrawnMs: number;
  /** JavaScript (decoded bytes, files) fetched before the first request for the board's data. */
  scriptBytesBeforeData: number;
  scriptFilesBeforeData: number;
  scriptBytesTotal: number;
  dataRequestAtMs: number;
}

export interface PaintResult {
  scale: 'small' | 'large';
  runs: PaintRun[];
  firstPaint: { p50Ms: number; p95Ms: number };
  mapDrawn: { p50Ms: number; p95Ms: number };
  load: { start: number[]; end: number[] };
}

const quantile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
};

/** What the page measured of itself once the map was drawn (run in the page: plain JavaScript). */
const MEASURE = `(() => {
  const resources = performance.getEntriesByType('resource');
  const data = resources.filter((r) => r.name.includes('/board-api/') || r.name.includes('/api/board.'));
  const dataAt = Math.min(...data.map((r) => r.startTime));
  const scripts = resources.filter((r) => /\\.js(\\?|$)/.test(r.name));
  const before = scripts.filter((r) => r.startTime < dataAt);
  return {
    firstPaintMs: window.__firstPaintAt,
    mapDrawnMs: window.__mapDrawnAt,
    scriptBytesBeforeData: before.reduce((sum, r) => sum + r.decodedBodySize, 0),
    scriptFilesBeforeData: before.length,
    scriptBytesTotal: scripts.reduce((sum, r) => sum + r.decodedBodySize, 0),
    dataRequestAtMs: dataAt,
  };
})()`;

/**
 * Notes the first contentful paint and the moment the map's chart reports itself drawn (run before
 * any script of the page).
 */
const WATCH_MAP = `new PerformanceObserver((list) => {
  const paint = list.getEntriesByName('first-contentful-paint')[0];
  if (paint) window.__firstPaintAt = paint.startTime;
}).observe({ type: 'paint', buffered: true });
new MutationObserver((_, observer) => {
  if (!document.querySelector('[data-testid="board-map"][data-ready="true"]')) return;
  window.__mapDrawnAt = performance.now();
  observer.disconnect();
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });`;

export async function benchPaint(options: { scale: 'small' | 'large'; build: boolean }): Promise<PaintResult> {
  const start = loadavg();
  if (options.build) {
    console.log('构建界面（electron-vite build）……');
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'zz-paint-'));
  // The start-up integrity check runs at once, on the empty file, not over the loaded demo while the wall paints.
  const backend = await openBackend(dataDir, { dailyBackups: false, integrityCheckDelayMs: 0 });
  const admin = { transport: 'ipc', client: 'bench-paint', jar: memoryJar() } as const;
  const must = async (method: string, input: unknown) => {
    const result = await backend.dispatch(method, input, admin);
    if (!result.ok) throw new Error(`${method}：${result.error.message}`);
  };
  const wall = displayCall(backend, 'http', 'bench-wall');
  const server = createBoardServer({
    token: TOKEN,
    staticDir: resolve('out/renderer'),
    snapshot: () => backend.dispatch('board.snapshot', {}, wall),
    boundary: () => backend.dispatch('board.boundary', {}, wall),
    changes: (send) => backend.services.live.listen(({ change }) => send({ topic: change.topic, kind: change.kind })),
  });
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
    await must('auth.setup', ADMIN);
    await must('system.loadDemo', { scale: options.scale });
    const port = await listenOnLoopback(server, 0);
    const runs: PaintRun[] = [];
    // One run unmeasured first: the backend's first snapshot fills its caches, as the wall's refreshes find them.
    for (let n = 0; n <= RUNS; n += 1) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
      try {
        await context.addInitScript({ content: WATCH_MAP });
        const page = await context.newPage();
        await page.goto(`http://127.0.0.1:${port}/wall?token=${TOKEN}`);
        await page.locator('[data-testid="board-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
        // A function, not a string: the page's CSP allows no eval.
        await page.waitForFunction(() => {
          const marks = globalThis as { __mapDrawnAt?: number; __firstPaintAt?: number };
          return marks.__mapDrawnAt !== undefined && marks.__firstPaintAt !== undefined;
        });
        const run = (await page.evaluate(MEASURE)) as PaintRun;
        if (n > 0) runs.push(run);
      } finally {
        await context.close();
      }
    }
    const of = (key: 'firstPaintMs' | 'mapDrawnMs') => ({
      p50Ms: quantile(
        runs.map((r) => r[key]),
        0.5,
      ),
      p95Ms: quantile(
        runs.map((r) => r[key]),
        0.95,
      ),
    });
    return {
      scale: options.scale,
      runs,
      firstPaint: of('firstPaintMs'),
      mapDrawn: of('mapDrawnMs'),
      load: { start, end: loadavg() },
    };
  } finally {
    await browser.close();
    server.close();
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printPaint(result: PaintResult): void {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const first = result.runs[0]!;
  const reached = (value: number, target: number) => (value < target ? '达到' : '未达到');
  console.log(
    `\n大屏首屏（/wall，${result.scale === 'large' ? '大规模' : '小规模'}演示县，无缓存冷启动，${result.runs.length} 次，` +
      `负载 ${result.load.start.map((l) => l.toFixed(1)).join(' ')} → ${result.load.end.map((l) => l.toFixed(1)).join(' ')}）：`,
  );
  console.log(
    `  首次内容绘制 p50 ${ms(result.firstPaint.p50Ms)}，p95 ${ms(result.firstPaint.p95Ms)}；` +
      `目标 < ${PAINT_TARGETS.firstPaintMs} ms：${reached(result.firstPaint.p50Ms, PAINT_TARGETS.firstPaintMs)}`,
  );
  console.log(
    `  地图绘制完成 p50 ${ms(result.mapDrawn.p50Ms)}，p95 ${ms(result.mapDrawn.p95Ms)}；` +
      `目标 < ${PAINT_TARGETS.mapDrawnMs} ms：${reached(result.mapDrawn.p50Ms, PAINT_TARGETS.mapDrawnMs)}`,
  );
  console.log(
    `  首个数据请求前载入脚本 ${first.scriptFilesBeforeData} 个、${kb(first.scriptBytesBeforeData)}（全部脚本 ${kb(first.scriptBytesTotal)}）；` +
      `数据请求开始于 p50 ${ms(
        quantile(
          result.runs.map((r) => r.dataRequestAtMs),
          0.5,
        ),
      )}`,
  );
}
