/** The load's figures per call name and in total, and the table `npm run load` prints. */
import { cpus, loadavg } from 'node:os';
import { printTable } from '../table';
import type { CallStats, Recorder } from './recorder';

/** The target for what an officer waits on most: lists and drawers. */
export const TARGET_P95_MS = 100;
const hasTarget = (name: string) => /\.(list|get)\b/.test(name);

export interface CallSummary {
  name: string;
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  conflicts: number;
  errors: number;
  /** Lists and drawers: p95 under TARGET_P95_MS; null where no target applies or nothing was called. */
  withinTarget: boolean | null;
}

export interface LoadReport {
  workstations: number;
  seconds: number;
  calls: CallSummary[];
  total: { count: number; perSecond: number; conflicts: number; errors: number };
  errorMessages: Array<{ message: string; count: number }>;
}

/** The sample at `share` of the sorted list (nearest rank). */
const at = (sorted: number[], share: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]! : 0;

function summariseCall(stats: CallStats, seconds: number): CallSummary {
  const sorted = [...stats.samples].sort((a, b) => a - b);
  const p95 = at(sorted, 0.95);
  return {
    name: stats.name,
    count: sorted.length,
    perSecond: sorted.length / seconds,
    p50: at(sorted, 0.5),
    p95,
    p99: at(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
    conflicts: stats.conflicts,
    errors: stats.errors,
    withinTarget: hasTarget(stats.name) && sorted.length ? p95 < TARGET_P95_MS : null,
  };
}

export function summarise(recorder: Recorder, workstations: number, seconds: number): LoadReport {
  const calls = recorder.stats().map((stats) => summariseCall(stats, seconds));
  const sum = (pick: (c: CallSummary) => number) => calls.reduce((n, c) => n + pick(c), 0);
  const count = sum((c) => c.count);
  return {
    workstations,
    seconds,
    calls,
    total: { count, perSecond: count / seconds, conflicts: sum((c) => c.conflicts), errors: sum((c) => c.errors) },
    errorMessages: [...recorder.errorMessages()].map(([message, n]) => ({ message, count: n })),
  };
}

/** The machine's load, as the bench prints it: on a busy machine every figure is slower. */
export const machineLine = (when: string) =>
  `${when}机器负载（1/5/15 分钟平均）：${loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')}，${cpus().length} 核`;

export function printReport(report: LoadReport): void {
  const ms = (n: number) => n.toFixed(1);
  const verdict = (c: CallSummary) => (c.withinTarget === null ? '—' : c.withinTarget ? '达标' : '未达标');
  printTable(
    ['调用', '次数', '次/秒', 'p50 ms', 'p95 ms', 'p99 ms', '最大 ms', '冲突', '错误', `p95<${TARGET_P95_MS}ms`],
    report.calls.map((c) => [
      c.name,
      String(c.count),
      c.perSecond.toFixed(2),
      ms(c.p50),
      ms(c.p95),
      ms(c.p99),
      ms(c.max),
      String(c.conflicts),
      String(c.errors),
      verdict(c),
    ]),
  );
  const { total } = report;
  console.log(
    `合计：${report.workstations} 个工作站 ${report.seconds.toFixed(1)} 秒内 ${total.count} 次调用，${total.perSecond.toFixed(1)} 次/秒；` +
      `冲突 ${total.conflicts} 次（两个工作站争改同一记录，属预期结果），错误 ${total.errors} 次`,
  );
  for (const { message, count } of report.errorMessages) console.log(`  错误 ×${count}：${message}`);
}
