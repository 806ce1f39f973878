/**
 * Loads the made-up demo county into a data folder with the same service the app's
 * `system.loadDemo` uses; or, with --write-boundary, rewrites the committed demo boundary file.
 *
 *   npm run demo -- [--data DIR] [--scale small|large] [--seed N]
 *   npm run demo -- --write-boundary
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contract } from '../shared/contract';
import type { DemoSummary } from '../shared/contract/system';
import { AppError } from '../shared/errors';
import { validationDetails } from '../shared/contract/validation';
import { memoryJar } from '../electron/backend/api/memory-jar';
import { openBackend } from '../electron/backend/app';
import { loadDemo } from '../electron/backend/features/system/service';
import { boundaryFileText } from '../electron/backend/demo/boundary';
import { DEFAULT_DEMO_OPTIONS, generateDemoCounty } from '../electron/backend/demo/generate';

const USAGE = `用法：
  npm run demo -- [--data 数据目录] [--scale small|large] [--seed 正整数]
      向空数据目录载入虚构的演示县（默认目录 ./demo-data，小规模，种子 ${DEFAULT_DEMO_OPTIONS.seed}）
  npm run demo -- --write-boundary
      按默认种子、小规模重新生成 resources/demo-county/townships.geojson`;

const BOUNDARY_FILE = fileURLToPath(new URL('../resources/demo-county/townships.geojson', import.meta.url));
const SCALE_LABELS: Record<string, string> = { small: '小规模', large: '大规模' };

function readArgs() {
  try {
    return parseArgs({
      options: {
        data: { type: 'string', default: 'demo-data' },
        scale: { type: 'string' },
        seed: { type: 'string' },
        'write-boundary': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`参数有误：${(error as Error).message}\n\n${USAGE}`);
    process.exit(1);
  }
}

function writeBoundary(): void {
  const { boundary } = generateDemoCounty(DEFAULT_DEMO_OPTIONS);
  mkdirSync(dirname(BOUNDARY_FILE), { recursive: true });
  writeFileSync(BOUNDARY_FILE, boundaryFileText(boundary.collection));
  console.log(`已写入演示边界（${boundary.collection.features.length} 个乡镇/街道，虚构数据）：${BOUNDARY_FILE}`);
}

const count = (n: number) => n.toLocaleString('zh-CN');

function printSummary(summary: DemoSummary, scale: string, seed: number): void {
  console.log(`已载入虚构的演示县“${summary.county}”（${SCALE_LABELS[scale] ?? scale}，种子 ${seed}）：`);
  console.log(
    `  乡镇/街道 ${count(summary.townships)} 个，村/社区 ${count(summary.villages)} 个，网格 ${count(summary.grids)} 个，` +
      `承办单位 ${count(summary.units)} 个，领导与责任人 ${count(summary.people)} 人`,
  );
  console.log('  区划、单位、人员与乡镇边界均为虚构的演示数据，不对应任何真实地方。');
}

async function main(): Promise<number> {
  const args = readArgs();
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args['write-boundary']) {
    if (args.scale !== undefined || args.seed !== undefined) {
      console.error('--write-boundary 只按默认种子、小规模生成，不能与 --scale 或 --seed 同用。');
      return 1;
    }
    writeBoundary();
    return 0;
  }
  const parsed = contract['system.loadDemo'].input.safeParse({
    scale: args.scale,
    seed: args.seed === undefined ? undefined : Number(args.seed),
  });
  if (!parsed.success) {
    const problems = validationDetails(parsed.error).map((d) => `--${d.path} ${d.message}`);
    console.error(`参数有误：${problems.join('；')}\n\n${USAGE}`);
    return 1;
  }
  const { scale, seed } = parsed.data;
  const dataDir = resolve(args.data);
  console.log(`演示数据目录：${dataDir}`);
  const backend = await openBackend(dataDir);
  try {
    // A command on this machine with the data folder in hand, like the sqlite3 shell: it needs no
    // account, and its work is audited as the command's.
    const ctx = {
      ...backend.services,
      call: { transport: 'ipc' as const, client: 'cli', jar: memoryJar() },
      principal: null,
    };
    const summary = loadDemo(ctx, { scale, seed }, { userId: null, username: 'npm run demo', roles: [] });
    printSummary(summary, scale, seed);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    backend.close();
  }
}

process.exitCode = await main();
