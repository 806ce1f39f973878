/** One load run against a centre server: the accounts signed in, the workstations at work, the figures. */
import type { Page } from '../../shared/contract/define';
import { signInAccounts, must, type Account } from './centre';
import { CALL_NAMES, wallScreen, workstation } from './mix';
import { createRecorder } from './recorder';
import { summarise, type LoadReport } from './report';
import type { TransportOptions } from './transport';

export interface LoadOptions {
  transport: TransportOptions;
  /** An administrator of the server, who creates the run's accounts. */
  admin: Account;
  workstations: number;
  seconds: number;
  /** A workstation's mean pause between two calls (reading the screen, typing). */
  thinkMs: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const officers = await signInAccounts(options.transport, options.admin, 'duty_officer', options.workstations);
  // The wall screen is the leader's board on the centre's PC (the LAN board's token mode is another server).
  const [wall] = await signInAccounts(options.transport, options.admin, 'leader', 1);
  const clients = [...officers, wall!];
  try {
    const townships = await must<Page<{ code: string }>>(officers[0]!, 'regions.list', {
      level: 'township',
      pageSize: 200,
    });
    const shared = { townships: townships.items.map((t) => t.code), fresh: [] };
    const recorder = createRecorder(CALL_NAMES);
    const started = Date.now();
    const until = started + options.seconds * 1000;
    await Promise.all([
      ...officers.map((client) => workstation(client, recorder, shared, options.thinkMs, until)),
      wallScreen(wall!, recorder, until),
    ]);
    return summarise(recorder, options.workstations, (Date.now() - started) / 1000);
  } finally {
    for (const client of clients) client.close();
  }
}
