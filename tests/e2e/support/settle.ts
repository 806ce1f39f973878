import type { Page } from 'playwright-core';

/**
 * Waits until the page stands still, so a screenshot shows it whole: no Vue transition under way
 * (dialogs, drawers, message boxes, dropdowns and fields' error marks coming or going carry a
 * `*-enter-active` or `*-leave-active` class until they are done), no finite CSS animation or
 * transition running (a drawer sliding in; endless ones such as spinners do not count), and no
 * loading mask showing.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    if (document.querySelector('[class*="-enter-active"], [class*="-leave-active"]')) return false;
    const moving = document
      .getAnimations()
      .some((animation) => animation.playState === 'running' && animation.effect?.getTiming().iterations !== Infinity);
    if (moving) return false;
    return Array.from(document.querySelectorAll('.el-loading-mask')).every(
      (mask) => !(mask as HTMLElement).checkVisibility(),
    );
  });
}

/** Waits until no message toast shows (each fades out after 3 s), so a screenshot shows the page itself. */
export async function messagesGone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.el-message').length === 0, null, { timeout: 10_000 });
}
