import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { messagesGone, settled } from './settle';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export function findChromium(): string {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (!found)
    throw new Error(
      '未找到 Chromium：请安装 chromium（Debian: apt-get install -y chromium fonts-wqy-microhei）或设置 CHROMIUM_PATH',
    );
  return found;
}

export const SCREENSHOT_DIR = 'test-results/screenshots';

/** The window sizes every screen is looked at in: the wall-side workstation and a small laptop. */
export const SCREENSHOT_VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
] as const;

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request that tried to leave the machine (blocked). The app must make none. */
  offMachineRequests: string[];
  /** Console errors and page errors seen so far. */
  pageErrors: string[];
  screenshot(name: string): Promise<string>;
  /**
   * `${name}-1920x1080.png` and `${name}-1366x768.png`, with `subject` (if any) scrolled to the
   * middle and no message toast left over; the window is then put back to its size.
   */
  screenshots(name: string, subject?: Locator): Promise<void>;
  close(): Promise<void>;
}

/** The sessions open now, for a failed test to describe (support/on-failure.ts). */
const live = new Set<Session>();
export const liveSessions = (): readonly Session[] => [...live];

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

/** A headless system Chromium with a throwaway profile, blocking and recording any off-machine request. */
export async function openSession(viewport = { width: 1440, height: 900 }, args: string[] = []): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      ...args,
    ],
  });
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const offMachineRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offMachineRequests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // A typed error envelope arrives with its HTTP status (401 for a wrong password…); Chromium
    // logs those as failed resources. Only server faults (5xx) count as page errors.
    const expectedRefusal = /Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
    if (message.type() === 'error' && !expectedRefusal) pageErrors.push(message.text());
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const session: Session = {
    browser,
    context,
    page,
    offMachineRequests,
    pageErrors,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async screenshots(name, subject) {
      await messagesGone(page);
      for (const size of SCREENSHOT_VIEWPORTS) {
        await page.setViewportSize(size);
        await subject?.evaluate((element) => element.scrollIntoView({ block: 'center' }));
        await settled(page);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${size.width}x${size.height}.png`) });
      }
      await page.setViewportSize(viewport);
    },
    async close() {
      live.delete(session);
      await browser.close();
    },
  };
  live.add(session);
  return session;
}
