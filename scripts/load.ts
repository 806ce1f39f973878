/**
 * `npm run load`: N duty officers' workstations (default 30) and the wall screen working a centre
 * server for a fixed time (default 60 s) with a realistic mix and think time; prints per call its
 * count, throughput, p50/p95/p99/max, conflicts and errors, and exits non-zero on any error (a
 * CONFLICT between two workstations racing for one record is counted apart, not as an error).
 *
 *   npm run load -- [--workstations 30] [--seconds 60] [--think 1500] [--scale large|small]
 *   npm run load -- --url http://127.0.0.1:5710 --admin NAME --admin-password PASSWORD [...]
 *
 * Without --url it prepares a temp data folder (the demo county at --scale, default large: about a
 * minute and a half on a quiet 2-core machine) and starts the centre server on it on a free loopback port.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEMO_SCALES, type DemoScale } from '../shared/contract/system';
import { LOAD_ADMIN, startCentre, type Centre } from './load/centre';
import { machineLine, printReport } from './load/report';
import { runLoad } from './load/run';

const USAGE = `用法：npm run load -- [--workstations 30] [--seconds 60] [--think 1500] [--scale large|small]
      [--url 服务器地址 --admin 管理员用户名 --admin-password 密码] [--ca 证书文件]`;

function readOptions() {
  const { values } = parseArgs({
    options: {
      workstations: { type: 'string', default: '30' },
      seconds: { type: 'string', default: '60' },
      think: { type: 'string', default: '1500' },
      scale: { type: 'string', default: 'large' },
      url: { type: 'string' },
      admin: { type: 'string' },
      'admin-password': { type: 'string' },
      ca: { type: 'string' },
    },
    strict: true,
  });
  const count = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} 应为不小于 ${min} 的整数：${text}`);
    return n;
  };
  if (!(DEMO_SCALES as readonly string[]).includes(values.scale))
    throw new Error(`--scale 只能是 small 或 large：${values.scale}`);
  if (values.url && !(values.admin && values['admin-password'])) {
    throw new Error('连接已运行的服务器（--url）时须给出 --admin 与 --admin-password');
  }
  return {
    workstations: count('workstations', values.workstations, 1),
    seconds: count('seconds', values.seconds, 1),
    thinkMs: count('think', values.think, 0),
    scale: values.scale as DemoScale,
    url: values.url,
    admin: values.url ? { username: values.admin!, password: values['admin-password']! } : LOAD_ADMIN,
    ca: values.ca,
  };
}

async function main(): Promise<number> {
  let options;
  try {
    options = readOptions();
  } catch (error) {
    console.error(`参数有误：${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let centre: Centre | null = null;
  if (!options.url) {
    console.log(`准备中心服务器：载入${options.scale === 'large' ? '大规模' : '小规模'}演示数据……`);
    const preparing = performance.now();
    centre = await startCentre(options.scale);
    console.log(`中心服务器已启动：${centre.url}（准备用时 ${((performance.now() - preparing) / 1000).toFixed(0)} s）`);
  }
  try {
    const ca = options.ca === undefined ? undefined : readFileSync(options.ca, 'utf8');
    const transport = { baseUrl: options.url ?? centre!.url, ca };
    console.log(
      `${options.workstations} 个工作站与 1 块大屏，运行 ${options.seconds} 秒，平均思考 ${options.thinkMs} ms`,
    );
    console.log(machineLine('开始时'));
    const report = await runLoad({ ...options, transport });
    console.log(machineLine('结束时'));
    printReport(report);
    return report.total.errors === 0 ? 0 : 1;
  } finally {
    await centre?.stop();
  }
}

process.exitCode = await main();
