/**
 * `npm test`: typecheck, lint, format and import-cycle checks, then every Vitest project (unit,
 * component, e2e).
 * Every step runs even when an earlier one fails; the last line counts each check and each test:
 * `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
}

const tally: Tally = { passed: 0, failed: 0 };

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
}

function check(label: string, command: string, args: string[]): void {
  const passed = run(label, command, args);
  tally[passed ? 'passed' : 'failed'] += 1;
  console.log(`== ${label}: ${passed ? '通过' : '失败'}`);
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{ status: string; assertionResults: unknown[]; name: string }>;
}

function vitest(): void {
  mkdirSync('test-results', { recursive: true });
  const report = 'test-results/vitest.json';
  const exitedOk = run('tests', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ]);
  let parsed: VitestReport;
  try {
    parsed = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
  } catch {
    console.log('== tests: 未生成测试报告，按失败计');
    tally.failed += 1;
    return;
  }
  // A file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = parsed.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  );
  for (const file of brokenFiles) console.log(`== 无法加载的测试文件：${file.name}`);
  tally.passed += parsed.numPassedTests;
  tally.failed += parsed.numFailedTests + brokenFiles.length;
  if (!exitedOk && parsed.numFailedTests + brokenFiles.length === 0) tally.failed += 1;
}

check('typecheck shared', 'npx', ['tsc', '--noEmit', '--composite', 'false', '-p', 'tsconfig.shared.json']);
check('typecheck node', 'npx', ['tsc', '--noEmit', '--composite', 'false', '-p', 'tsconfig.node.json']);
check('typecheck e2e', 'npx', ['tsc', '--noEmit', '--composite', 'false', '-p', 'tsconfig.e2e.json']);
check('typecheck web', 'npx', ['vue-tsc', '--noEmit', '--composite', 'false', '-p', 'tsconfig.web.json']);
check('eslint', 'npx', ['eslint', '.']);
check('prettier', 'npx', ['prettier', '--check', '.']);
check('import cycles', 'npx', ['tsx', 'scripts/check-cycles.ts']);
vitest();

console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
