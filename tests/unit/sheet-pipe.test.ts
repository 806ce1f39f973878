import { MessageChannel } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { receiveSheet, SheetSender, sheetJob, type SheetCell } from '../../electron/backend/export/sheet-pipe';
import { Workers } from '../../electron/backend/workers/runner';

const START = {
  sheetName: '矛盾纠纷台账',
  columns: [
    { header: '编号', width: 16 },
    { header: '登记日期', width: 12, kind: 'date' as const },
    { header: '涉及人数', width: 8, kind: 'number' as const },
  ],
  heading: { title: '测试县矛盾纠纷台账', description: '筛选条件：全部' },
};

const rowsFrom = (from: number, n: number): SheetCell[][] =>
  Array.from({ length: n }, (_, i) => [`JF2026-${String(from + i).padStart(6, '0')}`, '2026-03-05', from + i]);

async function cellsOf(bytes: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Uint8Array.from(bytes).buffer);
  const rows: unknown[][] = [];
  book.getWorksheet('矛盾纠纷台账')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('a worksheet written by one thread from rows another sends', () => {
  it('writes every batch in the order sent, under its title and header, and only then says it is finished', async () => {
    const { port1, port2 } = new MessageChannel();
    const written = receiveSheet(port2);
    const sender = new SheetSender(port1, START);
    // More batches than the sender lets stand unwritten: it waits for the writer, then goes on.
    for (let batch = 0; batch < 6; batch += 1) await sender.add(rowsFrom(batch * 500 + 1, 500));
    await sender.end();
    const rows = await cellsOf(await written);
    // The title and the filter line are merged across the columns.
    expect(rows[0]![0]).toBe('测试县矛盾纠纷台账');
    expect(rows[1]![0]).toBe('筛选条件：全部');
    expect(rows[2]).toEqual(['编号', '登记日期', '涉及人数']);
    expect(rows).toHaveLength(3 + 3000);
    expect(rows[3]).toEqual(['JF2026-000001', new Date(Date.UTC(2026, 2, 5)), 1]);
    expect(rows.at(-1)).toEqual(['JF2026-003000', new Date(Date.UTC(2026, 2, 5)), 3000]);
  });

  it('fails the writer when the reader goes away before the end, and the reader when the writer does', async () => {
    const first = new MessageChannel();
    const written = receiveSheet(first.port2);
    await new SheetSender(first.port1, START).add(rowsFrom(1, 10));
    first.port1.close();
    await expect(written).rejects.toThrow('sheet reader went away');

    const second = new MessageChannel();
    const sender = new SheetSender(second.port1, START);
    second.port2.close();
    await expect(sender.end()).rejects.toThrow('sheet writer went away');
  });

  it('stops a linked job’s worker when its signal aborts, rejecting with the reason', async () => {
    const workers = new Workers();
    const { port1, port2 } = new MessageChannel();
    const stop = new AbortController();
    // The writer waits for rows that never come: only the abort ends it.
    const running = workers.run(sheetJob, { port: port2 }, { transfer: [port2], signal: stop.signal });
    new SheetSender(port1, START);
    stop.abort(new Error('读取失败'));
    await expect(running).rejects.toThrow('读取失败');
    port1.close();
  });
});
