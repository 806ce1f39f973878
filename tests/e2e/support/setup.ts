import { createAccount, type Account } from './accounts';
import { signIn } from './auth';
import { openSession, type Session } from './browser';
import { E2E_ADMIN, startWebApp, type WebApp } from './serve';

/** The window most ledger screens are worked in. */
export const WIDE_VIEWPORT = { width: 1600, height: 1000 };

export interface AppStart {
  /**
   * What the app holds at start: the small demo county with the administrator E2E_ADMIN (the
   * default), the administrator alone (no county yet), or nothing at all (first run).
   */
  data?: 'demo' | 'admin' | 'empty';
  /** Accounts the administrator makes, each with its own password already set (createAccount). */
  accounts?: readonly Account[];
  /** The browser's window; openSession's own when unset. */
  viewport?: { width: number; height: number };
  /** More flags for the browser, once the app has started (its pinned certificate). */
  browserArgs?: (app: WebApp) => string[];
  /** The page signs in as this account once everything else is ready. */
  signInAs?: { username: string; password: string };
  /** startWebApp's options: more flags, when the background integrity check starts. */
  args?: string[];
  integrityCheckDelayMs?: number;
}

/**
 * The start of an e2e file: `npm run serve` on a fresh data folder, the accounts, one browser
 * session. When any step fails, what had started is stopped before the error goes on.
 */
export async function startApp(options: AppStart = {}): Promise<{ app: WebApp; session: Session }> {
  const { data = 'demo', accounts = [], viewport, browserArgs, signInAs, args, integrityCheckDelayMs } = options;
  const app = await startWebApp({ demo: data === 'demo' ? 'small' : undefined, args, integrityCheckDelayMs });
  let session: Session | undefined;
  try {
    if (data === 'admin') {
      const setup = await app.api('auth.setup', E2E_ADMIN);
      if (!setup.ok) throw new Error(`初始化管理员失败：${setup.error?.message}`);
    }
    for (const account of accounts) await createAccount(app.url, app.api, account);
    session = await openSession(viewport, browserArgs?.(app));
    if (signInAs) await signIn(session.page, app.url, signInAs.username, signInAs.password);
    return { app, session };
  } catch (failure) {
    await stopApp(app, session);
    throw failure;
  }
}

/** The end of an e2e file: closes the browser sessions, then stops the app (whichever started). */
export async function stopApp(app: WebApp | undefined, ...sessions: Array<Session | undefined>): Promise<void> {
  for (const session of sessions) await session?.close();
  await app?.stop();
}
