import { join } from 'node:path';
import { beforeEach } from 'vitest';
import { liveSessions, SCREENSHOT_DIR, type Session } from './browser';

/**
 * When an end-to-end test fails, every open browser page tells what it showed at that moment, in
 * the test's output: its address, the page errors it logged, the dialogs and drawers open, and a
 * screenshot `failure-<test>.png`. A failure on CI, where nothing else is kept, then explains itself.
 */
beforeEach(({ onTestFailed, task }) => {
  onTestFailed(async () => {
    for (const [index, session] of liveSessions().entries()) await describe(session, `${task.name}-${index}`);
  });
});

async function describe(session: Session, name: string): Promise<void> {
  const { page } = session;
  const file = join(SCREENSHOT_DIR, `failure-${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`);
  const open = await page
    .locator('.el-dialog, .el-drawer, .el-message-box')
    .evaluateAll((elements) =>
      elements
        .filter((element) => (element as HTMLElement).checkVisibility())
        .map(
          (element) =>
            `${element.getAttribute('data-testid') ?? element.className}: ${element.textContent?.trim().slice(0, 160)}`,
        ),
    )
    .catch((error: Error) => [`（无法读取页面：${error.message}）`]);
  await page.screenshot({ path: file }).catch(() => undefined);
  console.log(
    [
      `== 失败时的页面（${name}）：${page.url()}`,
      `页面错误：${session.pageErrors.length ? session.pageErrors.join(' | ') : '无'}`,
      `打开的对话框与抽屉：${open.length ? open.join(' | ') : '无'}`,
      `截图：${file}`,
    ].join('\n'),
  );
}
