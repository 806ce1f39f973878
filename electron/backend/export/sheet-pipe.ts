import type { MessagePort } from 'node:worker_threads';
import { jobOf, type JobBody } from '../workers/job';
import { XlsxWriter, type XlsxColumn, type XlsxHeading } from './xlsx';

/**
 * A worksheet written by one worker thread from rows another one reads: the reader's thread spends
 * its time in SQLite and on the people's values, the writer's on the SpreadsheetML and the zip, so
 * on two cores a large export takes about as long as the slower of the two rather than their sum.
 * The rows cross a MessageChannel as plain cells; the reader waits whenever a few batches are not
 * yet written, so rows never pile up in memory.
 */

export type SheetCell = string | number | null;

/** A column as the writer needs it: the reader has already taken its value from each row. */
export type SheetColumn = Omit<XlsxColumn<never>, 'value'>;

export interface SheetStart {
  sheetName: string;
  columns: SheetColumn[];
  heading?: XlsxHeading;
}

type ToWriter = { type: 'start'; start: SheetStart } | { type: 'rows'; rows: SheetCell[][] } | { type: 'end' };
type ToReader = { type: 'written' } | { type: 'finished' };

/** Batches sent and not yet written that the reader lets stand before it waits. */
const AHEAD = 3;

/** The reader's end: columns and heading first, then batches of rows, then `end`. */
export class SheetSender {
  private waiting = 0;
  private wake: (() => void) | null = null;
  private finished: Promise<void>;

  constructor(
    private readonly port: MessagePort,
    start: SheetStart,
  ) {
    this.finished = new Promise((resolve, reject) => {
      port.on('message', (message: ToReader) => {
        if (message.type === 'finished') return resolve();
        this.waiting -= 1;
        this.wake?.();
      });
      port.on('close', () => reject(new Error('sheet writer went away')));
    });
    // Its failure is the job's, surfaced by `end`.
    this.finished.catch(() => {});
    this.post({ type: 'start', start });
  }

  /** Sends a batch; resolves at once, or once the writer has caught up enough. */
  async add(rows: SheetCell[][]): Promise<void> {
    this.post({ type: 'rows', rows });
    this.waiting += 1;
    while (this.waiting > AHEAD) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
  }

  /** Says the rows are all sent and resolves once the file is written. */
  async end(): Promise<void> {
    this.post({ type: 'end' });
    await this.finished;
    this.port.close();
  }

  private post(message: ToWriter): void {
    this.port.postMessage(message);
  }
}

/** The writer's end: builds the workbook from what arrives and resolves with its bytes. */
export function receiveSheet(port: MessagePort): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let writer: XlsxWriter<SheetCell[]> | null = null;
    let done = false;
    // Batches are written one after another, in the order they came.
    let queue = Promise.resolve();
    const fail = (error: unknown) => {
      done = true;
      port.close();
      reject(error);
    };
    const handle = async (message: ToWriter) => {
      if (done) return;
      if (message.type === 'start') {
        const { sheetName, columns, heading } = message.start;
        const cells = columns.map((column, i) => ({ ...column, value: (row: SheetCell[]) => row[i] ?? null }));
        writer = new XlsxWriter(sheetName, cells, heading);
      } else if (message.type === 'rows') {
        await writer!.add(message.rows);
        port.postMessage({ type: 'written' } satisfies ToReader);
      } else {
        const bytes = await writer!.finish();
        done = true;
        // The reader closes the channel once it has this.
        port.postMessage({ type: 'finished' } satisfies ToReader);
        resolve(bytes);
      }
    };
    port.on('message', (message: ToWriter) => {
      queue = queue.then(() => handle(message)).catch(fail);
    });
    port.on('close', () => {
      if (!done) fail(new Error('sheet reader went away'));
    });
  });
}

/** The writer's job: the port its rows arrive on; the file comes back as base64. */
export const sheetJob = jobOf<{ port: MessagePort }, string>('xlsx.sheet');

export const writeSheet: JobBody<typeof sheetJob> = async ({ port }) => (await receiveSheet(port)).toString('base64');
