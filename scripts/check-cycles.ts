/**
 * `npm run check:cycles`: fails when the project's files import each other in a cycle, type-only
 * imports included, and prints each cycle as a chain of files.
 */
import { rendererAliases } from '../electron.vite.config.ts';
import { findCycles, importGraph } from './import-cycles';

const graph = importGraph(process.cwd(), ['electron', 'shared', 'renderer/src', 'scripts'], rendererAliases);
const cycles = findCycles(graph);
for (const cycle of cycles) console.log(`${cycle.join('\n  → ')}\n`);
console.log(`${graph.size} 个文件，${cycles.length} 个循环引用`);
process.exit(cycles.length === 0 ? 0 : 1);
