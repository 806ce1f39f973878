/**
 * A child process for the crash and concurrency tests: `tsx batch-child.ts DATA_DIR WRITER COUNT`.
 * Opens the data folder through the app's own open path and writes batches of BATCH_ROWS rows, each
 * in one BEGIN IMMEDIATE transaction with its audit row (the app's writer), printing
 * `committed <n>` after each commit. COUNT 0 writes until killed.
 */
import { openDatabase } from '../../electron/backend/db/database';
import { Sql } from '../../electron/backend/db/sql';
import { loadAuditKey } from '../../electron/backend/audit/key';
import { fileKeyring } from '../../electron/backend/keys/keyring';
import { appendAudit } from '../../electron/backend/audit/writer';
import { BATCH_ROWS } from './batch-writers';

const [dataDir, writer = 'w', countText = '0'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: batch-child DATA_DIR WRITER COUNT');
const { db } = await openDatabase(dataDir);
const sql = new Sql(db);
db.exec(
  'CREATE TABLE IF NOT EXISTS test_batches (writer TEXT NOT NULL, batch INTEGER NOT NULL, i INTEGER NOT NULL, pad TEXT NOT NULL) STRICT',
);
const ctx = {
  sql,
  now: () => new Date(),
  auditKey: (await loadAuditKey(fileKeyring(dataDir), true)).key,
  // The child writes in a tight loop that never yields: the head is anchored by the backend that opens the folder next.
  auditHead: { touch: () => {} },
  call: { transport: 'ipc' as const, client: `writer-${writer}`, jar: { get: () => undefined, set: () => {} } },
  principal: null,
};
const insert = db.prepare('INSERT INTO test_batches (writer, batch, i, pad) VALUES (?, ?, ?, ?)');
const start =
  (db.prepare('SELECT coalesce(max(batch), 0) FROM test_batches WHERE writer = ?').pluck().get(writer) as number) + 1;
const count = Number(countText);
process.stdout.write('ready\n');
for (let batch = start; count === 0 || batch < start + count; batch += 1) {
  sql.transaction(() => {
    for (let i = 0; i < BATCH_ROWS; i += 1) insert.run(writer, batch, i, 'x'.repeat(200));
    appendAudit(ctx, { action: 'test.batch', entity: 'test_batches', detail: `${writer}:${batch}` });
  });
  process.stdout.write(`committed ${batch}\n`);
}
db.close();
