import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

/** Doyensec's Electron scanner (no types of its own): the parts of its programmatic API used here. */
interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  description: string;
}
type Scan = (options: {
  input: string;
  isRelative: boolean;
  electronVersionOverride: string;
  excludeFromScan: string[];
}) => Promise<{ issues: Finding[]; errors: Array<{ file: string; message: string }> }>;

const require = createRequire(import.meta.url);
const scan = require('@doyensec/electronegativity') as Scan;
const electronVersion = (require('electron/package.json') as { version: string }).version;

/**
 * Checks the scanner cannot run on sources alone, each with what proves the point instead:
 * - CSPGlobalCheck finds a policy only when written out inside the header callback; ours is one
 *   constant, set on every response: proven by tests/unit/main-security.test.ts "is set on every
 *   response of the session, replacing a policy the response carried" and
 *   tests/unit/main-app-protocol.test.ts "serves index.html and the built files with their types
 *   and the CSP".
 * - AvailableSecurityFixesGlobalCheck downloads Electron's release list and reads package.json,
 *   which electron/ does not hold; the Electron version is kept in package.json.
 */
const EXCLUDED = ['CSPGlobalCheck', 'AvailableSecurityFixesGlobalCheck'];

const SERIOUS = new Set(['HIGH', 'MEDIUM']);

async function seriousFindings(input: string): Promise<Finding[]> {
  const result = await scan({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED,
  });
  expect(result.errors, '无法解析的文件').toEqual([]);
  return result.issues.filter((issue) => SERIOUS.has(issue.severity.name));
}

const describeFinding = (f: Finding) =>
  `${f.severity.name} ${f.id} ${f.file}:${f.location.line}:${f.location.column} ${f.description}`;

describe('Electronegativity', () => {
  it('finds nothing HIGH or MEDIUM in the Electron sources', { timeout: 120_000 }, async () => {
    const findings = await seriousFindings('electron');
    expect(findings.map(describeFinding)).toEqual([]);
  });

  it(
    'does report an insecure window and a missing permission handler and navigation guard, so a clean scan means something',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      writeFileSync(
        join(dir, 'main.js'),
        "const { BrowserWindow } = require('electron');\n" +
          'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n',
      );
      const ids = (await seriousFindings(dir)).map((finding) => finding.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          'CONTEXT_ISOLATION_JS_CHECK',
          'SANDBOX_JS_CHECK',
          'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
          'LIMIT_NAVIGATION_GLOBAL_CHECK',
        ]),
      );
    },
  );
});
