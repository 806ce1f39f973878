/**
 * The export's workbook alone, without a database: 100,000 generated rows of the petition ledger's
 * 17 columns written by `export/xlsx.ts`, and the same rows by ExcelJS's streaming writer (the one
 * it replaced) for comparison. Median of a few runs, with the machine's load printed.
 *
 *   npx tsx scripts/bench-export.ts [--rows 100000] [--runs 3]
 */
import { loadavg } from 'node:os';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { XlsxWriter, type XlsxColumn } from '../electron/backend/export/xlsx';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const CHUNK = 1000;

type Row = (string | number | null)[];
const HEADERS = [
  '案件编号',
  '乡镇/街道',
  '问题类别',
  '事项类型',
  '状态',
  '诉求摘要',
  '信访人',
  '身份证号',
  '联系电话',
  '信访人数',
  '信访次数',
  '最高层级',
  '登记日期',
  '承办单位',
  '包案领导',
  '办理时限',
  '期限状态',
];
const DATES = new Set([12, 15]);
const COLUMNS: XlsxColumn<Row>[] = HEADERS.map((header, i) => ({
  header,
  width: i === 5 ? 40 : 12,
  kind: DATES.has(i) ? 'date' : 'text',
  value: (row) => row[i] ?? null,
}));

const rowOf = (n: number): Row => [
  `XF2026-${String(n).padStart(6, '0')}`,
  ['城关镇', '东关街道', '河口乡'][n % 3]!,
  '征地拆迁',
  '信访事项',
  '办理中',
  `关于某村第${n % 97}组土地征收补偿款发放不到位的诉求，要求尽快解决`,
  '张*、李*',
  '110***********1234',
  '138****5678',
  1 + (n % 3),
  1 + (n % 5),
  '市级',
  `2026-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
  '县自然资源局',
  '王某某',
  '2026-12-31',
  '正常',
];
const chunks = Array.from({ length: Math.ceil(ROWS / CHUNK) }, (_, c) =>
  Array.from({ length: Math.min(CHUNK, ROWS - c * CHUNK) }, (_, i) => rowOf(c * CHUNK + i + 1)),
);

async function ours(): Promise<number> {
  const writer = new XlsxWriter('积案台账', COLUMNS, {
    title: '演示县社会治理综合服务中心积案台账',
    description: '筛选条件：全部',
  });
  for (const chunk of chunks) await writer.add(chunk);
  return (await writer.finish()).length;
}

/** ExcelJS as the export used it: streaming, styles on, strings inline, each row committed. */
async function excelJs(): Promise<number> {
  const stream = new PassThrough();
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('积案台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  for (const chunk of chunks) for (const row of chunk) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return bytes;
}

async function timed(label: string, write: () => Promise<number>): Promise<void> {
  const ms: number[] = [];
  let size = 0;
  for (let n = 0; n < RUNS; n += 1) {
    const started = performance.now();
    size = await write();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label}：${ROWS.toLocaleString('zh-CN')} 行，中位 ${(ms[Math.floor(RUNS / 2)]! / 1000).toFixed(2)} s，` +
      `最慢 ${(ms.at(-1)! / 1000).toFixed(2)} s，文件 ${(size / 1e6).toFixed(1)} MB（负载 ${loadavg()[0]!.toFixed(1)}）`,
  );
}

await timed('export/xlsx.ts', ours);
await timed('ExcelJS 流式写入', excelJs);
