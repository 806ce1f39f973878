import { spawnSync } from 'node:child_process';

/** Builds the app once for all e2e files; each test then starts web mode with --no-build. */
export default function setup(): void {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('electron-vite build 失败，端到端测试无法进行');
}
