/**
 * `npm run serve [-- --port N --data DIR --no-build]`: builds the renderer (unless --no-build)
 * and starts web mode on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { main } from '../electron/backend/http/cli';

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
if (!skipBuild) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('构建失败，网页模式未启动。');
    process.exit(build.status ?? 1);
  }
}
await main(args.filter((arg) => arg !== '--no-build'));
