import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rules (ESLint no-restricted-imports)', () => {
  it.each(['electron/backend/features/x.ts', 'shared/domain/x.ts', 'renderer/src/x.ts'])(
    'fails an Electron import in %s',
    async (file) => {
      const messages = await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", file);
      expect(messages.join()).toContain('Electron');
    },
  );

  it('fails shared code that reaches into electron/, renderer/ or Node', async () => {
    expect(
      await restrictedImports(
        "import { x } from '../../electron/backend/app';\nexport const a = x;\n",
        'shared/contract/x.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { y } from '../../renderer/src/api/client';\nexport const a = y;\n",
        'shared/contract/x.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
        'shared/domain/x.ts',
      ),
    ).toHaveLength(1);
  });

  it('fails the renderer importing backend code and the backend importing main', async () => {
    expect(
      await restrictedImports(
        "import { openBackend } from '../../../electron/backend/app';\nexport const a = openBackend;\n",
        'renderer/src/api/x.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { m } from '../../main/windows';\nexport const a = m;\n",
        'electron/backend/features/x.ts',
      ),
    ).toHaveLength(1);
  });

  it('allows Electron in the main process and shared code everywhere', async () => {
    expect(
      await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", 'electron/main/x.ts'),
    ).toEqual([]);
    expect(
      await restrictedImports(
        "import { contract } from '../../shared/contract';\nexport const a = contract;\n",
        'electron/backend/x.ts',
      ),
    ).toEqual([]);
  });
});
