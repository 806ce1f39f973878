/**
 * The import graph of the project's own files and its cycles. Every import counts, type-only ones
 * included: `import type`, `export type … from`, `import('…')` in a type and a dynamic `import()`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { parse as parseSfc } from 'vue/compiler-sfc';

/** Maps an import prefix to a folder, as Vite's `resolve.alias` does (`'@'` matches `@` and `@/…`). */
export type Aliases = Record<string, string>;

/** Each file (relative to the root, with `/`) and the project files it imports. */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|vue)$/;
const CANDIDATE_SUFFIXES = ['', '.ts', '.vue', '/index.ts'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => SOURCE.test(name))
    .map((name) => join(folder, name));
}

function specifiers(code: string, fileName: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      found.push((node.argument.literal as ts.StringLiteral).text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return found;
}

/** The code of a .vue file's `<script>` and `<script setup>` blocks, or a .ts file as it is. */
function scriptCode(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.vue')) return text;
  const { descriptor } = parseSfc(text, { filename: file });
  return [descriptor.script, descriptor.scriptSetup].map((block) => block?.content ?? '').join('\n');
}

/** The path a relative or aliased import points at, before extensions; undefined for a package. */
function localPath(specifier: string, importer: string, aliases: Aliases): string | undefined {
  if (specifier.startsWith('.')) return resolve(dirname(importer), specifier);
  const prefix = Object.keys(aliases).find((p) => specifier === p || specifier.startsWith(`${p}/`));
  return prefix === undefined ? undefined : aliases[prefix] + specifier.slice(prefix.length);
}

const existingFile = (path: string): string | undefined =>
  CANDIDATE_SUFFIXES.map((suffix) => path + suffix).find((file) => existsSync(file) && statSync(file).isFile());

function key(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/**
 * The graph of every .ts and .vue file under `folders` (relative to `root`). An import of a project
 * file that does not exist is an error, so that a resolver gap cannot hide a cycle.
 */
export function importGraph(root: string, folders: string[], aliases: Aliases): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of folders.flatMap((folder) => sourceFiles(resolve(root, folder)))) {
    const targets = new Set<string>();
    for (const specifier of specifiers(scriptCode(file), file)) {
      const path = localPath(specifier, file, aliases);
      if (path === undefined) continue;
      const target = existingFile(path);
      if (!target) throw new Error(`${key(root, file)}: cannot resolve '${specifier}'`);
      targets.add(key(root, target));
    }
    graph.set(key(root, file), [...targets].sort());
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one file, or one file importing itself. */
function tangles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) connect(file);
  return found.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/**
 * Every elementary cycle, each as a chain that starts at its alphabetically first file and ends
 * where it began (`a → b → a`). Cycles are found within each tangle, from its files in order, never
 * revisiting an earlier start, so each is listed once.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  for (const tangle of tangles(graph)) {
    const members = new Set(tangle);
    for (const start of tangle) {
      const walk = (file: string, path: string[]): void => {
        for (const next of graph.get(file) ?? []) {
          if (next === start) cycles.push([...path, start]);
          else if (members.has(next) && next > start && !path.includes(next)) walk(next, [...path, next]);
        }
      };
      walk(start, [start]);
    }
  }
  return cycles;
}
