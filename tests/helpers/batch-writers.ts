import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Sql } from '../../electron/backend/db/sql';
import { loadAuditKey } from '../../electron/backend/audit/key';
import { fileKeyring } from '../../electron/backend/keys/keyring';
import { verifyChain } from '../../electron/backend/audit/verify';

/** Rows each batch writes, all in one transaction. */
export const BATCH_ROWS = 25;

const CHILD = join(process.cwd(), 'tests', 'helpers', 'batch-child.ts');

export interface Writer {
  child: ChildProcess;
  /** Batches the child printed as committed. */
  committed: number[];
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** Starts a batch-writing child on the data folder (count 0: until killed). */
export function startWriter(dataDir: string, writer: string, count = 0): Writer {
  // Node itself with tsx's loader (not the tsx launcher, whose own child would outlive a SIGKILL).
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, writer, String(count)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const committed: number[] = [];
  let buffered = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') markReady();
      const match = /^committed (\d+)$/.exec(line);
      if (match) committed.push(Number(match[1]));
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, committed, ready, exited };
}

export interface FolderState {
  integrity: string;
  /** Rows per writer:batch; every batch must hold BATCH_ROWS. */
  batches: Map<string, number>;
  chainOk: boolean;
  chainMessage: string;
}

/** Opens the data folder as the app would after a crash, and reads what survived. */
export async function inspectFolder(dataDir: string): Promise<FolderState> {
  const { key } = await loadAuditKey(fileKeyring(dataDir), true);
  const db = new Database(join(dataDir, 'zongzhi.db'));
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'test_batches'").get();
    const rows = hasTable
      ? (db.prepare('SELECT writer, batch, count(*) AS n FROM test_batches GROUP BY writer, batch').all() as Array<{
          writer: string;
          batch: number;
          n: number;
        }>)
      : [];
    const chain = verifyChain(new Sql(db), key, new Date());
    return {
      integrity,
      batches: new Map(rows.map((row) => [`${row.writer}:${row.batch}`, row.n])),
      chainOk: chain.ok,
      chainMessage: chain.message,
    };
  } finally {
    db.close();
  }
}
