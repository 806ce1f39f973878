import type { Session } from './browser';
import { settled } from './settle';

/**
 * Takes one step of the open dispute's drawer: clicks its action, lets `fill` fill the step's
 * dialog, screenshots the dialog if asked, submits and waits for it to close.
 */
export async function disputeStep(
  session: Session,
  action: string,
  fill: () => Promise<void>,
  screenshot?: string,
): Promise<void> {
  const { page } = session;
  await page.getByTestId('dispute-drawer').getByTestId(`dispute-action-${action}`).click();
  const dialog = page.getByTestId('dispute-step-dialog');
  await dialog.waitFor();
  await fill();
  await settled(page);
  if (screenshot) await session.screenshots(screenshot, dialog);
  await page.getByTestId('dispute-step-submit').click();
  await dialog.waitFor({ state: 'hidden' });
}
